/**
 * The `newsbot` command line: dispatches to one module per subcommand in src/cli/.
 * `newsbot start` (what `npm start` runs) wires config, store, adapters and scheduler.
 */
import { pathToFileURL } from 'node:url';
import { redact } from './core/logger.ts';

const SUBCOMMANDS: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  start: () => import('./cli/start.ts'),
  ingest: () => import('./cli/ingest.ts'),
  export: () => import('./cli/export.ts'),
  entities: () => import('./cli/entities.ts'),
  ask: () => import('./cli/ask.ts'),
  register: () => import('./cli/register.ts'),
  sources: () => import('./cli/sources.ts'),
  digest: () => import('./cli/digest.ts'),
  subscriptions: () => import('./cli/subscriptions.ts'),
  deliveries: () => import('./cli/deliveries.ts'),
  dates: () => import('./cli/dates.ts'),
  db: () => import('./cli/db-copy.ts'),
};

const USAGE = `usage: newsbot <command> [options]
  start                         load the seeds if needed, then run the bot (terminal chat without tokens)
  ingest <file|folder>... [--db FILE]
  export [--db FILE]            articles as JSON Lines
  entities [TEXT] [--jsonl] [--db FILE]  people, organisations and places found in a text
  ask "<command line>" [--db FILE] [--lang zh-TW|en] [--json]
  register [--guild ID]         publish the command list to Discord and Telegram
  sources add|list|remove|poll  live sources (folders, RSS/Atom feeds)
  digest run --at <ISO instant> [--db FILE]
  subscriptions [--json]   deliveries [--json]
  dates [TEXT] --at <ISO instant with offset> [--prefer past|future] [--jsonl]
  db copy --from FILE --to postgres://…  move a SQLite database into an empty PostgreSQL one
  --db takes a SQLite file or a postgres:// URL (also NEWSBOT_DATABASE_URL)`;

/** Runs the subcommand named by argv[0] and returns its exit status. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n');
    return name ? 0 : 2;
  }
  const load = SUBCOMMANDS[name];
  if (!load) {
    process.stderr.write(`newsbot: unknown command '${name}'\n${USAGE}\n`);
    return 2;
  }
  const mod = await load();
  return mod.run(rest);
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
const viaLauncher = process.argv[1]?.endsWith('newsbot') || process.argv[1]?.endsWith('newsbot.js');
if (invokedDirectly || viaLauncher) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(redact(`newsbot: ${err instanceof Error ? err.message : String(err)}`) + '\n');
      process.exitCode = 1;
    },
  );
}
