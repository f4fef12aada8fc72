/**
 * `newsbot subscriptions [--json] [--db FILE]`: every subscription, as one JSON object per line
 * (--json) or a readable table, with its next due time and why it is paused.
 */
import { loadConfig } from '../config.ts';
import { openStores } from '../core/store/open-stores.ts';
import { parseArgs, dbPath } from './args.ts';
import { formatLocal } from '../core/digest/due-times.ts';
import { formatTable } from './format-table.ts';

export async function run(argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, ['json']);
  const cfg = loadConfig();
  const stores = await openStores(dbPath(flags, cfg.NEWSBOT_DB));
  try {
    const subs = await stores.subscriptions.list();
    if (flags.json) {
      for (const s of subs) process.stdout.write(JSON.stringify(s) + '\n');
      return 0;
    }
    if (!subs.length) {
      process.stdout.write('no subscriptions\n');
      return 0;
    }
    const rows = subs.map((s) => [
      String(s.id),
      s.platform,
      s.chat_id + (s.thread_id ? `/${s.thread_id}` : ''),
      `${s.time} ${s.tz}`,
      s.topic ?? '(all)',
      formatLocal(new Date(s.next_due_at), s.tz),
      s.last_digest_due_at ?? '-',
      s.paused_reason ? `paused: ${s.paused_reason}` : s.consecutive_failures ? `${s.consecutive_failures} failures` : 'active',
    ]);
    process.stdout.write(formatTable(['id', 'platform', 'chat', 'time', 'topic', 'next (local)', 'last digest due', 'state'], rows));
    return 0;
  } finally {
    await stores.close();
  }
}
