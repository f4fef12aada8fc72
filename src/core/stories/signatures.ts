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

const charFold = new Map<string, string>();

/** One character in matching form: lower case, NFKC, Traditional (memoized: OpenCC runs once per distinct character). */
function foldOne(ch: string): string {
  let out = charFold.get(ch);
  if (out === undefined) {
    const n = ch.normalize('NFKC').toLowerCase();
    out = /[\p{L}\p{N}]/u.test(n) ? (/[\u3400-\u9fff]/.test(n) ? foldScript(n) : n.normalize('NFD').replace(/[\u0300-\u036f]/g, '')) : ' ';
    charFold.set(ch, out);
  }
  return out;
}

/**
 * Matching form: lower case, letters and digits only (anything else a space), Han characters
 * folded to Traditional one by one. Character-level folding ignores OpenCC's phrase rules, which
 * is fine here: both sides of a comparison are folded the same way, and it is ~20× faster.
 */
export function foldForShingles(text: string): string {
  let out = '';
  for (const ch of text) out += foldOne(ch);
  return out.replace(/ {2,}/g, ' ');
}

/** MinHash of a set of string features; an empty set gives all-max values (matches nothing). */
export function minHash(features: Iterable<string>): Uint32Array {
  const sig = new Uint32Array(SIG_SIZE).fill(0xffffffff);
  for (const f of features) {
    const h = fnv1a(f);
    for (let i = 0; i < SIG_SIZE; i++) {
      const v = fmix32(h ^ SEEDS[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

/** 5-character shingles of the folded body (spaces removed, so line wrapping never matters). */
export function bodyShingles(body: string): Set<string> {
  const s = foldForShingles(body).replace(/ /g, '');
  const out = new Set<string>();
  for (let i = 0; i + 5 <= s.length; i++) out.add(s.slice(i, i + 5));
  if (!out.size && s) out.add(s);
  return out;
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
