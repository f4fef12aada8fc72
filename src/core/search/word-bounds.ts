/**
 * Whether a two-character match is only ever cut across words: 占中 in 房贷占中国家庭收入 (占 /
 * 中国), 川普 in 四川普通话 (四川 / 普通). The text still contains the term, so it still matches
 * (search finds what grep finds); such articles only rank after those that use the term as a word.
 * Judged with jieba's dictionary counts, so no segmenter runs at query time.
 */
import { pairFrequency } from '../entities/segment-names.ts';

const HAN = /^\p{Script=Han}{2}$/u;

/** Whether `term` (search form) is two Han characters that are no common word: only such a term can straddle two words (中国, 国家 are words wherever they stand). */
export function canStraddle(term: string): boolean {
  return HAN.test(term) && pairFrequency(term) === 0;
}

/** True when `term` (two Han characters, search form) occurs in `text` (search form) and every occurrence straddles a word. */
export function onlyAcrossWords(term: string, text: string): boolean {
  if (!canStraddle(term)) return false;
  let at = text.indexOf(term);
  if (at < 0) return false;
  for (; at >= 0; at = text.indexOf(term, at + 1)) {
    const before = at > 0 ? text[at - 1] + term[0] : '';
    const after = at + 2 < text.length ? term[1] + text[at + 2] : '';
    if (!(before && pairFrequency(before) > 0) && !(after && pairFrequency(after) > 0)) return false;
  }
  return true;
}
