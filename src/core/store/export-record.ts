/** The JSON Lines record of `newsbot export`: a stable, documented shape that outside scripts read. */
import { bodyOf, type StoredArticle } from '../article.ts';

export interface ExportRecord {
  id: number;
  source_file: string | null;
  title: string;
  url: string | null;
  outlet: string | null;
  agency: string | null;
  authors: string[];
  translators: string[];
  published_at: string | null;
  published_precision: string | null;
  dateline: { place: string; day: number } | null;
  languages: string[];
  paragraphs: string[];
  /** The language of each paragraph, parallel to `paragraphs`. */
  paragraph_langs: string[];
  body: string;
  tags: string[];
  related: { title: string; url: string | null; time: string | null }[];
  content_hash: string;
  shape: string;
  ingested_at: string;
  /** Dated events read from the body (/timeline); a day without its month is `---DD` (ISO 8601), precision 'day-of-month'. */
  events?: ExportEvent[];
  /** The story the article was grouped into. */
  story_id?: number | null;
  /** People, organisations and places the article names, with how often. */
  mentions?: { entity_id: string; name: string; type: string; count: number }[];
}

export interface ExportEvent {
  date: string;
  precision: 'day' | 'day-of-month';
  text: string;
}

/** Stored events → export events. */
export function toExportEvents(rows: { date: string | null; day: number | null; text: string }[]): ExportEvent[] {
  return rows
    .filter((r) => r.date || r.day)
    .map((r) => (r.date ? { date: r.date, precision: 'day' as const, text: r.text } : { date: `---${String(r.day).padStart(2, '0')}`, precision: 'day-of-month' as const, text: r.text }));
}

/** The export record of a stored article (field order fixed, so diffs between exports stay readable). */
export function toExportRecord(a: StoredArticle): ExportRecord {
  return {
    id: a.id,
    source_file: a.source_file,
    title: a.title,
    url: a.url,
    outlet: a.outlet,
    agency: a.agency,
    authors: a.authors,
    translators: a.translators,
    published_at: a.published_at,
    published_precision: a.published_precision,
    dateline: a.dateline,
    languages: a.languages,
    paragraphs: a.paragraphs.map((p) => p.text),
    paragraph_langs: a.paragraphs.map((p) => p.lang),
    body: bodyOf(a),
    tags: a.tags,
    related: a.related,
    content_hash: a.content_hash,
    shape: a.shape,
    ingested_at: a.ingested_at,
  };
}
