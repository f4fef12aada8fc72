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

export interface ArticleDerivation {
  /** Indexed forms of title and body for the search row. */
  search: { title: string; body: string };
  signatures: StorySignatures;
  events: ExtractedEvent[];
  /** People, organisations and places recognised by the segmenter (the costly part: ~1 ms per 1,000 Han characters). */
  names: ArticleNames;
}

/** Everything text-only that indexing `article` needs. */
export function deriveArticle(article: NormalizedArticle): ArticleDerivation {
  const body = bodyOf(article);
  return {
    search: { title: toIndexedForm(article.title), body: toIndexedForm(body) },
    signatures: storySignatures({ title: article.title, paragraphs: article.paragraphs, body }),
    events: extractEvents(article),
    names: recognizeArticleNames(article.title, article.paragraphs.map((p) => p.text), article.paragraphs.map((p) => p.lang)),
  };
}
