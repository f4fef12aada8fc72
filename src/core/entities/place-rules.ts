/**
 * The name rules about places (see name-rules.ts for how rules are tried): country pairs and
 * abbreviations (中美关系, 访华, 中方), places jieba tagged or left untagged before an
 * administrative suffix, and the words its dictionary tags as places that are used as verbs or
 * adjectives here, or as people.
 */
import { isTranslitWord, PERSON_TAGS } from './foreign-names.ts';
import { isWorldPlace } from './world-places.ts';
import { allHan, type Token } from './segment-names.ts';
import { isChineseSurnameStart, isGenericPlaceWord, isNonNameWord, isPlaceAbbreviation } from './name-lexicon.ts';
import { abbreviationNext, GLUE_HEAD, LOC_SUFFIX, PERSON_AFTER, PERSON_BEFORE, PLACE_TAIL, SIDE_TAIL, VISIT_HEAD } from './name-parts.ts';
import { push, type Rule } from './rule-scan.ts';

/** A verb or preposition glued to a country abbreviation (访华, 对美, 赴法): the abbreviation is a place. */
export const visit: Rule = (s, i) => {
  const t = s.tokens[i];
  if (!(t.word.length === 2 && VISIT_HEAD.has(t.word[0]) && (isPlaceAbbreviation(t.word[1]) || t.word[1] === '华') && t.tag !== 'ns')) return -1;
  push(s, t.start + 1, t.end, 'LOC');
  return i;
};

/** An abbreviation glued to 方/军/籍 (中方, 美军): the abbreviation is a place. */
export const side: Rule = (s, i) => {
  const t = s.tokens[i];
  if (!(t.word.length === 2 && isPlaceAbbreviation(t.word[0]) && SIDE_TAIL.has(t.word[1]) && t.tag !== 'ns')) return -1;
  push(s, t.start, t.start + 1, 'LOC');
  return i;
};

/** Country and region abbreviations: 中美 is two places, 中 in 中/f 美/ns too. */
export const abbreviations: Rule = (s, i) => {
  const t = s.tokens[i];
  const next = i + 1 < s.tokens.length ? s.tokens[i + 1] : undefined;
  if (!(allHan(t.word) && t.word.length <= 2 && [...t.word].every(isPlaceAbbreviation) && (t.tag === 'ns' || t.tag === 'j' || (t.tag === 'x' && next?.tag !== 'm') || abbreviationNext(s.tokens, i)))) return -1;
  for (let k = 0; k < t.word.length; k++) push(s, t.start + k, t.start + k + 1, 'LOC');
  return i;
};

// What follows two countries' one-character abbreviations when the pair is two countries (中日两国, 中英建交).
const BILATERAL = /^(?:两国|双方|关系|建交|合作|会谈|谈判|贸易|边境|首脑|峰会|联合声明)/;

/**
 * Two abbreviations of countries before a word of bilateral relations (中日/t 两国, 中印/nt 两国,
 * 中英两国/j), whatever jieba tagged them: two places.
 */
export const bilateral: Rule = (s, i) => {
  const t = s.tokens[i];
  const pair = t.word.length >= 2 && isPlaceAbbreviation(t.word[0]) && isPlaceAbbreviation(t.word[1]) && t.word[0] !== t.word[1];
  if (!pair) return -1;
  // The words after the pair, however jieba cut them (两国/ns, or 两/m 国/n).
  let after = t.word.slice(2);
  for (let k = i + 1, end = t.end; after.length < 4 && k < s.tokens.length && s.tokens[k].start === end; end = s.tokens[k++].end) after += s.tokens[k].word;
  if (!BILATERAL.test(after)) return -1;
  push(s, t.start, t.start + 1, 'LOC');
  push(s, t.start + 1, t.start + 2, 'LOC');
  return i;
};

// One-character administrative suffixes that make the name before them a place (塔科马 市, 龙泉 乡).
export const DIVISION = new Set(['市', '县', '乡', '镇', '村', '州', '区', '省']);

/**
 * A name jieba did not tag as a place (塔科马/nz, 贾拉拉巴德/nrt, 回龙/nz) followed by an
 * administrative suffix on its own (市/n, 州/n, 村/zg): the two are one place.
 */
export const suffixedPlace: Rule = (s, i) => {
  const t = s.tokens[i];
  const next = i + 1 < s.tokens.length ? s.tokens[i + 1] : undefined;
  if (!(next && next.start === t.end && DIVISION.has(next.word) && allHan(t.word) && t.word.length >= 2 && t.word.length <= 6 && !isNonNameWord(t.word))) return -1;
  // An unknown word is taken only when it reads as a transliteration: others are glued words (人到 州, 隐于 市).
  if (!(/^(?:nz|nr|nrt|nrfg)$/.test(t.tag) || (t.tag === 'x' && isTranslitWord(t.word)))) return -1;
  push(s, t.start, next.end, 'LOC');
  return i + 1;
};

/** A conjunction or preposition glued onto a listed place (和澳洲/ns): the place is the rest. */
export const gluedPlace: Rule = (s, i) => {
  const t = s.tokens[i];
  if (!(t.tag === 'ns' && t.word.length >= 3 && GLUE_HEAD.has(t.word[0]) && isWorldPlace(t.word.slice(1)))) return -1;
  push(s, t.start + 1, t.end, 'LOC');
  return i;
};

// Degree adverbs and 不 make the word after them a verb or an adjective (很美丽, 不普及), and
// aspect markers make the word before them one (长大了, 中断了, 说得): a name takes neither.
// (被, 把, 将 and 没有 are left out: 被胡佛解雇, 没有美国的支持.)
const PREDICATE_BEFORE = new Set(['很', '太', '非常', '最', '更', '更加', '比较', '十分', '极', '极其', '特别', '相当', '越来越', '如此', '这么', '那么', '不', '未']);
const PREDICATE_AFTER = new Set(['了', '着', '过', '得']);

/** Whether jieba's word at i is used as a verb or adjective here, whatever its dictionary tag says. */
export function usedAsPredicate(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const prev = i > 0 ? tokens[i - 1] : undefined;
  const next = i + 1 < tokens.length ? tokens[i + 1] : undefined;
  return (!!prev && prev.end === t.start && PREDICATE_BEFORE.has(prev.word)) || (!!next && next.start === t.end && PREDICATE_AFTER.has(next.word));
}

/**
 * A name jieba's dictionary tags as a place (罗干/ns, 拉宾/ns) with a title before it or a verb
 * of speech after it (外长拉宾, 罗干说) is a person: a surname or a transliteration, never a
 * listed place (中国表示 is the country).
 */
export const personTaggedPlace: Rule = (s, i) => {
  const { tokens } = s;
  const t = tokens[i];
  if (!(t.tag === 'ns' && allHan(t.word) && t.word.length >= 2 && t.word.length <= 4 && !isWorldPlace(t.word) && (isChineseSurnameStart(t.word) || isTranslitWord(t.word)))) return -1;
  const next = i + 1 < tokens.length ? tokens[i + 1] : undefined;
  const prev = i > 0 ? tokens[i - 1] : undefined;
  if (!((next && next.start === t.end && PERSON_AFTER.test(next.word)) || (prev && prev.end === t.start && PERSON_BEFORE.test(prev.word)))) return -1;
  push(s, t.start, t.end, 'PER');
  return i;
};

/** A place jieba tagged (ns), with a one-character suffix after it (青海 省) or without 地区. */
export const place: Rule = (s, i) => {
  const t = s.tokens[i];
  if (!(t.tag === 'ns' && allHan(t.word) && !isGenericPlaceWord(t.word))) return -1;
  if (!isWorldPlace(t.word) && usedAsPredicate(s.tokens, i)) return -1;
  if (t.word.length > 3 && t.word.endsWith('地区')) {
    push(s, t.start, t.end - 2, 'LOC');
    return i;
  }
  const next = i + 1 < s.tokens.length ? s.tokens[i + 1] : undefined;
  if (next && next.start === t.end && LOC_SUFFIX.has(next.word)) {
    push(s, t.start, next.end, 'LOC');
    return i + 1;
  }
  push(s, t.start, t.end, 'LOC');
  return i;
};

/** Places jieba's dictionary tags as people (石家庄/nr, 公明镇/nr): the last character says so. */
export const placeTagged: Rule = (s, i) => {
  const t = s.tokens[i];
  if (!((PERSON_TAGS.has(t.tag) || t.tag === 'x') && t.word.length >= 3 && allHan(t.word) && PLACE_TAIL.test(t.word) && !isNonNameWord(t.word))) return -1;
  push(s, t.start, t.end, 'LOC');
  return i;
};

