/**
 * `newsbot db copy --from <sqlite file> --to postgres://…`: moves an installation to PostgreSQL.
 * Both sides are first brought to this program's schema; the target must be empty. One line per
 * table on stdout, then a total. Exit 0 on success, 1 when the copy was refused or failed, 2 for usage.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from './args.ts';
import { oneLine } from '../core/loader/rejects.ts';
import { addSecret, redact } from '../core/logger.ts';
import { dbUrlPassword, isPostgresUrl, redactDbUrl } from '../core/store/db-url.ts';
import { copyDatabase } from '../core/store/copy/copy-database.ts';

const USAGE = 'usage: newsbot db copy --from <sqlite file> --to postgres://user@host/db';

function fail(msg: string): number {
  process.stderr.write(redact(`newsbot db copy: ${msg}`) + '\n');
  return 1;
}

/** Runs `newsbot db <subcommand>`; only `copy` exists. */
export async function run(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  if (flags.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const from = flags.from;
  const to = flags.to;
  if (positional[0] !== 'copy' || positional.length > 1 || typeof from !== 'string' || typeof to !== 'string') {
    process.stderr.write(`newsbot db: ${positional[0] && positional[0] !== 'copy' ? `unknown subcommand '${positional[0]}'` : 'copy needs --from and --to'}\n${USAGE}\n`);
    return 2;
  }
  if (isPostgresUrl(from) || !isPostgresUrl(to)) {
    process.stderr.write(`newsbot db copy: --from must be a SQLite file and --to a postgres:// URL\n${USAGE}\n`);
    return 2;
  }
  addSecret(dbUrlPassword(to));
  if (!existsSync(from)) return fail(`no database at ${from}`);
  try {
    let total = 0;
    const started = Date.now();
    await copyDatabase(from, to, (t) => {
      total += t.rows;
      process.stdout.write(`${t.table}: ${t.rows} rows${t.note ? ` (${t.note})` : ''}\n`);
    });
    process.stdout.write(`copied ${total} rows from ${from} to ${redactDbUrl(to)} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  } catch (err) {
    return fail(redactDbUrl(oneLine(err instanceof Error ? err.message : String(err))));
  }
}
