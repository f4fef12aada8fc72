/** A real temporary database, a guarded fetcher and a settable clock for poller tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/core/store/db.ts';
import { createLogger } from '../../src/core/logger.ts';
import { createFetcher, type FetcherOptions } from '../../src/sources/fetch/create-fetcher.ts';
import { defaultSinks } from '../../src/sources/sinks.ts';
import type { SourceRow } from '../../src/core/store/source-store.ts';
import type { PollContext } from '../../src/sources/poll/poll-context.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

export interface Harness {
  db: Db;
  ctx: PollContext;
  clock: { t: number };
  dir: string;
  addFeed(name: string, url: string, every?: number, kind?: 'feed' | 'page' | 'folder'): Promise<SourceRow>;
  source(id: number): Promise<SourceRow>;
  articleCount(): number;
  close(): Promise<void>;
}

/** Builds a harness; the clock starts at 2025-11-10T00:00:00Z and only moves when a test moves it. */
export function createHarness(fetcherOpts: Partial<FetcherOptions> = {}): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-sources-'));
  const db = openDatabase(join(dir, 'test.db'));
  const clock = { t: Date.parse('2025-11-10T00:00:00Z') };
  const now = () => new Date(clock.t);
  const fetcher = createFetcher({ allowPrivate: true, now, ...fetcherOpts });
  const ctx: PollContext = { stores: sqliteStores(db), fetcher, sinks: defaultSinks(now), log: createLogger('silent'), now, pageDelayMs: 0 };
  const sources = ctx.stores.sources;
  return {
    db,
    ctx,
    clock,
    dir,
    addFeed: (name, url, every = 30, kind = 'feed') => sources.add({ name, kind, location: url, every_minutes: every }, now()),
    source: async (id) => (await sources.get(id))!,
    articleCount: () => (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n,
    async close() {
      await ctx.sinks.close();
      await fetcher.close();
      db.close();
    },
  };
}
