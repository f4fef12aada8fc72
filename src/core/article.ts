/** The normalized article every parser returns, whatever shape the document arrived in. */

/** 'und': neither Chinese nor English (Urdu, Russian…): not labelled as a language newsbot does not read. */
export type Lang = 'zh-Hant' | 'zh-Hans' | 'en' | 'und';
export type Precision = 'datetime' | 'date';

/** Where and on which day of the month a wire report was filed: （中央社華盛頓10日…） → {place: 華盛頓, day: 10}. */
export interface Dateline {
  place: string;
  day: number;
}

/** A related-news link kept out of the body (CNA timeline block, udn 延伸閱讀 …). */
export interface RelatedLink {
  title: string;
  url: string | null;
  /** As given by the source, ISO 8601 when it could be parsed, else null. */
  time: string | null;
}

/** One body paragraph in reading order; `text` is the original for display. */
export interface Paragraph {
  text: string;
  lang: Lang;
}

export interface NormalizedArticle {
  /** Which parser produced it: 'jekyll' | 'page-dump' | 'plain-text' | 'html' | 'feed-item'. */
  shape: string;
  title: string;
  url: string | null;
  outlet: string | null;
  agency: string | null;
  authors: string[];
  translators: string[];
  /** ISO 8601: full timestamp with offset when a time is known, YYYY-MM-DD when only the day, null when unknown. */
  published_at: string | null;
  published_precision: Precision | null;
  /** When the page says it was last modified (ISO 8601), if it does: orders revisions by the content's own time. */
  modified_at?: string | null;
  dateline: Dateline | null;
  languages: Lang[];
  paragraphs: Paragraph[];
  tags: string[];
  related: RelatedLink[];
}

/** An article as stored: the normalized article plus identity and provenance. */
export interface StoredArticle extends NormalizedArticle {
  id: number;
  source_file: string | null;
  content_hash: string;
  body: string;
  ingested_at: string;
}

/** The body as stored, exported and indexed: the paragraphs joined by blank lines. */
export function bodyOf(article: Pick<NormalizedArticle, 'paragraphs'>): string {
  return article.paragraphs.map((p) => p.text).join('\n\n');
}

/** A document that could not be turned into an article; `reason` is one line for the operator. */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'IngestError';
  }
}
