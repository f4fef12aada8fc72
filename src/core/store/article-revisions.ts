/**
 * Revisions of stored articles: when the same article (same file, URL or GUID) arrives again with
 * another headline or body, what changed is kept, so /story can show `headline changed: old → new`
 * and the next digest can mark the story updated.
 */
import type { Db } from './db.ts';
import { normalizeText } from '../text/normalize.ts';
import { prepareCached } from './statements.ts';

export interface ArticleRevision {
  id: number;
  article_id: number;
  at: string;
  old_title: string;
  new_title: string;
  body_changed: boolean;
  paragraphs_added: number;
  paragraphs_removed: number;
  /** The opening of the first paragraph that is new in this version (at most 160 characters). */
  added_sample: string | null;
}

/** The headline and paragraphs of an article as stored, read before it is rewritten. */
export interface ArticleVersion {
  title: string;
  paragraphs: string[];
}

/** The stored version of article `id` (headline and paragraph texts). */
export function readVersion(db: Db, id: number): ArticleVersion | undefined {
  const title = prepareCached(db, 'SELECT title FROM articles WHERE id = ?').pluck().get(id) as string | undefined;
  if (title === undefined) return undefined;
  const paragraphs = prepareCached(db, 'SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position').pluck().all(id) as string[];
  return { title, paragraphs };
}

/** What changed between two versions; null when headline and body read the same (only metadata moved). */
export function diffVersions(before: ArticleVersion, after: ArticleVersion): Omit<ArticleRevision, 'id' | 'article_id' | 'at'> | null {
  const norm = (s: string) => normalizeText(s).replace(/\s+/g, '');
  const oldSet = new Set(before.paragraphs.map(norm));
  const newSet = new Set(after.paragraphs.map(norm));
  const added = after.paragraphs.filter((p) => !oldSet.has(norm(p)));
  const removed = before.paragraphs.filter((p) => !newSet.has(norm(p)));
  const titleChanged = norm(before.title) !== norm(after.title);
  const bodyChanged = added.length > 0 || removed.length > 0;
  if (!titleChanged && !bodyChanged) return null;
  const sample = added[0] ? added[0].replace(/\s+/g, ' ').trim() : '';
  return {
    old_title: before.title,
    new_title: after.title,
    body_changed: bodyChanged,
    paragraphs_added: added.length,
    paragraphs_removed: removed.length,
    added_sample: sample ? (sample.length > 160 ? sample.slice(0, 159) + '…' : sample) : null,
  };
}

/** Records a revision of article `id` (when `before` and `after` differ in headline or body); returns whether one was kept. */
export function recordRevision(db: Db, id: number, before: ArticleVersion, after: ArticleVersion, at: string, source: string | null, contentAt: string | null = null): boolean {
  const d = diffVersions(before, after);
  if (!d) return false;
  prepareCached(
    db,
    `INSERT INTO article_revisions (article_id, at, old_title, new_title, body_changed, paragraphs_added, paragraphs_removed, added_sample, source, content_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, at, d.old_title, d.new_title, d.body_changed ? 1 : 0, d.paragraphs_added, d.paragraphs_removed, d.added_sample, source, contentAt);
  return true;
}

type Row = Omit<ArticleRevision, 'body_changed'> & { body_changed: number };

/** The revisions of the given articles, oldest first: by the content's own time where known, else by arrival. */
export function revisionsOf(db: Db, articleIds: number[]): ArticleRevision[] {
  if (!articleIds.length) return [];
  const rows = db
    .prepare(
      `SELECT id, article_id, at, old_title, new_title, body_changed, paragraphs_added, paragraphs_removed, added_sample
       FROM article_revisions WHERE article_id IN (${articleIds.map(() => '?').join(',')}) ORDER BY coalesce(content_at, at), at, id`,
    )
    .all(...articleIds) as Row[];
  return rows.map((r) => ({ ...r, body_changed: r.body_changed === 1 }));
}

/** The story an article is in, if any. */
export function storyOfArticle(db: Db, articleId: number): number | undefined {
  return prepareCached(db, 'SELECT story_id FROM story_articles WHERE article_id = ?').pluck().get(articleId) as number | undefined;
}

/**
 * Keeps a story's number when a revision re-clusters its only article: re-assigning it empties and
 * deletes the old story and starts a new one, which then takes the old number back, so `/story N`,
 * follows of story N and its thread keep working. Stories that still exist are left as they are.
 */
export function keepStoryNumber(db: Db, articleId: number, oldStoryId: number | undefined): void {
  if (oldStoryId === undefined) return;
  const now = storyOfArticle(db, articleId);
  if (now === undefined || now === oldStoryId) return;
  if (prepareCached(db, 'SELECT 1 FROM stories WHERE id = ?').get(oldStoryId)) return;
  const members = prepareCached(db, 'SELECT count(*) FROM story_articles WHERE story_id = ?').pluck().get(now) as number;
  if (members !== 1) return;
  // story_articles references stories(id): check the pair once both rows agree again.
  db.pragma('defer_foreign_keys = ON');
  prepareCached(db, 'UPDATE stories SET id = ? WHERE id = ?').run(oldStoryId, now);
  prepareCached(db, 'UPDATE story_articles SET story_id = ? WHERE story_id = ?').run(oldStoryId, now);
  db.pragma('defer_foreign_keys = OFF');
}
