/**
 * Names nobody listed: people, organisations and places found by jieba's part-of-speech tagger
 * (nr/nrt person, ns place, nt organisation) with its HMM for unknown words, on the text converted
 * to Simplified (jieba's dictionary is Simplified), then completed by rules for the kinds of name
 * news writes: foreign names joined by a middle dot (爱德华·斯诺登), Chinese names the HMM found
 * (张敬涛), organisations built on a place (青岛海牛队, 中国检察日报社影视部): name-rules.ts, from
 * the word lists in name-parts.ts. Pure apart from the segmenter (segment-names.ts).
 */
import { tagNames } from './ner/tagger.ts';
import { HAN, simplifiedSameLength, tokenize, type Token } from './segment-names.ts';
import { innerHead, placeInner } from './name-parts.ts';
import { ruleNames } from './name-rules.ts';

/** PER person, ORG organisation, LOC place (the People's Daily / MSRA labels). */
export type NameType = 'PER' | 'ORG' | 'LOC';

/** One recognised name; offsets are UTF-16 indices into the text given, end exclusive. */
export interface NameSpan {
  start: number;
  end: number;
  text: string;
  type: NameType;
  /**
   * Names inside an organisation's name that are mentions too (新华社 in 新华社香港分社, 新疆 in
   * 新疆维吾尔自治区人大常委会); kept apart so exact-span scoring sees the outer name only.
   */
  inner?: NameSpan[];
  /** The name of what the span mentions, when it is not the span's text (时代周刊 for 美国《时代》周刊). */
  name?: string;
}

/** jieba's tokens of `text` (in Simplified, offsets kept; `simplified`: it already is) and the names the rules find in it. */
export function analyseNames(text: string, opts: { simplified?: boolean } = {}): { simp: string; tokens: Token[]; rules: NameSpan[] } {
  // Text known to be Simplified skips opencc (~50 ms per MB).
  const simp = opts.simplified ? text : simplifiedSameLength(text);
  const tokens = tokenize(simp);
  return { simp, tokens, rules: ruleNames(text, simp, tokens) };
}

/**
 * Every person, organisation and place in `text`, in order, not overlapping: the rules' answer, or
 * with `tagger` the trained tagger's (ner/tagger.ts, reading jieba's tags and the rules' answer,
 * completed by the rules' listed names). The tagger stays opt-in: trained on 1998 People's Daily
 * text, it lost /who answers on today's posts (`npm run eval who` 57 → 55 of 66 pairs), so ingest
 * keeps the rules. `simplified`: the text is known to be Simplified.
 */
export function recognizeNames(text: string, opts: { simplified?: boolean; tagger?: boolean } = {}): NameSpan[] {
  if (!HAN.test(text)) return [];
  const { simp, tokens, rules } = analyseNames(text, opts);
  const tagged = opts.tagger ? tagNames(simp, tokens, rules) : undefined;
  if (!tagged) return rules;
  // Inner mentions as the rules give them: the rules' own span when it agrees, else the organisation's or place's listed or tagged head.
  const byRule = new Map(rules.map((r) => [`${r.start}:${r.end}:${r.type}`, r]));
  return tagged.map((s) => {
    const same = byRule.get(`${s.start}:${s.end}:${s.type}`);
    if (same) return same;
    const span: NameSpan = { start: s.start, end: s.end, text: text.slice(s.start, s.end), type: s.type };
    const first = s.type === 'ORG' ? tokens.findIndex((t) => t.start === s.start) : -1;
    const head = first >= 0 ? innerHead(tokens, first, s.end, text) : undefined;
    const inner = s.type === 'LOC' ? placeInner(span, simp, text) : head && head.end < s.end ? [head] : undefined;
    if (inner) span.inner = inner;
    return span;
  });
}
