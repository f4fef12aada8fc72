/**
 * `newsbot export [--db FILE]`: every stored article as one JSON object per line on stdout
 * (fields: src/core/store/export-record.ts). Exit 1 when the database does not exist or cannot be opened.
 */
import { existsSync } from 'node:fs';
import { openStores } from '../core/store/open-stores.ts';
import type { Stores } from '../core/store/stores.ts';
import { toExportEvents, toExportRecord } from '../core/store/export-record.ts';
import { exportMentions } from '../core/entities/text-entities.ts';
import { oneLine } from '../core/loader/rejects.ts';
import { isPostgresUrl, redactDbUrl } from '../core/store/db-url.ts';
import { dbPath, loadCliConfig, parseArgs } from './args.ts';

/** Runs the subcommand; returns the exit status. */
export async function run(args: string[]): Promise<number> {
  const { positional, flags } = parseArgs(args);
  if (flags.help || positional.length) {
    process.stderr.write('usage: newsbot export [--db FILE]\n');
    return flags.help ? 0 : 2;
  }
  const config = loadCliConfig('export');
  if (!config) return 2;
  const file = dbPath(flags, config);
  if (file !== ':memory:' && !isPostgresUrl(file) && !existsSync(file)) {
    process.stderr.write(`newsbot export: no database at ${redactDbUrl(file)}\n`);
    return 1;
  }
  let stores: Stores;
  try {
    stores = await openStores(file);
  } catch (err) {
    process.stderr.write(`newsbot export: cannot open database ${redactDbUrl(file)}: ${redactDbUrl(oneLine(String((err as Error)?.message ?? err)))}\n`);
    return 1;
  }
  try {
    let chunk = '';
    for await (const article of stores.articles.iterate()) {
      const record = toExportRecord(article);
      const extras = await stores.articles.exportExtras(article.id);
      record.events = toExportEvents(extras.events);
      record.story_id = extras.story_id;
      // entity store: the entities area moves exportMentions behind its store.
      record.mentions = await exportMentions(stores, article.id);
      chunk += JSON.stringify(record) + '\n';
      if (chunk.length > 1 << 16) {
        if (!(await write(chunk))) return 0;
        chunk = '';
      }
    }
    if (chunk) await write(chunk);
    return 0;
  } finally {
    await stores.close();
  }
}

/** Writes to stdout honouring back-pressure; false once the reader went away (e.g. `| head`: EPIPE). */
function write(text: string): Promise<boolean> {
  if (!stdoutWatched) {
    stdoutWatched = true;
    process.stdout.on('error', () => {
      readerGone = true;
    });
  }
  if (readerGone) return Promise.resolve(false);
  return new Promise((resolve) => {
    process.stdout.write(text, (err) => resolve(!err && !readerGone));
  });
}

let stdoutWatched = false;
let readerGone = false;
