/**
 * Names the HMM glued to the words around them: a preposition or conjunction before (当马云/x,
 * 以朴/x 普熙), a verb of speech after (赵华说/x, 高云/nr 江说/x), a function character after
 * (郑咏是/x). Each rule takes the name back out.
 */
import { isTranslitWord, PERSON_TAGS } from './foreign-names.ts';
import { isAmbiguousSurname, isChineseSurnameStart, isCommonSurname, isNonNameWord, NOT_GIVEN_END } from './name-lexicon.ts';
import { GLUE_HEAD } from './name-parts.ts';
import { PERSON_AFTER } from './person-words.ts';
import { push, type Rule } from './rule-scan.ts';
import { isSurnameTitle } from './surname-titles.ts';
import { allHan, dictionaryTag, isCommonWord, isDictionaryWord, type Token } from './segment-names.ts';

/**
 * The HMM glues the last character of a title onto an unknown name after it (台中市/ns 长卢秀燕/x,
 * 卫生局/nt 长林敏/x, 县/ns 长翁/x 章梁/x): after a body or division, 长 is the title's, the rest the name.
 */
export const gluedTitle: Rule = (s, i) => {
  const t = s.tokens[i];
  const prev = i > 0 ? s.tokens[i - 1] : undefined;
  if (!(t.tag === 'x' && t.word.length >= 2 && t.word.length <= 4 && t.word[0] === '长' && allHan(t.word) && prev && prev.end === t.start && /[市县乡镇区部局署处厅院校]$/.test(prev.word))) return -1;
  if (t.word.length === 2) {
    // The surname alone went with the title (县/ns 长翁/x 章梁/x): the given name is the next word.
    const given = s.tokens[i + 1];
    if (!(isChineseSurnameStart(t.word[1]) && given && given.start === t.end && allHan(given.word) && given.word.length <= 2 && /^(?:x|nr\w*|n|zg|ng)$/.test(given.tag) && !NOT_GIVEN_END.has(given.word[given.word.length - 1]))) return -1;
    const after = s.tokens[i + 2];
    if (after && after.start === given.end && allHan(after.word) && !/^(?:v\w*|p|d|c|t)$/.test(after.tag) && !PERSON_AFTER.test(after.word)) return -1;
    push(s, t.start + 1, given.end, 'PER');
    return i + 1;
  }
  const rest = t.word.slice(1);
  if (!(isChineseSurnameStart(rest) && (!isAmbiguousSurname(rest[0]) || isCommonSurname(rest[0])) && !NOT_GIVEN_END.has(rest[rest.length - 1]) && !isNonNameWord(rest) && !isDictionaryWord(rest))) return -1;
  // A last given-name character left alone (长侯友/x 宜/vg 、) is the name's when what follows closes it.
  const third = s.tokens[i + 1];
  const after = s.tokens[i + 2];
  if (rest.length === 2 && third && third.start === t.end && third.word.length === 1 && allHan(third.word) && /^(?:vg|a|ag|zg|ng|nr|n)$/.test(third.tag) && !NOT_GIVEN_END.has(third.word)
    && (!after || (after.start === third.end && (/^[，。、；：！？（(]$/.test(after.word) || after.tag === 't' || PERSON_AFTER.test(after.word))))) {
    push(s, t.start + 1, third.end, 'PER');
    return i + 1;
  }
  push(s, t.start + 1, t.end, 'PER');
  return i;
};

/**
 * The HMM glues a preposition or conjunction onto an unknown two-character name (当马云/x 在):
 * the name is the rest when it is a surname and a given name no dictionary knows.
 */
export const gluedPreposition: Rule = (s, i) => {
  const t = s.tokens[i];
  if (!(t.tag === 'x' && t.word.length === 3 && GLUE_HEAD.has(t.word[0]) && allHan(t.word))) return -1;
  const rest = t.word.slice(1);
  if (!(isChineseSurnameStart(rest) && !isAmbiguousSurname(rest[0]) && !NOT_GIVEN_END.has(rest[1]) && !isNonNameWord(rest) && !isDictionaryWord(rest))) return -1;
  push(s, t.start + 1, t.end, 'PER');
  return i;
};

/**
 * The HMM glues a preposition or conjunction onto a surname and leaves the given name apart (对陶/x
 * 汉明/nz, 以朴/x 普熙/x 为, 当许/x 传音/n 进一步): the surname and the next word are the name when
 * what follows closes it (punctuation, a verb, an adverb, a preposition, a title).
 */
export const gluedSurname: Rule = (s, i) => {
  const { tokens } = s;
  const t = tokens[i];
  const given = tokens[i + 1];
  if (!(t.tag === 'x' && t.word.length === 2 && GLUE_HEAD.has(t.word[0]) && allHan(t.word) && isChineseSurnameStart(t.word[1]) && (!isAmbiguousSurname(t.word[1]) || isCommonSurname(t.word[1])))) return -1;
  if (!(given && given.start === t.end && allHan(given.word) && given.word.length <= 2)) return -1;
  // A title after the surname: the surname alone is the person (当汤/x 局长/n).
  if (isSurnameTitle(given.word)) {
    push(s, t.start + 1, t.end, 'PER');
    return i;
  }
  if (/^(?:r\w*|p|c|u\w*|m\w*|d|f|v\w*|y|e|o)$/.test(given.tag) || NOT_GIVEN_END.has(given.word[given.word.length - 1])) return -1;
  const name = t.word[1] + given.word;
  if (isDictionaryWord(name) || isNonNameWord(name)) return -1;
  const after = tokens[i + 2];
  const closes = !after || after.start !== given.end || !allHan(after.word) || /^(?:v\w*|p|d|c)$/.test(after.tag) || PERSON_AFTER.test(after.word);
  if (!closes) return -1;
  push(s, t.start + 1, given.end, 'PER');
  return i + 1;
};

/** The HMM glues a verb of speech onto an unknown name (赵华说/x, 马斯说/x): the name is the rest. */
export const gluedSpeech: Rule = (s, i) => {
  const t = s.tokens[i];
  if (!(t.tag === 'x' && (t.word.length === 3 || t.word.length === 4) && allHan(t.word) && /[说称]$/.test(t.word))) return -1;
  const name = t.word.slice(0, -1);
  const chinese = name.length === 2 && isChineseSurnameStart(name) && !isAmbiguousSurname(name[0]) && !isCommonWord(name) && !NOT_GIVEN_END.has(name[1]);
  if (!chinese && !(name.length >= 2 && isTranslitWord(name) && !isCommonWord(name))) return -1;
  push(s, t.start, t.end - 1, 'PER');
  return i;
};

/** The HMM glues a name's last character to the verb of speech or the day after it (高云/nr 江说/x, 李家/nrfg 超今/x 早): the name takes it back. */
export const thirdGluedToSpeech: Rule = (s, i) => {
  const t = s.tokens[i];
  const glued = i + 1 < s.tokens.length ? s.tokens[i + 1] : undefined;
  if (!(t.word.length === 2 && allHan(t.word) && (t.tag === 'x' || PERSON_TAGS.has(t.tag)) && isChineseSurnameStart(t.word) && !isNonNameWord(t.word) && !isCommonWord(t.word))) return -1;
  if (!(glued && glued.start === t.end && glued.tag === 'x' && glued.word.length === 2 && /[说称今昨]$/.test(glued.word) && allHan(glued.word) && !NOT_GIVEN_END.has(glued.word[0]))) return -1;
  push(s, t.start, glued.start + 1, 'PER');
  return i + 1;
};

// Function characters the HMM glues onto the end of an unknown name (雷斯及/x, 延科均/x, 郑咏是/x);
// none of them ends a given name.
const GLUED_CLOSER = new Set('及均是去也都在的了就已曾被把将又还');
// …of which 均 ends Chinese given names too (李宝均).
const GIVEN_TOO = new Set('均');

/**
 * An unknown word that is a name plus one of those characters (罗朗·雷斯及/x 法国, 郑咏是/x 国家)
 * becomes the two words it is, in place, so the rules see the name end where it ends.
 */
export function unglueClosers(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // 等 人 after a name is one word, "and others" (迪亚 等人), as the titles after names are.
    if (t.word === '等' && tokens[i + 1]?.word === '人' && tokens[i + 1].start === t.end) {
      tokens.splice(i, 2, { word: '等人', tag: 'u', start: t.start, end: t.end + 1 });
      continue;
    }
    if (t.tag !== 'x' || t.word.length < 3 || t.word.length > 5 || !GLUED_CLOSER.has(t.word[t.word.length - 1]) || !allHan(t.word)) continue;
    const rest = t.word.slice(0, -1);
    const chinese = rest.length <= 3 && !GIVEN_TOO.has(t.word[t.word.length - 1]) && isChineseSurnameStart(rest) && !isAmbiguousSurname(rest[0]) && !NOT_GIVEN_END.has(rest[rest.length - 1]);
    if (!(chinese || isTranslitWord(rest)) || isCommonWord(rest)) continue;
    const closer = t.word[t.word.length - 1];
    tokens.splice(i, 1, { word: rest, tag: 'x', start: t.start, end: t.end - 1 }, { word: closer, tag: dictionaryTag(closer) || 'x', start: t.end - 1, end: t.end });
    i++;
  }
}
