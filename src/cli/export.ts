/**
 * `newsbot export [--db FILE]`: every stored article as one JSON object per line on stdout
 * (fields: src/core/store/export-record.ts). Exit 1 when the database does not exist or cannot be opened.
 */
import { existsSync } from 'node:fs';
import { openDatabase, type Db } from '../core/store/db.ts';
import { createArticleStore } from '../core/store/articles.ts';
import { toExportEvents, toExportRecord } from '../core/store/export-record.ts';
import { exportMentions } from '../core/entities/text-entities.ts';
import { sqliteStores } from '../core/store/open-stores.ts';
import { oneLine } from '../core/loader/rejects.ts';
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
  const file = dbPath(flags, config.NEWSBOT_DB);
  if (file !== ':memory:' && !existsSync(file)) {
    process.stderr.write(`newsbot export: no database at ${file}\n`);
    return 1;
  }
  let db: Db;
  try {
    db = openDatabase(file);
  } catch (err) {
    process.stderr.write(`newsbot export: cannot open database ${file}: ${oneLine(String((err as Error)?.message ?? err))}\n`);
    return 1;
  }
  try {
    let chunk = '';
    const eventsOf = db.prepare('SELECT date, day, text FROM events WHERE article_id = ? ORDER BY id');
    const storyOf = db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').pluck();
    for (const article of createArticleStore(db).iterate()) {
      const record = toExportRecord(article);
      record.events = toExportEvents(eventsOf.all(article.id) as { date: string | null; day: number | null; text: string }[]);
      record.story_id = (storyOf.get(article.id) as number | undefined) ?? null;
      record.mentions = await exportMentions(sqliteStores(db), article.id);
      chunk += JSON.stringify(record) + '\n';
      if (chunk.length > 1 << 16) {
        if (!(await write(chunk))) return 0;
        chunk = '';
      }
    }
    if (chunk) await write(chunk);
    return 0;
  } finally {
    db.close();
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
