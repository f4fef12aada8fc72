/** Turns `articles` + `paragraphs` rows into StoredArticle objects (JSON columns parsed). */
import type { Paragraph, StoredArticle } from '../article.ts';

/** An `articles` row as SQLite returns it (JSON columns still strings). */
export interface ArticleRow {
  id: number;
  source_file: string | null;
  title: string;
  url: string | null;
  outlet: string | null;
  agency: string | null;
  authors: string;
  translators: string;
  published_at: string | null;
  published_precision: 'datetime' | 'date' | null;
  dateline: string | null;
  languages: string;
  tags: string;
  related: string;
  body: string;
  content_hash: string;
  shape: string;
  ingested_at: string;
  updated_at: string;
}

/** The columns toStoredArticle needs, for SELECTs. */
export const ARTICLE_COLUMNS =
  'id, source_file, title, url, outlet, agency, authors, translators, published_at, published_precision, dateline, languages, tags, related, body, content_hash, shape, ingested_at, updated_at';

/** A StoredArticle from its row and paragraphs; `updated_at` rides along for export. */
export function toStoredArticle(row: ArticleRow, paragraphs: Paragraph[]): StoredArticle & { updated_at: string } {
  return {
    id: row.id,
    shape: row.shape,
    title: row.title,
    url: row.url,
    outlet: row.outlet,
    agency: row.agency,
    authors: JSON.parse(row.authors),
    translators: JSON.parse(row.translators),
    published_at: row.published_at,
    published_precision: row.published_precision,
    dateline: row.dateline ? JSON.parse(row.dateline) : null,
    languages: JSON.parse(row.languages),
    paragraphs,
    tags: JSON.parse(row.tags),
    related: JSON.parse(row.related),
    source_file: row.source_file,
    content_hash: row.content_hash,
    body: row.body,
    ingested_at: row.ingested_at,
    updated_at: row.updated_at,
  };
}
