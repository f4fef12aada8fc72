/**
 * MinHash signatures for story matching (pure). Two kinds: a body signature over 5-character
 * shingles of the script-folded body (the same wire printed by two outlets scores ~0.9, different
 * texts ~0), and a topic signature over the title and lead (Han bigrams + English words), which
 * two outlets writing up the same event share far more than two stories on the same theme.
 * Band keys of these signatures feed the LSH index so candidates come from a lookup, not a scan.
 */
import { foldScript } from '../text/script.ts';

export const SIG_SIZE = 32;
export const BODY_BANDS = 8; // 8 bands × 4 rows: candidates from Jaccard ≈ 0.6
export const TOPIC_BANDS = 16; // 16 bands × 2 rows: candidates from Jaccard ≈ 0.25

const SEEDS = Array.from({ length: SIG_SIZE }, (_, i) => fmix32(0x9e3779b9 * (i + 1)));

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// Folded form per code point: an array for the BMP (one index per character, no hashing), a Map above it.
const bmpFold: (string | undefined)[] = new Array(0x10000);
const astralFold = new Map<number, string>();

/** One code point in matching form: lower case, NFKC, Traditional; ' ' for anything but letters and digits (memoized: OpenCC runs once per distinct character). */
function foldCode(cp: number): string {
  let out = cp < 0x10000 ? bmpFold[cp] : astralFold.get(cp);
  if (out === undefined) {
    const n = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
    out = /[\p{L}\p{N}]/u.test(n) ? (/[\u3400-\u9fff]/.test(n) ? foldScript(n) : n.normalize('NFD').replace(/[\u0300-\u036f]/g, '')) : ' ';
    if (cp < 0x10000) bmpFold[cp] = out;
    else astralFold.set(cp, out);
  }
  return out;
}

/** Calls `emit` with each code point of `text`. */
function forEachCodePoint(text: string, emit: (cp: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        emit((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    emit(c);
  }
}

/**
 * Matching form: lower case, letters and digits only (anything else a space), Han characters
 * folded to Traditional one by one. Character-level folding ignores OpenCC's phrase rules, which
 * is fine here: both sides of a comparison are folded the same way, and it is ~20× faster.
 */
export function foldForShingles(text: string): string {
  let out = '';
  forEachCodePoint(text, (cp) => (out += foldCode(cp)));
  return out.replace(/ {2,}/g, ' ');
}

/** Adds feature hash `h` to signature `sig` (each slot keeps its minimum under its own permutation). */
function addToSignature(sig: Uint32Array, h: number): void {
  for (let i = 0; i < SIG_SIZE; i++) {
    const v = fmix32(h ^ SEEDS[i]);
    if (v < sig[i]) sig[i] = v;
  }
}

/** MinHash of a set of string features; an empty set gives all-max values (matches nothing). */
export function minHash(features: Iterable<string>): Uint32Array {
  const sig = new Uint32Array(SIG_SIZE).fill(0xffffffff);
  for (const f of features) addToSignature(sig, fnv1a(f));
  return sig;
}

/**
 * MinHash of the body's 5-character shingles (folded, spaces removed, so line wrapping never
 * matters; a body under 5 characters is one shingle). Each shingle's FNV hash is taken straight
 * from the folded code units, without building the shingle strings (a repeated shingle only
 * repeats a minimum, so no set is needed): the same values as minHash over the shingle strings,
 * which test/core/stories/signatures.test.ts holds it to, so stored signatures stay comparable.
 */
export function bodySignature(body: string): Uint32Array {
  const units: number[] = [];
  forEachCodePoint(body, (cp) => {
    const f = foldCode(cp);
    for (let k = 0; k < f.length; k++) {
      const u = f.charCodeAt(k);
      if (u !== 32) units.push(u);
    }
  });
  const sig = new Uint32Array(SIG_SIZE).fill(0xffffffff);
  const n = units.length;
  if (n > 0 && n < 5) {
    let h = 0x811c9dc5;
    for (const u of units) h = Math.imul(h ^ u, 0x01000193);
    addToSignature(sig, h >>> 0);
  }
  for (let i = 0; i + 5 <= n; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + 5; k++) h = Math.imul(h ^ units[k], 0x01000193);
    addToSignature(sig, h >>> 0);
  }
  return sig;
}

const STOP = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'from', 'have', 'has', 'was', 'were', 'are', 'its', 'his', 'her', 'their', 'will', 'would', 'said', 'says', 'after', 'over', 'into', 'about', 'than', 'been', 'not', 'but', 'who', 'what', 'when']);

/** Topic features of a title and lead: Han character bigrams and English words (≥ 3 letters, not stop words). */
export function topicFeatures(title: string, lead: string): Set<string> {
  const out = new Set<string>();
  for (const part of [title, lead]) {
    const s = foldForShingles(part);
    for (const run of s.match(/[\u3400-\u9fff]+/g) ?? []) for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
    for (const w of s.match(/[a-z][a-z0-9]{2,}/g) ?? []) if (!STOP.has(w)) out.add(w);
  }
  return out;
}

/** Estimated Jaccard similarity of two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIG_SIZE; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++;
  return same / SIG_SIZE;
}

/** LSH keys of a signature: kind (0 body, 1 topic), band index and the band's hash packed into one safe integer. */
export function bandKeys(sig: Uint32Array, kind: 0 | 1): number[] {
  const bands = kind === 0 ? BODY_BANDS : TOPIC_BANDS;
  const rows = SIG_SIZE / bands;
  const keys: number[] = [];
  for (let b = 0; b < bands; b++) {
    if (sig[b * rows] === 0xffffffff) continue;
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < rows; r++) h = fmix32(Math.imul(h, 0x01000193) ^ sig[b * rows + r]);
    keys.push(kind * 2 ** 40 + b * 2 ** 32 + h);
  }
  return keys;
}

/** A signature as bytes for storage, and back. */
export function sigToBuffer(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}
export function sigFromBuffer(buf: Buffer): Uint32Array {
  const copy = new Uint8Array(buf);
  return new Uint32Array(copy.buffer, 0, SIG_SIZE);
}

/** LSH-table key of an article's headline (kind 2): the same folded headline within days is the same story. */
export function titleKey(title: string): number | null {
  const t = foldForShingles(title).replace(/ /g, '');
  if ([...t].length < 6) return null; // "快訊", "Update": too generic to mean one story
  return 2 * 2 ** 40 + fnv1a(t);
}
