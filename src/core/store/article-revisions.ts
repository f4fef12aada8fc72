/**
 * Revisions of stored articles: when the same article (same file, URL or GUID) arrives again with
 * another headline or body, what changed is kept, so /story can show `headline changed: old → new`
 * and the next digest can mark the story updated. The store (src/core/store/articles/) records
 * and reads them; this file says what counts as a change.
 */
import { normalizeText } from '../text/normalize.ts';

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
