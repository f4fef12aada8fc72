/**
 * A name right after a person's title (副参谋长 赵国/nr 钧/q 少将, 记者 许立群/m 报道, 领袖 巴拉克/ns
 * 6月): news names people by office, so the characters between the title and what closes a name (a
 * verb, punctuation, another title) are the name, however jieba cut or tagged them.
 */
import { isTranslitWord } from './foreign-names.ts';
import { isAmbiguousSurname, isChineseSurnameStart, isCommonSurname, isNonNameWord, NOT_GIVEN_END } from './name-lexicon.ts';
import { PERSON_AFTER, PERSON_BEFORE } from './person-words.ts';
import { push, type Rule } from './rule-scan.ts';
import { SURNAME_COURTESY } from './surname-titles.ts';
import { allHan, isCommonWord, isDictionaryWord, type Token } from './segment-names.ts';
import { isWorldPlace } from './world-places.ts';

// Titles PERSON_BEFORE leaves out because they also end other words, safe right before a name.
const MORE_TITLES = /(?:秘书|专员|领袖|行长|议员|首相|外长|大使|发言人|外援|名将|老将|主帅|门将|前锋|中锋|后卫|球星|棋手|车手|歌手|影星|女星|男星|歌星|作家|画家|诗人|主持人)$/;
// Words that close a name: a conjunction or list word, a particle, an adverb of time.
const CLOSING_WORD = /^(?:等|和|与|及|同|在|也|都|则|又|已|曾|是|的|对|向|为|将|从|一行|今天|昨天|日前|近日)$/;
// Adverbs and particles the HMM glues onto the word after a name (各为, 都是, 也将).
const GLUED_CLOSER = new Set('各都也又还就才已曾等');
// A military rank or other title after the name (少将, 上校).
const RANK = /^(?:[上中少大]?[将校尉]|[副]?\S{0,3}长)$/;
// Tags of a two-character first piece that may start a name (赵国/nr, 张少/x, 宋朝/t, 许立群/m).
const FIRST_TAGS = /^(?:nr\w*|x|t|m|nz|ng)$/;
// Function words, never a piece of a name (那/r 许许多多/m, 祝贺/nr 他/r).
const FUNCTION_TAGS = /^(?:r\w*|p|c|u\w*|m\w*|e|y|o)$/;

/** Whether the token after a name closes it. */
function closes(next: Token | undefined, end: number): boolean {
  if (!next || next.start !== end || !allHan(next.word)) return true;
  // (The HMM glues a closing word onto the next: 贝罗 各为/x 自己.)
  if (next.tag === 'x' && next.word.length === 2 && GLUED_CLOSER.has(next.word[0])) return true;
  // (A one-character verb is often the name's last character: 刘名/x 启/v 参加.)
  return (next.tag.startsWith('v') && (next.word.length > 1 || /[说称]/.test(next.word))) || next.tag === 'p' || CLOSING_WORD.test(next.word) || PERSON_AFTER.test(next.word) || RANK.test(next.word);
}

/** A Chinese name of two or three characters from token i, cut anywhere: where it ends and its last token, or undefined. */
function chineseRun(tokens: Token[], i: number): { end: number; last: number } | undefined {
  const t = tokens[i];
  if (!isChineseSurnameStart(t.word) || (isAmbiguousSurname(t.word[0]) && !isCommonSurname(t.word[0]))) return undefined;
  // (A lone first character read as an adverb is one: 作者 曾/d 回应.)
  if (t.word.length > 1 ? !FIRST_TAGS.test(t.tag) : FUNCTION_TAGS.test(t.tag) || t.tag === 'd') return undefined;
  let len = 0;
  for (let k = i; k < tokens.length && k < i + 3; k++) {
    const x = tokens[k];
    if ((k > i && x.start !== tokens[k - 1].end) || !allHan(x.word)) return undefined;
    // The HMM glues 等 or 说 onto the last character (张少/x 农等/x).
    if (k > i && x.tag === 'x' && x.word.length === 2 && /[等说]$/.test(x.word) && len + 1 <= 3) return named(tokens, i, k, x.start + 1, len + 1) ? { end: x.start + 1, last: k } : undefined;
    len += x.word.length;
    if (len > 3) return undefined;
    // (A three-character name the dictionary holds whole needs nothing to close it: 女星 崔真实/nr 主演/n.)
    const whole = k === i && len === 3 && /^nr/.test(x.tag);
    if (len >= 2 && (whole || closes(tokens[k + 1], x.end)) && named(tokens, i, k, x.end, len)) return { end: x.end, last: k };
  }
  return undefined;
}

/** Whether tokens i..k (ending at `end`, `len` characters) read as a name rather than a word. */
function named(tokens: Token[], i: number, k: number, end: number, len: number): boolean {
  const text = tokens.slice(i, k + 1).map((x) => x.word).join('').slice(0, len);
  // (A surname and 某 or a title is the surname alone, as surnameTitle marks it: 孙先生/nr.)
  if (NOT_GIVEN_END.has(text[text.length - 1]) || text.endsWith('某') || SURNAME_COURTESY.test(text) || isNonNameWord(text)) return false;
  // A transliteration that goes on is a foreign name, not a Chinese one (斯特罗/nr 耶夫/x).
  const after = tokens[k + 1];
  if (after && after.start === end && isTranslitWord(text) && allHan(after.word) && isTranslitWord(after.word)) return false;
  // One token: one jieba could not place (许立群/m, an unknown word) or a dictionary name the rules
  // alone doubt (崔真实/nr: 真实 is a word); not one glued to a verb of speech (赵华说/x) or that
  // starts with a word (周二晚/x).
  if (i === k && len === tokens[i].word.length) return (tokens[i].tag === 'm' || tokens[i].tag === 'x' || /^nr/.test(tokens[i].tag)) && !/[说称等]$/.test(text) && !isCommonWord(text.slice(0, 2));
  // A time after a time is no name (周二/t 晚/tg), nor is an adverb a given name (蓝柯/nr 亦/d 表示).
  if (tokens.slice(i + 1, k + 1).some((x) => /^(?:t\w*|f|d)$/.test(x.tag) || FUNCTION_TAGS.test(x.tag))) return false;
  return !(isDictionaryWord(text) && isCommonWord(text));
}

/** A transliterated name after a title (亚罗/nrt 约/d 当选, 巴拉克/ns 6月); the index of its last token, or -1. */
function foreignRun(tokens: Token[], i: number): number {
  let word = '';
  let best = -1;
  for (let k = i; k < tokens.length && word.length < 8; k++) {
    const x = tokens[k];
    if ((k > i && x.start !== tokens[k - 1].end) || !allHan(x.word) || FUNCTION_TAGS.test(x.tag)) break;
    // A word that closes a name is not absorbed into it (西蒙 曾/d 参加).
    if (k > i && CLOSING_WORD.test(x.word)) break;
    word += x.word;
    if (!isTranslitWord(word)) break;
    if (word.length >= 2 && closes(tokens[k + 1], x.end)) best = k;
  }
  if (best < 0) return -1;
  const t = tokens[i];
  // A single word must be one jieba could not place, or a place nobody lists (巴克/ns); 巴黎 is Paris.
  if (best === i && !(t.tag === 'x' || t.tag === 'nrt' || t.tag === 'nz' || (t.tag === 'ns' && !isWorldPlace(t.word)))) return -1;
  if (isCommonWord(word) || isWorldPlace(word)) return -1;
  return best;
}

/** The rule: a name right after a title, Chinese or transliterated. */
export const titledName: Rule = (s, i) => {
  const { tokens } = s;
  const prev = i > 0 ? tokens[i - 1] : undefined;
  const t = tokens[i];
  // A player's number is a title too (7号 穆勒/nz, 10号 队员).
  const number = prev?.word === '号' && prev.tag === 'm' && i > 1 && /^[0-9０-９]+$/.test(tokens[i - 2].word);
  if (!prev || prev.end !== t.start || prev.tag.startsWith('v') || !(number || PERSON_BEFORE.test(prev.word) || MORE_TITLES.test(prev.word)) || !allHan(t.word)) return -1;
  const chinese = chineseRun(tokens, i);
  if (chinese) {
    push(s, t.start, chinese.end, 'PER');
    return chinese.last;
  }
  const last = foreignRun(tokens, i);
  if (last < 0) return -1;
  push(s, t.start, tokens[last].end, 'PER');
  return last;
};
