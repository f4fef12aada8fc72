/**
 * The rules that find names in jieba's tokens, one function each, tried in order at every token;
 * the first that applies takes the token (and any it joins to it). One function per rule rather
 * than one long loop body: V8 recompiled the long body from scratch each time a rarely taken branch
 * was first reached (14 times per ingest of the corpus, a quarter of all compiler time); small
 * functions recompile alone and cheaply.
 */
import { isTranslitChar } from './alias-pairs.ts';
import { dottedName, isTranslitWord, PERSON_TAGS, translitRun } from './foreign-names.ts';
import { isKnownOrganisation, isWorldPlace } from './world-places.ts';
import { isKnownPlace } from './known-places.ts';
import { allHan, dictionaryTag, isCommonWord, isDictionaryWord, segmenter, type Token } from './segment-names.ts';
import { isAmbiguousSurname, isChineseSurnameStart, isCommonSurname, isNonNameWord, NOT_GIVEN_END } from './name-lexicon.ts';
import { COMPOUND_TAGS, describedByPlace, innerHead, LOC_SUFFIX, ORG_ABBREVIATION_END, organisation, placeHead, placeInner } from './name-parts.ts';
import { CUT_NAME_STOP, GIVEN_TAGS, NAME_CLOSE, PERSON_AFTER, PERSON_BEFORE } from './person-words.ts';
import type { NameSpan } from './recognize-names.ts';
import { indexTokens, push, type Rule, type Scan } from './rule-scan.ts';
import { japaneseName } from './japanese-names.ts';
import { person } from './person-rule.ts';
import { addListedPeople } from './name-lists.ts';
import { joinNamePieces } from './name-pieces.ts';
import { addHusbandSurnames } from './married-names.ts';
import { titledName } from './titled-names.ts';
import { compoundSurname, surnameCourtesy } from './compound-surnames.ts';
import { gluedPreposition, gluedSpeech, gluedSurname, gluedTitle, thirdGluedToSpeech, unglueClosers } from './glued-names.ts';
import { placesByContext } from './place-context.ts';
import { countriesAsTeams } from './team-lists.ts';
import { addQuotedBodies } from './quoted-bodies.ts';
import { addAbbreviatedPeople } from './abbreviated-people.ts';
import { addPeriodicals } from './periodicals.ts';
import { widenOrganisations } from './org-heads.ts';
import { addPartyUnits } from './party-units.ts';
import { isFamousPerson } from './famous-people.ts';
import { addLatinBodies } from './latin-bodies.ts';
import { isOffice, isSurnameTitle } from './surname-titles.ts';
import { abbreviations, bilateral, celestial, DIVISION, facility, translitPlace, listedDivision, gluedPlace, personTaggedPlace, place, placeTagged, side, suffixedPlace, visit } from './place-rules.ts';

/** A foreign name joined by a middle dot (爱德华·斯诺登); before a company or university it names that (葛兰素·威康公司, 乔治·梅森大学). */
const dotted: Rule = (s, i) => {
  const end = dottedName(s.tokens, i);
  if (end <= 0) return -1;
  const head = s.tokens[end];
  const named = head && head.start === s.tokens[end - 1].end ? NAMED_BODY.exec(head.word) : null;
  if (named) {
    push(s, s.tokens[i].start, head.start + named[1].length, 'ORG');
    return end;
  }
  push(s, s.tokens[i].start + wordTail(s.tokens, i), s.tokens[end - 1].end, 'PER');
  return end - 1;
};

/**
 * 1 when the first character of token i ends the word before it and the rest is a transliteration
 * (工程/n 师范/nr 内瓦 ·: 工程师 and 范内瓦), else 0: jieba glued a role's last character to the name.
 */
function wordTail(tokens: Token[], i: number): number {
  const t = tokens[i];
  const prev = tokens[i - 1];
  if (!prev || prev.end !== t.start || t.word.length < 2 || isTranslitChar(t.word[0])) return 0;
  return isDictionaryWord(prev.word + t.word[0]) && isTranslitWord(t.word.slice(1)) ? 1 : 0;
}

/** A Japanese name (桥本龙太郎, 武村/x 正义/n) or a Japanese surname before a title (桥本首相). */
const japanese: Rule = (s, i) => {
  const m = japaneseName(s.tokens, i);
  if (!m) return -1;
  push(s, s.tokens[i].start, m.end, 'PER');
  return m.last;
};

/** A country glued to what follows (法国总理/n, 中国京剧/nz, 俄总统/n): the country is a place. */
const countryHead: Rule = (s, i) => {
  const t = s.tokens[i];
  // (…and a place and a kind of business the dictionary tags an organisation: 美国公司/nt.)
  const head = (COMPOUND_TAGS.has(t.tag) || (t.tag === 'nt' && describedByPlace(t.word))) && !isNonNameWord(t.word) ? placeHead(t.word) : 0;
  if (!head) return -1;
  push(s, t.start, t.start + head, 'LOC');
  return i;
};

const BARE_KIND = new Set(['联盟', '聯盟', '同盟', '战队', '戰隊', '上市公司', '交易所', '城商行']);

/** An organisation, with the listed place or body it starts with as an inner mention. */
const organisationRule: Rule = (s, i) => {
  const t = s.tokens[i];
  const org = t.word.endsWith('关系') ? undefined : organisation(s.tokens, i);
  // A kind of body named bare is no body's name (联盟, 同盟, 战队, 上市公司), though a name ending in one is (美国公民自由联盟).
  if (!org || (org.next === i + 1 && BARE_KIND.has(s.text.slice(t.start, org.end)))) return -1;
  push(s, t.start, org.end, 'ORG');
  const inner = innerHead(s.tokens, i, org.end, s.text);
  if (inner) s.out[s.out.length - 1].inner = [inner];
  return org.next - 1;
};

/** 印度政府 names the country, 克林顿政府 the president. */
const government: Rule = (s, i) => {
  const t = s.tokens[i];
  if (!(t.tag === 'nt' && t.word.endsWith('政府') && t.word.length > 2)) return -1;
  const name = t.word.slice(0, -2);
  const head = segmenter().tag(name, true);
  // (A country jieba's dictionary tags as a person, 南斯拉夫/nr, is the country.)
  push(s, t.start, t.end - 2, head.length === 1 && PERSON_TAGS.has(head[0].tag) && !isWorldPlace(name) ? 'PER' : 'LOC');
  return i;
};

/** The dictionary keeps some names glued to what follows (邓小平理论/nr, 马克思主义/n): the name is the head. */
const gluedPerson: Rule = (s, i) => {
  const t = s.tokens[i];
  // A transliterated name of five or more (普里马科夫, 谢列兹尼奥夫) starts with a surname by chance.
  if (PERSON_TAGS.has(t.tag) && t.word.length >= 5 && isChineseSurnameStart(t.word) && !isTranslitWord(t.word)) {
    // …unless what follows the name makes a body named after the person (李嘉诚基金会/nr).
    const body = NAMED_BODY.exec(t.word.slice(3));
    push(s, t.start, body ? t.end : t.start + 3, body ? 'ORG' : 'PER');
    if (body) s.out[s.out.length - 1].inner = [{ start: t.start, end: t.start + 3, text: s.text.slice(t.start, t.start + 3), type: 'PER' }];
    return i;
  }
  // A doctrine named after its author (马克思主义/n, 列宁主义/n): the author is a person.
  const doctrine = /(?:主义|思想|理论|学说)$/.exec(t.word);
  if (!doctrine || t.word.length < 4 || !allHan(t.word)) return -1;
  const head = t.word.slice(0, -doctrine[0].length);
  if (!(PERSON_TAGS.has(dictionaryTag(head)) && !isNonNameWord(head))) return -1;
  push(s, t.start, t.start + head.length, 'PER');
  return i;
};

/**
 * Whether `x` can be half of a foreign name: a dictionary name or an unknown word (尤尔/x 科夫/nrt,
 * 卡勃/x 莱拉/nrt), or as the first half a single syllable jieba took for a noun (库/n 尼科娃/nr).
 */
function nameHalf(x: Token, first: boolean): boolean {
  return (PERSON_TAGS.has(x.tag) || x.tag === 'x' || (first && x.word.length === 1 && (x.tag === 'n' || x.tag === 'ng'))) && isTranslitWord(x.word);
}

/** The second half reads as a Chinese name, unless a transliteration of three or more (霍夫/x 施塔特/nr, 巴蒂/nrt 斯图塔/nr: 施 and 斯 are surnames). */
function chineseAfter(x: Token): boolean {
  return isChineseSurnameStart(x.word) && !(x.word.length >= 3 && isTranslitWord(x.word));
}

/** A foreign name jieba cut in two dictionary names (扎克/nrt 伯格/nr) is one name. */
const foreignHalves: Rule = (s, i) => {
  const t = s.tokens[i];
  const after = i + 1 < s.tokens.length ? s.tokens[i + 1] : undefined;
  // Two unknown halves of two characters or more each are a name too (斯捷/x 帕申/x).
  const unknownHalves = !!after && t.tag === 'x' && after.tag === 'x' && t.word.length >= 2 && after.word.length >= 2;
  if (!(nameHalf(t, true) && after && after.start === t.end && nameHalf(after, false) && (PERSON_TAGS.has(t.tag) || PERSON_TAGS.has(after.tag) || unknownHalves) && !chineseAfter(after))) return -1;
  // More pieces may follow (塔克西姆/x 盖/… 齐); …or an administrative suffix makes it a place (特勒/nrt 拉斯/nrt 县).
  const k = translitRun(s.tokens, i + 2, t.word.length + after.word.length);
  const end = s.tokens[k - 1].end;
  const suffix = k < s.tokens.length ? s.tokens[k] : undefined;
  if (suffix && suffix.start === end && DIVISION.has(suffix.word)) {
    push(s, t.start, suffix.end, 'LOC');
    return k;
  }
  push(s, t.start, end, 'PER');
  return k - 1;
};

/** A surname jieba left alone before a two-character word (曹/nr 火星/n, 江/nr 宏伟/a): surname + given name. */
const surnameAlone: Rule = (s, i) => {
  const t = s.tokens[i];
  const given = i + 1 < s.tokens.length ? s.tokens[i + 1] : undefined;
  const prev = i > 0 ? s.tokens[i - 1] : undefined;
  // A surname that is also a measure word is one only after a numeral or pronoun (那张): elsewhere,
  // before an unknown word, it starts a name (的 张/q 增军/x).
  const measure = t.tag === 'q' && given?.tag === 'x' && !(prev && prev.end === t.start && /^[mqr]/.test(prev.tag));
  // …and so does one jieba read as a verb (戴/v 资颖/x 今天): before an unknown word, when what follows closes the name.
  const after = s.tokens[i + 2];
  // (Not a verb said twice, 查/v 一查/x.)
  const verb = t.tag === 'v' && given?.tag === 'x' && !NOT_GIVEN_END.has(given.word[given.word.length - 1]) && !given.word.endsWith(t.word) && !!after && after.start === given.end
    && (after.tag === 't' || PERSON_AFTER.test(after.word) || /^[，。、；：！？]$/.test(after.word));
  if (!((t.tag === 'nr' || measure || verb) && t.word.length === 1 && isChineseSurnameStart(t.word) && given && given.start === t.end && given.word.length === 2 && allHan(given.word) && GIVEN_TAGS.has(given.tag))) return -1;
  // A common surname that is also a plain character counts when jieba tags it nr and the rest is no
  // plain noun (江/nr 宏伟/a; not 金/nr 标准/n).
  if (isAmbiguousSurname(t.word) && !(isCommonSurname(t.word) && given.tag !== 'n')) return -1;
  push(s, t.start, given.end, 'PER');
  return i + 1;
};

/**
 * Right after a title (厂主 商/n 国富/nz, 总经理 包/v 国富/nz, 本报记者 翟/nr 启运/v) a surname jieba
 * read as a plain word and a two-character word after it are a name, whatever their tags say.
 */
const surnameAfterTitle: Rule = (s, i) => {
  const t = s.tokens[i];
  const prev = i > 0 ? s.tokens[i - 1] : undefined;
  const given = i + 1 < s.tokens.length ? s.tokens[i + 1] : undefined;
  // (Not an adverb or preposition jieba read there: 作者 曾/d 回应.)
  if (!(t.word.length === 1 && prev && prev.end === t.start && PERSON_BEFORE.test(prev.word) && !/^(?:d|p|c|u\w*|r)$/.test(t.tag) && isChineseSurnameStart(t.word) && (!isAmbiguousSurname(t.word) || isCommonSurname(t.word)))) return -1;
  if (!(given && given.start === t.end && given.word.length === 2 && allHan(given.word) && /^(?:n|nz|nr\w*|x|v|a)$/.test(given.tag) && !isNonNameWord(given.word))) return -1;
  // What follows must close the name: punctuation, a verb, a noun, a particle or a title (not 李 明天/t).
  const after = i + 2 < s.tokens.length ? s.tokens[i + 2] : undefined;
  if (after && after.start === given.end && allHan(after.word) && !/^(?:v\w*|n|p|c|u\w*|d|f|r)$/.test(after.tag) && !PERSON_AFTER.test(after.word)) return -1;
  push(s, t.start, given.end, 'PER');
  return i + 1;
};

/**
 * A three-character name cut after two (陈时/x 中/f 说, 市长 柯文/nz 哲/n): a verb of speech or a
 * time word after the last character, or a title before the name, makes it one.
 */
const cutAfterTwo: Rule = (s, i) => {
  const { tokens } = s;
  const t = tokens[i];
  const last = i + 1 < tokens.length ? tokens[i + 1] : undefined;
  // (A surname and a given character jieba's dictionary holds as a place, 徐国/ns 勇, 王国/ns 材, is one
  // too when it is no place anyone names and no division follows.)
  const notPlace = t.tag === 'ns' && !isWorldPlace(t.word) && !!last && !LOC_SUFFIX.has(last.word);
  const after = i + 2 < tokens.length ? tokens[i + 2] : undefined;
  const prev = i > 0 ? tokens[i - 1] : undefined;
  // A last character jieba tagged a verb (特首 李家/nrfg 超/v 表示) is the name's only between a title and a verb of speech.
  const framed = !!last && last.tag === 'v' && !!prev && prev.end === t.start && PERSON_BEFORE.test(prev.word) && !!after && after.start === last.end && PERSON_AFTER.test(after.word);
  if (!(t.word.length === 2 && allHan(t.word) && (t.tag === 'x' || t.tag === 'nz' || PERSON_TAGS.has(t.tag) || notPlace) && isChineseSurnameStart(t.word) && !isAmbiguousSurname(t.word[0]) && !isNonNameWord(t.word) && !isCommonWord(t.word)
    && last && last.start === t.end && last.word.length === 1 && allHan(last.word) && (!CUT_NAME_STOP.test(last.tag) || framed))) return -1;
  if (!((after && after.start === last.end && (PERSON_AFTER.test(after.word) || after.tag === 't' || (NAME_CLOSE.test(after.word) && last.tag !== 'n'))) || (prev && prev.end === t.start && PERSON_BEFORE.test(prev.word)))) return -1;
  push(s, t.start, last.end, 'PER');
  return i + 1;
};

// The head of a business or paper named after a person or a made-up word (休斯公司, 科利华集团, 费加罗报).
const COMPANY_HEAD = /^(公司|集团|银行|报社|报|杂志|电视台|俱乐部|基金会)(?:总裁|董事长|总经理|经理|行长|社长|主编)?$/;
// …and after a full foreign name, a university or foundation too (乔治·梅森大学).
const NAMED_BODY = /^(公司|集团|银行|俱乐部|基金会|大学|学院|医院)(?:总裁|董事长|总经理|经理|行长|校长|院长)?$/;

/**
 * A company or paper named by a name (a person's or an unknown word) and its head, with at most
 * one plain noun between (罗威/x 汽车/n 公司/n): the organisation, not a person. A title glued to
 * the head (公司总裁) is left out.
 */
const namedCompany: Rule = (s, i) => {
  const { tokens } = s;
  const t = tokens[i];
  // A dictionary name, or an unknown word that reads as a transliteration (劳拉/x): other unknown
  // words are mostly function words glued together (由大/x 公司, 一到/x 公司).
  const translit = allHan(t.word) && isTranslitWord(t.word);
  if (!(allHan(t.word) && t.word.length >= 2 && (t.word.length <= 4 || translit) && (PERSON_TAGS.has(t.tag) || (t.tag === 'x' && translit)) && !isNonNameWord(t.word))) return -1;
  // A foreign name of three characters or more is a university or hospital's too (约翰霍普金斯大学);
  // a Chinese one before 大学 is as often a person who went to one.
  const heads = translit && t.word.length >= 3 && NAMED_BODY.test(tokens[i + 1]?.word ?? '') ? NAMED_BODY : COMPANY_HEAD;
  let j = i + 1;
  if (tokens[j]?.tag === 'n' && tokens[j].word.length === 2 && tokens[j].start === tokens[j - 1].end && !heads.test(tokens[j].word)) j++;
  const head = tokens[j];
  const m = head && head.start === tokens[j - 1].end ? heads.exec(head.word) : null;
  if (!m) return -1;
  push(s, t.start, head.start + m[1].length, 'ORG');
  return j;
};

// What follows a bare surname when a person is named by surname and title (王先生, 陈教授, 张某).
const titleOrSome = (word: string) => isSurnameTitle(word) || word === '某';

/**
 * A person named by surname and title or 某 (李先生/nr, 陈/nr 教授/n, 郑某): the surname is the
 * name, as news corpora mark it; the title is not part of it.
 */
const surnameTitle: Rule = (s, i) => {
  const t = s.tokens[i];
  if (!allHan(t.word)) return -1;
  // Tags of a surname glued to 老 or 家: the HMM's unknown word or jieba's foreign-name tag (刘家/nrfg);
  // its plain nr also covers words (古老/nr, 元老/nr).
  const gluedTag = t.tag === 'x' || t.tag === 'nrfg';
  // A familiar 老 before a surname (老于/x): the surname is the person, whatever else it can be.
  if (t.word.length === 2 && t.word[0] === '老' && isChineseSurnameStart(t.word[1]) && gluedTag) {
    push(s, t.start + 1, t.end, 'PER');
    return i;
  }
  if (!isChineseSurnameStart(t.word)) return -1;
  const rest = t.word.slice(1);
  // Glued to an office (毛主席/n, 江主席/n) a surname is one even when it is often a plain character.
  if (t.word.length > 1 && isOffice(rest) && (PERSON_TAGS.has(t.tag) || t.tag === 'x' || t.tag === 'n')) {
    push(s, t.start, t.start + 1, 'PER');
    return i;
  }
  // (A common surname that is also a plain character is one when jieba tags it nr: 金/nr 教授.)
  if (isAmbiguousSurname(t.word[0]) && !(t.word.length === 1 && t.tag === 'nr' && isCommonSurname(t.word))) return -1;
  // …or glued to another title, the respectful 老 (胡老/x 说) or 家, the family (刘家/nrfg, 阮家/x).
  // (Not 家 right after a title: 特首 李家/nrfg 超 is 李家超, a given name starting with 家.)
  const prev = i > 0 ? s.tokens[i - 1] : undefined;
  const titled = !!prev && prev.end === t.start && PERSON_BEFORE.test(prev.word);
  if (t.word.length > 1 && ((titleOrSome(rest) && (PERSON_TAGS.has(t.tag) || t.tag === 'x')) || ((rest === '老' || (rest === '家' && !titled)) && gluedTag))) {
    push(s, t.start, t.start + 1, 'PER');
    return i;
  }
  const next = i + 1 < s.tokens.length ? s.tokens[i + 1] : undefined;
  if (t.word.length !== 1 || !PERSON_TAGS.has(t.tag) || !next || next.start !== t.end || !titleOrSome(next.word)) return -1;
  push(s, t.start, t.end, 'PER');
  return i;
};

/** A famous person by the name alone (李白/nr, 屈原/n, 拉宾/ns), unless a place suffix makes it a street or hall (黄兴路). */
const famous: Rule = (s, i) => {
  const t = s.tokens[i];
  const next = i + 1 < s.tokens.length ? s.tokens[i + 1] : undefined;
  if (!isFamousPerson(t.word) || (next && next.start === t.end && LOC_SUFFIX.has(next.word))) return -1;
  // A first name or initial before a middle dot is part of it (拉·甘地).
  const dot = i >= 2 ? s.tokens[i - 1] : undefined;
  const first = i >= 2 ? s.tokens[i - 2] : undefined;
  const joined = dot && first && /^[·・．‧•]$/.test(dot.word) && dot.end === t.start && first.end === dot.start && isTranslitWord(first.word);
  push(s, joined ? first.start : t.start, t.end, 'PER');
  return i;
};

/** A cup or prize named after a person (尤伯杯/nr, 诺贝尔奖): the person, without the cup. */
const trophy: Rule = (s, i) => {
  const t = s.tokens[i];
  if (!((PERSON_TAGS.has(t.tag) || t.tag === 'nz' || t.tag === 'x') && t.word.length >= 3 && allHan(t.word) && /[杯奖]$/.test(t.word))) return -1;
  const name = t.word.slice(0, -1);
  // Awards named by a metal or jewel are no person's (金马奖, 金鸡奖, 银熊奖).
  if (/^[金银铜玉]/.test(name) || !(isTranslitWord(name) || PERSON_TAGS.has(dictionaryTag(name))) || isNonNameWord(name) || isCommonWord(name)) return -1;
  push(s, t.start, t.end - 1, 'PER');
  return i;
};

const RULES: Rule[] = [dotted, japanese, compoundSurname, surnameCourtesy, titledName, bilateral, facility, suffixedPlace, organisationRule, countryHead, government, gluedPerson, visit, side, abbreviations, famous, gluedPlace, personTaggedPlace, place, listedDivision, placeTagged, celestial, namedCompany, foreignHalves, surnameTitle, surnameAlone, surnameAfterTitle, gluedTitle, gluedPreposition, gluedSurname, gluedSpeech, trophy, cutAfterTwo, thirdGluedToSpeech, person, translitPlace];

const PROVINCE = /^(?:河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆)(?:省|自治区)?$/;

// A legislature by its term that the dictionary holds whole (第九届全国人大/nz).
const TERM_BODY = /^第?[一二三四五六七八九十]{1,3}届\S*(?:人大|政协|人民代表大会)$/;
// (十五大, 七大 are party congresses: a count before 大 stays.)
const COUNTED_OR_KIND = /^(?:[一二三四五六七八九十两几首].*[局航院行]$|[函夜电职业]大$)/;

/**
 * Countries and cities jieba's dictionary tags as people (莫斯科/nr) or plain nouns (合肥/n) are
 * places. Known companies and bodies (微软/a, 华为/nz) are organisations; so are abbreviations that
 * are not all country letters (欧盟/j, 北大/j; 中美/j stays two places).
 */
function retag(tokens: Token[]): void {
  for (const [i, t] of tokens.entries()) {
    if (t.tag !== 'ns' && isWorldPlace(t.word)) t.tag = 'ns';
    // A city right after its province (贵州 遵义/v, 西藏 林芝/nrt, 福建 宁德): the division jieba read as a word.
    else if (t.tag !== 'ns' && i > 0 && t.word.length <= 3 && tokens[i - 1].tag === 'ns' && tokens[i - 1].end === t.start && PROVINCE.test(tokens[i - 1].word) && isKnownPlace(t.word)) t.tag = 'ns';
    // The dictionary tags some names as times (周恩来/t: 周 is also "week"): a surname and a given
    // name the dictionary knows as a name (恩来/nrt) is a person.
    else if (t.tag === 't' && t.word.length === 3 && isChineseSurnameStart(t.word) && PERSON_TAGS.has(dictionaryTag(t.word.slice(1)))) t.tag = 'nr';
    else if (isKnownOrganisation(t.word) || TERM_BODY.test(t.word)) t.tag = 'nt';
    // (Not a count, 五局/j 首航/j, nor a kind of school, 函大/j 夜大/j.)
    else if (t.tag === 'j' && t.word.length >= 2 && t.word.length <= 4 && ORG_ABBREVIATION_END.has(t.word[t.word.length - 1]) && !COUNTED_OR_KIND.test(t.word)) t.tag = 'nt';
  }
}

/** The rules alone: every name they find in `text` (`simp` its Simplified form, `tokens` jieba's of it, retagged here), in order, not overlapping. */
export function ruleNames(text: string, simp: string, tokens: Token[]): NameSpan[] {
  unglueClosers(tokens);
  retag(tokens);
  // 週 is only "week" (the surname is 周 in both scripts), though Simplified writes both 周: a word
  // the original starts with 週 (每週且, 上週因) is a time, never a name.
  for (const t of tokens) if (text.charCodeAt(t.start) === 0x9031) t.tag = 't';
  // 暨 is "and" in formal names (教育部暨所属机关), which jieba's dictionary tags an organisation.
  for (const t of tokens) if (t.word === '暨') t.tag = 'c';
  const s: Scan = { text, tokens, out: [] };
  for (let i = 0; i < tokens.length; i++) {
    // Every rule starts a name at a Han word: punctuation, digits, Latin and spaces (a third of the
    // tokens of news text) skip the whole list.
    if (!allHan(tokens[i].word[0])) continue;
    for (const rule of RULES) {
      const last = rule(s, i);
      if (last >= 0) {
        i = last;
        break;
      }
    }
  }
  if (s.out.length) {
    const index = indexTokens(tokens);
    joinNamePieces(text, simp, index, s.out);
    addHusbandSurnames(text, simp, index, s.out);
    widenOrganisations(text, index, s.out);
    placesByContext(text, simp, s.out);
    countriesAsTeams(simp, s.out);
  }
  addPeriodicals(text, simp, s.out);
  addQuotedBodies(text, simp, tokens, s.out);
  addPartyUnits(text, simp, tokens, s.out);
  addLatinBodies(text, s.out);
  addAbbreviatedPeople(text, simp, tokens, s.out);
  // 氏 after a name is the respectful "Mr./Ms." or the clan (温氏, 伏羲氏): the name is what it follows,
  // a surname alone as after 先生.
  for (const span of s.out) if (span.type === 'PER' && span.end - span.start >= 2 && simp[span.end - 1] === '氏') span.text = text.slice(span.start, --span.end);
  addListedPeople(text, simp, tokens, s.out);
  for (const span of s.out) if (span.type === 'LOC' && !span.inner) span.inner = placeInner(span, simp, text);
  return s.out;
}
