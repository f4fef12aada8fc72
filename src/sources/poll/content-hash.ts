/** A content key for cross-source dedupe: the same body text, however it was marked up, hashes alike. */
import { createHash } from 'node:crypto';
import type { NormalizedArticle } from '../../core/article.ts';
import { foldForMatch } from '../../core/text/normalize.ts';

/** sha256 of the folded body text (title when the body is empty). */
export function articleContentHash(article: NormalizedArticle): string {
  const body = article.paragraphs.map((p) => foldForMatch(p.text)).join('\n');
  return createHash('sha256').update(body || foldForMatch(article.title)).digest('hex');
}
