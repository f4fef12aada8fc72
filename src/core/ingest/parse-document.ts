/**
 * The ingest entry point: decode the bytes, detect the document's shape, dispatch to the
 * one parser for that shape. Every parser returns the same NormalizedArticle.
 */
import { IngestError, type NormalizedArticle } from '../article.ts';
import { decodeBytes } from './decode-bytes.ts';
import { detectShape } from './detect-shape.ts';
import { parseHtml } from './parse-html.ts';
import { parseJekyll } from './parse-jekyll.ts';
import { parsePageDump } from './parse-page-dump.ts';
import { parsePlainText } from './parse-plain-text.ts';
import { markdownToParagraphs } from './markdown-text.ts';

/** Parses one document's bytes into a normalized article; throws IngestError with a one-line reason. */
export function parseDocument(bytes: Buffer, name: string): NormalizedArticle {
  const text = decodeBytes(bytes, name);
  const shape = detectShape(text, name);
  let article: NormalizedArticle;
  try {
    switch (shape) {
      case 'jekyll':
        article = parseJekyll(text, name);
        break;
      case 'html':
        article = parseHtml(text, name);
        break;
      case 'markdown':
        article = { ...parsePlainText(markdownToParagraphs(text).join('\n\n'), name), shape: 'markdown' };
        break;
      case 'plain-text':
        article = parsePlainText(text, name);
        break;
      case 'page-dump':
        article = parsePageDump(text, name);
        break;
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const msg = String((err as Error)?.message ?? err).split('\n')[0].slice(0, 160);
    throw new IngestError(name, `could not parse as ${shape}: ${msg}`);
  }
  if (!article.title.trim()) throw new IngestError(name, 'no title found');
  if (article.paragraphs.length === 0) throw new IngestError(name, 'no article text found');
  return article;
}
