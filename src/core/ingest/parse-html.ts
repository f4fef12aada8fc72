/** Placeholder (owned by the ingest work): main content and metadata of an HTML page. */
import { IngestError, type NormalizedArticle } from '../article.ts';

/** Parses an HTML page (fetched or from a file) into a normalized article; `url` helps metadata rules. */
export function parseHtml(html: string, name: string, url?: string): NormalizedArticle {
  void html;
  void url;
  throw new IngestError(name, 'HTML parser not implemented yet');
}
