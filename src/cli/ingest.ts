/**
 * `newsbot ingest <path...> [--db FILE|URL]`: one line per rejected file on stderr, then the summary
 * `ingested N, updated N, unchanged N, rejected N` on stdout. Exit 0 whenever the run completed,
 * rejects included; 1 when the database cannot be opened; 2 for usage or configuration errors.
 */
import { statSync } from 'node:fs';
import type { Stores } from '../core/store/stores.ts';
import { ensureParseWorker } from '../core/loader/parse-thread.ts';
import { dbPath, loadCliConfig, parseArgs } from './args.ts';

const USAGE = 'usage: newsbot ingest <file|folder>... [--db FILE|URL]';

/** Runs the subcommand; returns the exit status. */
export async function run(args: string[]): Promise<number> {
  const { positional, flags } = parseArgs(args);
  if (flags.help || positional.length === 0) {
    process.stderr.write(USAGE + '\n');
    return flags.help ? 0 : 2;
  }
  const config = loadCliConfig('ingest');
  if (!config) return 2;
  // A folder is worth the parse worker: start it before loading parsers and stores here, so the
  // two threads load at once (the heavy modules are imported below, after this).
  if (positional.some(isFolder)) ensureParseWorker();
  const { SchemaVersionError } = await import('../core/store/db.ts');
  const { openStores, redactDbUrl } = await import('../core/store/open-stores.ts');
  const { ingestPaths } = await import('../core/loader/ingest-paths.ts');
  const { escapeName, oneLine } = await import('../core/loader/rejects.ts');
  const file = dbPath(flags, config);
  let stores: Stores;
  try {
    stores = await openStores(file);
  } catch (err) {
    const why = redactDbUrl(oneLine(String((err as Error)?.message ?? err)));
    process.stderr.write(err instanceof SchemaVersionError ? `newsbot ingest: ${why}\n` : `newsbot ingest: cannot open database ${redactDbUrl(file)}: ${why}\n`);
    return 1;
  }
  try {
    const summary = await ingestPaths(stores, positional, {
      maxBytes: Math.floor(config.NEWSBOT_MAX_FILE_MB * 1024 * 1024),
      onReject: (r) => process.stderr.write(`${escapeName(r.file)}: ${r.reason}\n`),
    });
    process.stdout.write(`ingested ${summary.ingested}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected}\n`);
    return 0;
  } finally {
    await stores.close();
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // reported by the walk, with its reason
  }
}
