/**
 * Plain-text articles: a title line, an optional date line and author line, then paragraphs
 * separated by blank lines (hard-wrapped lines inside a paragraph are joined). Bilingual
 * bodies keep both languages, each paragraph labelled with its own.
 */
import { IngestError, type NormalizedArticle } from '../article.ts';
import { parseBylineLine, splitNames } from '../clean/credits.ts';
import { findDateInText, type FoundDate } from '../clean/dates.ts';
import { finishArticle } from './finish-article.ts';
import { isDateLine } from './text-lines.ts';

const AUTHOR_LINE = /^(?:By|作者|文)\s*[:：／/]?\s*(.{2,60})$/;

/** Parses a plain-text article into a normalized article. */
export function parsePlainText(text: string, name: string): NormalizedArticle {
  const blocks = text
    .split(/\n[ \t\u3000]*\n/)
    .map((b) => b.split('\n').map((l) => l.trim()).filter(Boolean))
    .filter((b) => b.length > 0);
  if (blocks.length === 0) throw new IngestError(name, 'only whitespace, no text');
  const head = blocks[0].length > 1 ? [blocks[0][0], ...blocks[0].slice(1).map((l) => [l]), ...blocks.slice(1)] : [blocks[0][0], ...blocks.slice(1)];
  const title = head[0] as string;
  let rest = head.slice(1) as string[][];
  let date: FoundDate | null = null;
  let authors: string[] = [];
  for (let k = 0; k < 3 && rest.length; k++) {
    const first = rest[0].join(' ');
    if (!date && rest[0].length === 1 && isDateLine(first)) {
      date = findDateInText(first, null);
      rest = rest.slice(1);
      continue;
    }
    const by = parseBylineLine(first) ?? (AUTHOR_LINE.test(first) && first.length < 60 ? splitNames(AUTHOR_LINE.exec(first)![1]) : null);
    if (by && authors.length === 0) {
      authors = by;
      rest = rest.slice(1);
      continue;
    }
    break;
  }
  return finishArticle({
    shape: 'plain-text',
    title,
    url: null,
    outlet: null,
    agency: null,
    authors,
    translators: [],
    published_at: date?.iso ?? null,
    published_precision: date?.precision ?? null,
    dateline: null,
    paragraphs: rest.map(joinWrapped),
    tags: [],
    related: [],
  });
}

/** Joins hard-wrapped lines: a space between Latin words, nothing between CJK characters. */
function joinWrapped(lines: string[]): string {
  return lines.reduce((acc, l) => (acc === '' ? l : /[A-Za-z0-9,.;:!?'"’”)]$/.test(acc) && /^[A-Za-z0-9("“‘]/.test(l) ? `${acc} ${l}` : acc + l), '');
}
