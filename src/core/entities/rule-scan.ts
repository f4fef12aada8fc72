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
