/**
 * Hong Kong and Taiwanese news write a married woman's name with her husband's surname before her
 * own (林鄭月娥, 范徐麗泰). jieba leaves the first surname alone (林/ng 郑月/x 娥/n), so the rules
 * find the name without it (鄭月娥): the surname standing alone right before goes on the name.
 */
import { isChineseSurnameStart, isTopSurname } from './name-lexicon.ts';
import type { NameSpan } from './recognize-names.ts';
import type { TokenIndex } from './rule-scan.ts';
import { allHan } from './segment-names.ts';

// Tags of a surname jieba left as a word of its own (a morpheme, a name, a noun, an unknown word).
const SURNAME_TAGS = /^(?:ng|nr|n|x)$/;

/** Widens, in place, each three-character person in `out` that a lone common surname right before belongs to. */
export function addHusbandSurnames(text: string, simp: string, index: TokenIndex, out: NameSpan[]): void {
  const starts = new Set(out.map((s) => s.start));
  const ends = new Set(out.map((s) => s.end));
  for (const s of out) {
    if (s.type !== 'PER' || s.end - s.start !== 3 || !isChineseSurnameStart(simp[s.start])) continue;
    const lone = index.byEnd.get(s.start);
    if (!lone || lone.word.length !== 1 || !isTopSurname(lone.word) || !SURNAME_TAGS.test(lone.tag) || starts.has(lone.start) || ends.has(lone.start + 1)) continue;
    // What comes before the surname is a word of its own (特首, 支持) or no Han at all: not a word the surname ends (树林).
    const before = index.byEnd.get(lone.start);
    if (before && allHan(before.word) && before.word.length < 2) continue;
    s.start = lone.start;
    s.text = text.slice(s.start, s.end);
  }
}
