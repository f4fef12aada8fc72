/**
 * Character-bigram scoring used by the acceptance tests: texts are normalized (NFKC, zero-width
 * removed), whitespace is dropped, and bigrams are counted as a multiset within each paragraph.
 */
import { normalizeText } from '../../../src/core/text/normalize.ts';

/** Multiset of character bigrams over the paragraphs (never across paragraph boundaries). */
export function countBigrams(paragraphs: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of paragraphs) {
    const chars = [...normalizeText(p).replace(/\s+/g, '')];
    for (let i = 0; i + 1 < chars.length; i++) {
      const bg = chars[i] + chars[i + 1];
      counts.set(bg, (counts.get(bg) ?? 0) + 1);
    }
  }
  return counts;
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [k, v] of a) n += Math.min(v, b.get(k) ?? 0);
  return n;
}

function total(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

/** Bigram F1 of `got` against `expected` (1 when both are empty). */
export function bigramF1(got: string[], expected: string[]): number {
  const g = countBigrams(got);
  const e = countBigrams(expected);
  const tg = total(g);
  const te = total(e);
  if (tg === 0 && te === 0) return 1;
  if (tg === 0 || te === 0) return 0;
  const o = overlap(g, e);
  return (2 * o) / (tg + te);
}

/** Share of the reference's bigrams that `got` contains (1 when the reference is empty). */
export function bigramRecall(got: string[], reference: string[]): number {
  const e = countBigrams(reference);
  const te = total(e);
  if (te === 0) return 1;
  return overlap(countBigrams(got), e) / te;
}
