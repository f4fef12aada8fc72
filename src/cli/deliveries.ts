/**
 * `newsbot deliveries [--json] [--db FILE]`: the delivery ledger, one JSON object per line
 * (--json) or a readable table: claimed / sent (with platform message ids) / failed (with reason)
 * / skipped_empty, per subscription and due time.
 */
import { loadConfig } from '../config.ts';
import { openStores } from '../core/store/open-stores.ts';
import { parseArgs, dbPath } from './args.ts';
import { formatTable } from './format-table.ts';

export async function run(argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, ['json']);
  const cfg = loadConfig();
  const stores = await openStores(dbPath(flags, cfg.NEWSBOT_DB));
  try {
    const rows = await stores.ledger.list();
    if (flags.json) {
      for (const d of rows) process.stdout.write(JSON.stringify(d) + '\n');
      return 0;
    }
    if (!rows.length) {
      process.stdout.write('no deliveries\n');
      return 0;
    }
    process.stdout.write(
      formatTable(
        ['id', 'subscription', 'due', 'status', 'attempts', 'messages', 'sent at', 'error'],
        rows.map((d) => [
          String(d.id),
          String(d.subscription_id),
          d.due_at,
          d.status,
          String(d.attempts),
          d.message_ids.join(',') || '-',
          d.sent_at ?? '-',
          (d.error ?? '') + (d.retry_at ? ` (retry at ${d.retry_at})` : ''),
        ]),
      ),
    );
    return 0;
  } finally {
    await stores.close();
  }
}
