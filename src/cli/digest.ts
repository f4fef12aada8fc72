/**
 * `newsbot digest run --at <ISO 8601 instant> [--db FILE]`: sends, through the configured adapters,
 * every digest due at or before that instant that has not been sent, as if the clock read that
 * time. Safe while the bot runs: the delivery ledger decides which process sends each digest.
 */
import { loadConfig } from '../config.ts';
import { openStores } from '../core/store/open-stores.ts';
import { createLogger } from '../core/logger.ts';
import { parseArgs, dbPath } from './args.ts';
import { runDueDigests } from '../scheduler/run-due-digests.ts';
import { buildAdapters, byPlatform } from '../adapters/build-adapters.ts';

const USAGE = 'usage: newsbot digest run --at <ISO 8601 instant, e.g. 2026-11-22T08:00:00+08:00> [--db FILE]';

/** Parses an ISO 8601 instant with a date, a time and an offset (or Z); null otherwise. */
export function parseInstant(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}

export async function run(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  if (positional[0] !== 'run') {
    process.stderr.write(`newsbot digest: expected 'run'\n${USAGE}\n`);
    return 2;
  }
  if (typeof flags.at !== 'string') {
    process.stderr.write(`newsbot digest run: --at is required\n${USAGE}\n`);
    return 2;
  }
  const at = parseInstant(flags.at);
  if (!at) {
    process.stderr.write(`newsbot digest run: --at '${flags.at}' is not an ISO 8601 instant with an offset (e.g. 2026-11-22T00:00:00Z)\n`);
    return 2;
  }
  const cfg = loadConfig();
  const log = createLogger(cfg.LOG_LEVEL);
  const stores = await openStores(dbPath(flags, cfg));
  const adapters = byPlatform(await buildAdapters(cfg, stores, log));
  try {
    if (!Object.keys(adapters).length) {
      process.stderr.write('newsbot digest run: no chat platform configured (set TELEGRAM_TOKEN and/or DISCORD_TOKEN + DISCORD_APP_ID)\n');
      return 2;
    }
    const s = await runDueDigests(stores, adapters, at, { log, maxStories: cfg.NEWSBOT_DIGEST_MAX_STORIES, emptyNote: cfg.NEWSBOT_DIGEST_EMPTY_NOTE });
    process.stdout.write(
      `digests due at or before ${at.toISOString()}: ${s.due} due, ${s.claimed} claimed, ${s.stats.sent} sent (${s.stats.messages} messages), ` +
        `${s.skippedEmpty} with nothing new, ${s.stats.failed} failed, ${s.recovered} taken over, ${s.abandoned} abandoned as ambiguous\n`,
    );
    return s.stats.failed ? 1 : 0;
  } finally {
    for (const a of Object.values(adapters)) await a?.stop().catch(() => undefined);
    await stores.close();
  }
}
