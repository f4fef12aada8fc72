/**
 * Line classification for text documents: each non-empty line gets one kind from its own
 * shape (length, punctuation, known furniture forms). Parsers reason over these kinds.
 */
import { parseBylineLine } from '../clean/credits.ts';
import { parseDatelineLine } from '../clean/dateline.ts';
import { findDateInText, stripFirstDate } from '../clean/dates.ts';
import { isCaptionLine, isFurnitureMarker, isMenuLine } from '../clean/furniture.ts';

/** What one line of a text dump looks like: prose, a short line, or a kind of furniture/credit. */
export type LineKind = 'para' | 'short' | 'caption' | 'marker' | 'menu' | 'byline' | 'dateline' | 'date';

export interface Line {
  text: string;
  /** 0-based line number in the document. */
  n: number;
  kind: LineKind;
}


/** Classifies every non-empty line of a text document. */
export function classifyLines(text: string): Line[] {
  const out: Line[] = [];
  const raw = text.split('\n');
  for (let n = 0; n < raw.length; n++) {
    const t = raw[n].trim();
    if (t) out.push({ text: t, n, kind: classifyLine(t) });
  }
  return out;
}

/** The kind of one trimmed, non-empty line. */
export function classifyLine(t: string): LineKind {
  if (parseDatelineLine(t)) return 'dateline';
  if (parseBylineLine(t)) return 'byline';
  if (isDateLine(t)) return 'date';
  if (isCaptionLine(t)) return 'caption';
  if (isMenuLine(t)) return 'menu';
  if (isFurnitureMarker(t)) return 'marker';
  if (isParagraphLine(t)) return 'para';
  return 'short';
}

/** A line that is mostly a date (2025-08-23, date 2025-08-23 快訊, 2025年08月21日 14:05). */
export function isDateLine(t: string): boolean {
  if (t.length > 48 || !findDateInText(t, null)) return false;
  const rest = stripFirstDate(t).replace(/[\s|｜:：,，()（）\-–/]/g, '');
  return rest.length <= 12;
}

/** Prose: long enough and punctuated like sentences (Chinese or Latin-script). */
export function isParagraphLine(t: string): boolean {
  const han = t.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han >= 12 && t.length >= 28) {
    if (/。/.test(t) || /[！？!?」』”…]$/.test(t)) return true;
    if (t.length >= 50 && (t.match(/[，、,；;！？]/g)?.length ?? 0) >= 2) return true;
  }
  const words = t.split(/\s+/).filter((w) => /[A-Za-z]{2,}/.test(w)).length;
  return words >= 14 && /[.,;!?]/.test(t);
}

/** A headline candidate: one line, 4–100 characters, not ending like a sentence. */
export function isTitleLike(line: Line): boolean {
  if (line.kind !== 'short' && line.kind !== 'para') return false;
  const t = line.text;
  if (t.length < 4 || t.length > 100) return false;
  if (/[。：:，,]$/.test(t)) return false;
  if (line.kind === 'para' && (t.match(/[。]/g)?.length ?? 0) >= 1) return false;
  return true;
}
