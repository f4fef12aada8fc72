/**
 * Foreign names in news: transliterated names jieba knows in part or cuts in pieces, and names in
 * parts joined by middle dots (爱德华·斯诺登). Read by the rule recogniser (recognize-names.ts).
 */
import { isTranslitChar } from './alias-pairs.ts';
import { isChineseSurnameStart } from './name-lexicon.ts';
import { allHan, type Token } from './segment-names.ts';

const DOTS = new Set(['·', '・', '．', '‧', '•']);
/** jieba's person tags. */
export const PERSON_TAGS = new Set(['nr', 'nrt', 'nrfg']);
// Tags of words that never end a name (adverbs, prepositions, conjunctions, particles, pronouns, numerals, measures).
const FUNCTION_TAGS = /^(?:d|p|c|u\w*|r|m|q|f|t)$/;

/** Whether every character of `w` is a transliteration character (克林顿). */
export function isTranslitWord(w: string): boolean {
  if (!allHan(w)) return false;
  for (const ch of w) if (!isTranslitChar(ch)) return false;
  return true;
}

function namePart(t: Token | undefined): boolean {
  return !!t && allHan(t.word) && (PERSON_TAGS.has(t.tag) || isTranslitWord(t.word));
}

// Last syllables of foreign names that jieba reads as function words (阿马/ns 特/d, 托马/nrt 肖/nr).
const FINAL_SYLLABLE = new Set('特斯尔克德夫娃诺肖');
// What opens the clause after a name (a preposition, a particle, a verb of speech, punctuation).
const CLOSER = /^(?:[，。、；：！？,.;:!?”」』）)]|[是以也在和与的把被将就都又还才等说])$/;

/** A foreign name in parts joined by middle dots, starting at token i: the index after it, or -1. */
export function dottedName(tokens: Token[], i: number): number {
  // A people word is not a name's first part (荷兰人/nrt 维姆·杜伊森贝赫).
  if (!namePart(tokens[i]) || tokens[i].word.endsWith('人')) return -1;
  let j = translitRun(tokens, i + 1, tokens[i].word.length);
  // A piece translitRun stopped at (one that starts like a surname) still belongs when a dot follows it (詹巴蒂 斯塔/nr ·).
  // (Only after a transliterated first piece: 王储/nr 穆罕默德 is a title and a name.)
  if (isTranslitWord(tokens[i].word) && tokens[j] && tokens[j].start === tokens[j - 1].end && isTranslitWord(tokens[j].word) && DOTS.has(tokens[j + 1]?.word ?? '')) j++;
  // So does one character jieba read as a word of its own right before the dot (汤姆/nr 士/n ·): a
  // dot follows only a name's part.
  else if (tokens[j] && tokens[j].start === tokens[j - 1].end && tokens[j].word.length === 1 && allHan(tokens[j].word) && DOTS.has(tokens[j + 1]?.word ?? '')) j++;
  let parts = 1;
  while (DOTS.has(tokens[j]?.word ?? '') && tokens[j].start === tokens[j - 1].end && namePart(tokens[j + 1])) {
    // jieba cuts an unknown name's syllables off (弗兰克/nr 林/ng, 卡/n 莱维/nrt): each part takes them back.
    j = translitRun(tokens, j + 2, tokens[j + 1].word.length);
    parts++;
  }
  // The last part's final syllable, read as a function word (卡洛斯·阿马/ns 特/d).
  const last = tokens[j];
  // …or any one character glued to it right before a clause goes on (考文/x 垂/v 在, 罗纳/nr 度/zg 在).
  const after = tokens[j + 1];
  if (parts >= 2 && last && last.start === tokens[j - 1].end && last.word.length === 1 && (FINAL_SYLLABLE.has(last.word) || (allHan(last.word) && !CLOSER.test(last.word) && !!after && after.start === last.end && CLOSER.test(after.word)))) j++;
  return parts >= 2 ? j : -1;
}

/**
 * Where a transliterated name continues from token j: the index after the glued tokens made only of
 * transliteration characters (普里马/nr 科夫, 斯特罗/nr 耶夫), never a place, a function word or a title.
 */
export function translitRun(tokens: Token[], j: number, len: number): number {
  while (j < tokens.length) {
    const t = tokens[j];
    if (t.start !== tokens[j - 1].end || t.word.length > 3 || len + t.word.length > 10 || DOTS.has(t.word)) break;
    // A piece after a single character is the same syllable run (海/n 米莱/nrt), surname or not.
    if (!isTranslitWord(t.word) || t.tag === 'ns' || FUNCTION_TAGS.test(t.tag) || (isChineseSurnameStart(t.word) && PERSON_TAGS.has(t.tag) && len > 1)) break;
    len += t.word.length;
    j++;
  }
  return j;
}
