/**
 * `newsbot ingest <path...> [--db FILE]`: one line per rejected file on stderr, then the summary
 * `ingested N, updated N, unchanged N, rejected N` on stdout. Exit 0 whenever the run completed,
 * rejects included; 1 when the database cannot be opened; 2 for usage or configuration errors.
 */
import { openDatabase, SchemaVersionError, type Db } from '../core/store/db.ts';
import { ingestPaths } from '../core/loader/ingest-paths.ts';
import { storyIndexingDone } from '../core/knowledge/index-article.ts';
import { escapeName, oneLine } from '../core/loader/rejects.ts';
import { dbPath, loadCliConfig, parseArgs } from './args.ts';

const USAGE = 'usage: newsbot ingest <file|folder>... [--db FILE]';

/** Runs the subcommand; returns the exit status. */
export async function run(args: string[]): Promise<number> {
  const { positional, flags } = parseArgs(args);
  if (flags.help || positional.length === 0) {
    process.stderr.write(USAGE + '\n');
    return flags.help ? 0 : 2;
  }
  const config = loadCliConfig('ingest');
  if (!config) return 2;
  const file = dbPath(flags, config.NEWSBOT_DB);
  let db: Db;
  try {
    db = openDatabase(file);
  } catch (err) {
    const why = oneLine(String((err as Error)?.message ?? err));
    process.stderr.write(err instanceof SchemaVersionError ? `newsbot ingest: ${why}\n` : `newsbot ingest: cannot open database ${file}: ${why}\n`);
    return 1;
  }
  try {
    const summary = ingestPaths(db, positional, {
      maxBytes: Math.floor(config.NEWSBOT_MAX_FILE_MB * 1024 * 1024),
      onReject: (r) => process.stderr.write(`${escapeName(r.file)}: ${r.reason}\n`),
    });
    await storyIndexingDone(db); // TRANSITIONAL (stories branch): see core/knowledge/index-article.ts
    process.stdout.write(`ingested ${summary.ingested}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected}\n`);
    return 0;
  } finally {
    db.close();
  }
}
