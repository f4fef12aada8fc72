/**
 * Shared setup for the Discord end-to-end tests: a temp SQLite database, the fake Discord
 * server and the real adapter (discord.js client over real sockets), plus a capturing logger.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/core/store/db.ts';
import { createLogger, type Logger } from '../../../src/core/logger.ts';
import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterOptions } from '../../../src/adapters/discord/index.ts';
import { startFakeDiscord, type FakeDiscord } from '../../helpers/fake-discord.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';

/** A token shaped like a real one, used to prove it never reaches a log line. */
export const CANARY_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.CANARY.discord-canary-token-5f3a9c';

export interface Harness {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  db: Db;
  log: Logger;
  lines: string[];
  dir: string;
  close(): Promise<void>;
}

/** Starts fake + adapter (started unless `start: false`). */
export async function startHarness(opts: Partial<DiscordAdapterOptions> & { start?: boolean } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-discord-'));
  const db = openDatabase(join(dir, 'test.db'));
  const lines: string[] = [];
  const log = createLogger('debug', (l) => lines.push(l));
  const fake = await startFakeDiscord({ token: CANARY_TOKEN });
  const adapter = createDiscordAdapter({
    token: CANARY_TOKEN,
    appId: fake.appId,
    apiUrl: fake.apiUrl,
    stores: sqliteStores(db),
    now: () => new Date('2025-08-25T00:00:00Z'),
    log,
    ...opts,
  });
  if (opts.start !== false) await adapter.start();
  return {
    fake,
    adapter,
    db,
    log,
    lines,
    dir,
    async close() {
      await adapter.stop();
      await fake.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What Discord displays for escaped text: a backslash before a punctuation character disappears (and zero-width spaces are invisible). */
export function unescapeDiscord(s: string): string {
  return s.replace(/\\([^A-Za-z0-9\s])/g, '$1').replace(/\u200b/g, '');
}
