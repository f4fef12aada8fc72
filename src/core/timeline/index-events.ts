/**
 * Writes an article's dated events (extract-events.ts) to the `events` table. Called through
 * indexArticle inside the store's transaction; deletes and rewrites, so re-ingesting an updated
 * article never leaves stale events.
 */
import type { Db } from '../store/db.ts';
import type { StoredArticle } from '../article.ts';
import { extractEvents, type ExtractedEvent } from './extract-events.ts';

const statements = new WeakMap<Db, { del: import('better-sqlite3').Statement; ins: import('better-sqlite3').Statement }>();

/** Replaces the events of `article` with those extracted from its body (`events`: extractEvents(article) when already computed). */
export function indexEvents(db: Db, article: StoredArticle, events: ExtractedEvent[] = extractEvents(article)): void {
  let st = statements.get(db);
  if (!st) {
    st = {
      del: db.prepare('DELETE FROM events WHERE article_id = ?'),
      ins: db.prepare('INSERT INTO events (article_id, date, day, text, paragraph) VALUES (?, ?, ?, ?, ?)'),
    };
    statements.set(db, st);
  }
  st.del.run(article.id);
  for (const e of events) st.ins.run(article.id, e.date, e.day, e.text, e.paragraph);
}
