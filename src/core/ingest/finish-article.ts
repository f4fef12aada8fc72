/**
 * The last step every parser shares: credits, trailer codes and captions out of the paragraphs,
 * the wire dateline (in the opening paragraph or standing alone) and bylines near the top read
 * into fields, languages labelled.
 */
import type { NormalizedArticle } from '../article.ts';
import { extractCreditNotes, parseBylineLine, stripTrailerCode } from '../clean/credits.ts';
import { parseDatelineLine, parseParagraphDateline } from '../clean/dateline.ts';
import { isCaptionLine } from '../clean/furniture.ts';
import { labelLanguages } from '../clean/language.ts';

/** What a parser hands over: the article with raw paragraph strings, languages not yet labelled. */
export type DraftArticle = Omit<NormalizedArticle, 'paragraphs' | 'languages'> & { paragraphs: string[] };

/** Cleans a parser's draft into the normalized article (pure; the draft is not modified). */
export function finishArticle(draft: DraftArticle): NormalizedArticle {
  const translators = [...draft.translators];
  let { dateline, agency } = draft;
  const authors = [...draft.authors];
  const texts: string[] = [];
  draft.paragraphs.forEach((raw, i) => {
    const credits = extractCreditNotes(stripTrailerCode(raw));
    translators.push(...credits.translators);
    const text = stripTrailerCode(credits.text);
    if (!text) return;
    if (text.length <= 160 && isCaptionLine(text)) return;
    if (i < 3 && !dateline) {
      const found = parseParagraphDateline(text);
      if (found) {
        dateline = found.dateline;
        agency ??= found.agency;
        authors.push(...found.authors);
        if (found.length >= text.length) return;
      }
      // A dateline or byline standing as its own paragraph (udn/ETtoday HTML, feed items).
      const line = text.length <= 40 ? parseDatelineLine(text) : null;
      if (line) {
        dateline = line.dateline;
        agency ??= line.agency;
        authors.push(...line.authors);
        return;
      }
    }
    if (i < 3 && text.length <= 60) {
      const byline = parseBylineLine(text);
      if (byline) {
        authors.push(...byline);
        return;
      }
    }
    texts.push(text);
  });
  const { paragraphs, languages } = labelLanguages(texts);
  return {
    ...draft,
    agency,
    dateline,
    authors: unique(authors),
    translators: unique(translators),
    paragraphs,
    languages,
  };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
}
