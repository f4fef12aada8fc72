/**
 * The part of indexing that needs only the article's text, not the database: search forms,
 * story signatures and dated events. Pure, so the parse worker computes it next to parsing and
 * the storing thread only writes the rows (entity matching stays there: it learns as it goes).
 */
import { bodyOf, type NormalizedArticle } from '../article.ts';
import { toIndexedForm } from '../search/search-text.ts';
import { storySignatures, type StorySignatures } from '../stories/assign-story.ts';
import { extractEvents, type ExtractedEvent } from '../timeline/extract-events.ts';
import { recognizeArticleNames, type ArticleNames } from '../entities/article-names.ts';
import { recognizeNames, type NameSpan } from '../entities/recognize-names.ts';

export interface ArticleDerivation {
  /** Indexed forms of title and body for the search row. */
  search: { title: string; body: string };
  signatures: StorySignatures;
  events: ExtractedEvent[];
  /** People, organisations and places recognised by the segmenter (the costly part: ~1 ms per 1,000 Han characters). */
  names: ArticleNames;
}

/** Everything text-only that indexing `article` needs. */
export function deriveArticle(article: NormalizedArticle, names?: ArticleNames): ArticleDerivation {
  const body = bodyOf(article);
  return {
    search: { title: toIndexedForm(article.title), body: toIndexedForm(body) },
    signatures: storySignatures({ title: article.title, paragraphs: article.paragraphs, body }),
    events: extractEvents(article),
    names: names ?? recognizeArticleNames(article.title, article.paragraphs.map((p) => p.text), article.paragraphs.map((p) => p.lang)),
  };
}

/**
 * deriveArticle(`cleaned`) for an article cleaning shortened (site furniture dropped: some
 * paragraphs removed, maybe a title suffix), reusing the names `derived` found in `original`'s
 * paragraphs that remain. Names are recognised per paragraph, so the result is the same; without
 * this every cleaned article ran the segmenter again on the storing thread.
 */
export function rederiveArticle(cleaned: NormalizedArticle, original: NormalizedArticle, derived: ArticleDerivation): ArticleDerivation {
  const paragraphs: ArticleNames['paragraphs'] = [];
  let j = 0;
  for (const p of cleaned.paragraphs) {
    // Cleaning keeps paragraph objects, in order: find each one among the original's.
    while (j < original.paragraphs.length && original.paragraphs[j] !== p) j++;
    if (j < original.paragraphs.length && derived.names.paragraphs[j]) paragraphs.push(derived.names.paragraphs[j++]);
    else return deriveArticle(cleaned);
  }
  return deriveArticle(cleaned, { title: titleNames(cleaned.title, original.title, derived.names.title), paragraphs });
}

/**
 * The names of a title cleaning shortened (a site's suffix or prefix dropped: 标题 - iYouPort):
 * the original title's names inside what is kept, moved to their new offsets; recognised afresh
 * only when the title was otherwise rewritten. Spares the storing thread the segmenter.
 */
function titleNames(title: string, original: string, names: NameSpan[]): NameSpan[] {
  if (title === original) return names;
  const at = original.indexOf(title);
  if (at < 0 || !title) return recognizeNames(title);
  const end = at + title.length;
  return names.filter((n) => n.start >= at && n.end <= end).map((n) => (at === 0 ? n : shift(n, -at)));
}

function shift(n: NameSpan, by: number): NameSpan {
  const moved: NameSpan = { ...n, start: n.start + by, end: n.end + by };
  if (n.inner) moved.inner = n.inner.map((i) => shift(i, by));
  return moved;
}
