/**
 * Folding for name matching: case, diacritics, full-width forms and name separators
 * (space, hyphen, dot, middle dot ·・．) are folded so "Mark Rutte", "MarkRutte", "mark-rutte"
 * and "唐納德．川普" / "唐納德·川普" compare equal. Han characters are left alone here:
 * Traditional/Simplified folding is done once per alias (variants) or per query (foldKey),
 * never per article, because opencc costs ~50 ms per MB.
 */
import { toSimplified, toTraditional } from '../text/script.ts';

const SEPARATORS = new Set([' ', '\t', '\n', '\r', '\u00a0', '\u3000', '·', '・', '．', '‧', '•', '∙', '-', '‐', '‑', '‒', '–', '—', '.', '_', '\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad']);
const charCache = new Map<string, string>();

/** Folds one character (code point) to its match form: '' for zero-width, ' ' for separators. */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    return SEPARATORS.has(ch) ? ' ' : ch;
  }
  let out = charCache.get(ch);
  if (out === undefined) {
    if (ch === '\u200b' || ch === '\u200c' || ch === '\u200d' || ch === '\ufeff' || ch === '\u00ad') out = '';
    else if (SEPARATORS.has(ch)) out = ' ';
    else {
      out = ch.normalize('NFKC').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      if (out.length === 1 && SEPARATORS.has(out)) out = out === '' ? '' : ' ';
    }
    charCache.set(ch, out);
  }
  return out;
}

/** A text folded for matching, with `map[i]` = index in the original of folded character i. */
export interface FoldedText {
  folded: string;
  map: number[];
}

// foldChar per BMP code unit, memoized in an array indexed by code (foldText's hot path: no string keys).
const bmpFold: (string | undefined)[] = new Array(0x10000);

function foldCode(code: number): string {
  let out = bmpFold[code];
  if (out === undefined) bmpFold[code] = out = foldChar(String.fromCharCode(code));
  return out;
}

/** Folds `text` (separator runs collapse to one space) keeping a map back to original offsets. */
export function foldText(text: string): FoldedText {
  // Unchanged stretches are copied with one slice each (most Han text folds to itself).
  let folded = '';
  let copyFrom = 0; // start of the pending unchanged stretch of `text`
  const map: number[] = [];
  let lastSpace = true;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < n;
    const f = pair ? foldChar(text.slice(i, i + 2)) : foldCode(code);
    if (!pair && f.length === 1 && f.charCodeAt(0) === code && f !== ' ') {
      map.push(i);
      lastSpace = false;
      continue;
    }
    if (copyFrom < i) folded += text.slice(copyFrom, i);
    if (f === ' ') {
      if (!lastSpace) {
        folded += ' ';
        map.push(i);
        lastSpace = true;
      }
    } else if (f.length) {
      for (let k = 0; k < f.length; k++) map.push(i);
      folded += f;
      lastSpace = false;
    }
    if (pair) i++;
    copyFrom = i + 1;
  }
  if (copyFrom < n) folded += text.slice(copyFrom);
  map.push(n);
  return { folded, map };
}

/** foldText without the map, trimmed: the form aliases are compared in inside text. */
export function foldPhrase(text: string): string {
  return foldText(text).folded.trim();
}

/**
 * The spacing-neutral lookup key of a name or query: folded, no separators. "MarkRutte",
 * "mark rutte", "Mark-Rutte" → "markrutte". Script is not converted here: the alias index stores
 * a key for each script variant (scriptVariants), so a lookup needs no opencc at all.
 */
export function foldKey(text: string): string {
  return foldPhrase(text).replace(/ /g, '');
}

/** A name as written plus its Traditional and Simplified forms (opencc), without repeats. */
export function scriptVariants(text: string): string[] {
  if (!hasHan(text)) return [text];
  return [...new Set([text, toTraditional(text), toSimplified(text)])];
}

/** True for a-z and 0-9: the characters a Latin alias must not touch on either side. */
export function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** True when `s` contains a Han character (CJK unified ideographs). */
export function hasHan(s: string): boolean {
  return /\p{Script=Han}/u.test(s);
}
