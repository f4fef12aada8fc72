/**
 * The search form of text: normalizeText + case/diacritic folding + one script, so Simplified and
 * Traditional queries meet the same index. The script fold is Traditional → Simplified character by
 * character (OpenCC, memoized per character): that direction is many-to-one (乾/幹/干 → 干), so it
 * needs no phrase context, and a Map lookup per character is far cheaper than whole-text OpenCC
 * (which was a fifth of ingest time). `foldWithOffsets` produces the same form with a map back to
 * the original string, for snippets cut from the text as written.
 */
import { foldForMatch } from '../text/normalize.ts';
import { toSimplified } from '../text/script.ts';

const charCache = new Map<string, string>();
// Simplified form per BMP code unit, memoized in an array indexed by code (the hot path of indexing).
const bmpSimplified: (string | undefined)[] = new Array(0x10000);

/** One character in its Simplified form (the character itself when OpenCC has no mapping). */
function simplifiedChar(ch: string): string {
  let v = charCache.get(ch);
  if (v === undefined) {
    v = toSimplified(ch);
    charCache.set(ch, v);
  }
  return v;
}

/** BMP Han blocks folded: CJK radicals to unified ideographs (U+2E80–U+9FFF) and compatibility ideographs (planes 2–3 are handled by surrogate pair). */
function isHanCode(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** Han characters of `text` folded to Simplified, character by character (length-stable in practice). */
export function foldScriptChars(text: string): string {
  // Characters that fold to themselves are copied in stretches, one slice each.
  let out = '';
  let copyFrom = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80) continue;
    let f: string;
    let width = 1;
    if (isHanCode(c)) {
      f = bmpSimplified[c] ??= simplifiedChar(String.fromCharCode(c));
      if (f.length === 1 && f.charCodeAt(0) === c) continue;
    } else if (c >= 0xd840 && c <= 0xd87f && i + 1 < n && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      const ch = text.slice(i, i + 2);
      f = simplifiedChar(ch);
      width = 2;
      if (f === ch) {
        i++;
        continue;
      }
    } else continue;
    out += text.slice(copyFrom, i) + f;
    i += width - 1;
    copyFrom = i + 1;
  }
  return copyFrom === 0 ? text : out + text.slice(copyFrom);
}

/** The folded, single-script form of `text` (no padding); query terms and indexed text both use it. */
export function toSearchForm(text: string): string {
  return foldScriptChars(foldForMatch(text));
}

/**
 * The indexed form of a column: the search form padded with a space at both ends, so every
 * occurrence of a one- or two-character term starts a trigram (the prefix expansion relies on it)
 * and a Latin word at the very start still has a word boundary before it.
 */
export function toIndexedForm(text: string): string {
  return ` ${toSearchForm(text)} `;
}

const ZERO_WIDTH = /[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]/;
const COMBINING = /[\u0300-\u036f]/g;

export interface FoldedText {
  folded: string;
  /** offsets[i]: index in the original string of the character that produced folded[i]. */
  offsets: number[];
}

/** Folds `text` like toSearchForm, character by character, keeping where each folded unit came from. */
export function foldWithOffsets(text: string): FoldedText {
  let folded = '';
  const offsets: number[] = [];
  let i = 0;
  for (const ch of text) {
    if (ZERO_WIDTH.test(ch)) {
      // dropped
    } else if (/\s/.test(ch)) {
      if (folded.length && !folded.endsWith(' ')) {
        folded += ' ';
        offsets.push(i);
      }
    } else if (/^[a-z0-9\u4e00-\u9fff]$/.test(ch)) {
      offsets.push(i); // common case: folding leaves it as is
      folded += ch;
    } else {
      const f = ch.normalize('NFKC').normalize('NFD').replace(COMBINING, '').normalize('NFC').toLowerCase();
      for (let k = 0; k < f.length; k++) offsets.push(i);
      folded += f;
    }
    i += ch.length;
  }
  // Fold scripts per character so each output unit keeps its source offset.
  let out = '';
  const outOffsets: number[] = [];
  let k = 0;
  for (const ch of folded) {
    const c = foldScriptChars(ch);
    for (let j = 0; j < c.length; j++) outOffsets.push(offsets[k]);
    out += c;
    k += ch.length;
  }
  return { folded: out, offsets: outOffsets };
}
