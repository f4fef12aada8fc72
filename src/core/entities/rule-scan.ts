/** What the name rules (name-rules.ts, place-rules.ts) share: the scan over jieba's tokens and the spans found so far. */
import type { Token } from './segment-names.ts';
import type { NameSpan, NameType } from './recognize-names.ts';

export interface Scan {
  text: string;
  tokens: Token[];
  out: NameSpan[];
}

/** A rule at token i: the index of the last token the name it found took, or -1 when it does not apply. */
export type Rule = (s: Scan, i: number) => number;

/** Records a name found by a rule. */
export function push(s: Scan, start: number, end: number, type: NameType): void {
  s.out.push({ start, end, text: s.text.slice(start, end), type });
}

/** jieba's tokens by where they start and where they end (offsets into the Simplified text). */
export interface TokenIndex {
  byStart: Map<number, Token>;
  byEnd: Map<number, Token>;
}

/** Indexes `tokens` once for the passes after the rules (name-pieces.ts, org-heads.ts). */
export function indexTokens(tokens: Token[]): TokenIndex {
  const byStart = new Map<number, Token>();
  const byEnd = new Map<number, Token>();
  for (const t of tokens) {
    byStart.set(t.start, t);
    byEnd.set(t.end, t);
  }
  return { byStart, byEnd };
}
