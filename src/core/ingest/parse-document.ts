/** Placeholder (owned by the ingest work): detect the document's shape and parse it. */
import { IngestError, type NormalizedArticle } from '../article.ts';

/** Parses one document's bytes into a normalized article; throws IngestError with a one-line reason. */
export function parseDocument(bytes: Buffer, name: string): NormalizedArticle {
  void bytes;
  throw new IngestError(name, 'parser not implemented yet');
}
