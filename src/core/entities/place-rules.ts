/**
 * The name rules about places (see name-rules.ts for how rules are tried): country pairs and
 * abbreviations (中美关系, 访华, 中方), places jieba tagged or left untagged before an
 * administrative suffix, and the words its dictionary tags as places that are used as verbs or
 * adjectives here, or as people.
 */
import { isTranslitWord, PERSON_TAGS } from './foreign-names.ts';
import { isCountryOrProvince, isWorldPlace } from './world-places.ts';
import { isKnownPlace } from './known-places.ts';
import { allHan, isCommonWord, isDictionaryWord, type Token } from './segment-names.ts';
import { abbreviatedPlace, isChineseSurnameStart, isCountryAbbreviation, isGenericPlaceWord, isNonNameWord, isPartnerAbbreviation, isPlaceAbbreviation } from './name-lexicon.ts';
import { abbreviationNext, GLUE_HEAD, LOC_SUFFIX, PLACE_TAIL, SIDE_TAIL, VISIT_HEAD } from './name-parts.ts';
import { CUT_NAME_STOP, PERSON_AFTER, PERSON_BEFORE } from './person-words.ts';
import { push, type Rule } from './rule-scan.ts';

/** A verb or preposition glued to a country abbreviation (访华, 对美, 赴法): the abbreviation is a place. */
export const visit: Rule = (s, i) => {
  const t = s.tokens[i];
  if (!(t.word.length >= 2 && VISIT_HEAD.has(t.word[0]) && (isPlaceAbbreviation(t.word[1]) || t.word[1] === '华'))) return -1;
  // jieba may keep what follows in the word (驻华使节/n, 对华关系/n, 来华访问/n): the rest must be a
  // word of its own, and the abbreviation must not start one with it (对美好, 对中国).
  if (t.word.length > 2 && !(t.word.length >= 4 && isCommonWord(t.word.slice(2)) && !isDictionaryWord(t.word.slice(1, 3)))) return -1;
  push(s, t.start + 1, t.start + 2, 'LOC');
  return i;
};

// Who comes from a place, glued to its abbreviation (华侨, 藏胞, 日寇, 港人): 人 only after the
// abbreviations that make no common word with it (not 中人, 美人, 法人). 华人 and 华裔 are left
// out: they say people are of Chinese descent, often citizens of somewhere else.
const PEOPLE_OF = new Set('侨胞寇');
const PEOPLE_OF_PLACE = new Set('港台澳');

/** An abbreviation glued to 方/军/籍 (中方, 美军) or to the people of the place (华侨, 港人): the abbreviation is a place. */
export const side: Rule = (s, i) => {
  const t = s.tokens[i];
  if (t.word.length !== 2 || t.tag === 'ns') return -1;
  const [a, b] = [t.word[0], t.word[1]];
  const place = isPlaceAbbreviation(a) || a === '华';
  if (!(place && (SIDE_TAIL.has(b) || PEOPLE_OF.has(b) || (b === '人' && PEOPLE_OF_PLACE.has(a))))) return -1;
  push(s, t.start, t.start + 1, 'LOC');
  return i;
};

/** Country and region abbreviations: 中美 is two places, 中 in 中/f 美/ns too. */
export const abbreviations: Rule = (s, i) => {
  const t = s.tokens[i];
  // (Cheap tests first: this runs at every word.)
  if (t.word.length > 4 || !allHan(t.word)) return -1;
  for (let k = 0; k < t.word.length; k++) if (!isPlaceAbbreviation(t.word[k])) return -1;
  const next = i + 1 < s.tokens.length ? s.tokens[i + 1] : undefined;
  // A place known whole (辽宁: 辽 and 宁 are both abbreviations) is one place.
  if (isKnownPlace(t.word)) return -1;
  // Three or four different provinces' abbreviations (京津冀/n, 粤港澳/ns, 苏浙皖/nr, 港澳台/m): each a place.
  if (t.word.length > 2) {
    if (new Set(t.word).size !== t.word.length || !/^(?:ns|j|n|nr|nz|m|x)$/.test(t.tag) || NOT_PROVINCE_RUN.has(t.word)) return -1;
    // Provinces' only (以美中 is a preposition and two countries), and not a region named by them (晋冀鲁豫区, 陕甘宁边区).
    if (![...t.word].every((c) => PROVINCES.has(c)) || (next && next.start === t.end && /^(?:区|边区|地区|省)$/.test(next.word))) return -1;
    for (let k = 0; k < t.word.length; k++) push(s, t.start + k, t.start + k + 1, 'LOC');
    return i;
  }
  // An unknown word of two abbreviations is two places only if both are countries' (中美/x; not 以新/x).
  const unknownPair = t.tag === 'x' && next?.tag !== 'm' && [...t.word].every(isCountryAbbreviation);
  if (!(t.tag === 'ns' || t.tag === 'j' || unknownPair || abbreviationNext(s.tokens, i))) return -1;
  for (let k = 0; k < t.word.length; k++) push(s, t.start + k, t.start + k + 1, 'LOC');
  return i;
};

// A place's own name made of abbreviation characters (Taiwan's 蘇澳港).
const NOT_PROVINCE_RUN = new Set(['苏澳港']);
const PROVINCES = new Set('京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀黔贵滇云陕秦甘陇青宁新藏桂蒙港澳台');

// What follows two countries' one-character abbreviations when the pair is two countries (中日两国,
// 中英建交, 中印边界, 中美等国, 美中建设性战略伙伴关系).
const BILATERAL = /^(?:两国|双方|关系|建交|合作|会谈|会晤|谈判|贸易|经贸|边境|边界|首脑|峰会|联合声明|联合公报|三个联合公报|等国|之间|战略|建设性|长远|外长|领导人)/;

/**
 * Two abbreviations of countries before a word of bilateral relations, whatever jieba made of them
 * (中日/t 两国, 中/f 印/v 边界, 墨美/x 两国, 中美等国/x, 中/f 韩建交/nr): two places. One of
 * the two must be a major country's (中, 美, 俄…); the other may be any country's (埃中, 墨美).
 */
export const bilateral: Rule = (s, i) => {
  const { tokens } = s;
  const t = tokens[i];
  if (!isPartnerAbbreviation(t.word[0])) return -1;
  // The characters from this token on, however jieba cut them.
  let chars = t.word;
  let k = i + 1;
  for (let end = t.end; chars.length < 8 && k < tokens.length && tokens[k].start === end; end = tokens[k++].end) chars += tokens[k].word;
  const [a, b] = [chars[0], chars[1]];
  if (!(a && b && a !== b && isPartnerAbbreviation(a) && isPartnerAbbreviation(b) && (isCountryAbbreviation(a) || isCountryAbbreviation(b)) && BILATERAL.test(chars.slice(2)))) return -1;
  push(s, t.start, t.start + 1, 'LOC');
  push(s, t.start + 1, t.start + 2, 'LOC');
  // The last token the pair reaches into (中/f 韩建交/nr takes 韩建交 whole).
  let last = i;
  while (tokens[last].end < t.start + 2) last++;
  return last;
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
  if (countryNamedPerson(s, i)) return i + 1;
  if (!(t.tag === 'ns' && allHan(t.word) && t.word.length >= 2 && t.word.length <= 4 && !isWorldPlace(t.word) && (isChineseSurnameStart(t.word) || isTranslitWord(t.word)))) return -1;
  const next = i + 1 < tokens.length ? tokens[i + 1] : undefined;
  const prev = i > 0 ? tokens[i - 1] : undefined;
  if (!((next && next.start === t.end && PERSON_AFTER.test(next.word)) || (prev && prev.end === t.start && PERSON_BEFORE.test(prev.word)))) return -1;
  // A third given-name character jieba left alone (部长 徐国/ns 勇/n 宣布) belongs to the name when
  // what follows it closes the name.
  const after = tokens[i + 2];
  if (t.word.length === 2 && isChineseSurnameStart(t.word) && next && next.start === t.end && next.word.length === 1 && allHan(next.word) && !CUT_NAME_STOP.test(next.tag) && !LOC_SUFFIX.has(next.word)
    && after && after.start === next.end && (PERSON_AFTER.test(after.word) || after.tag === 't' || /^[，。、；：！？]$/.test(after.word))) {
    push(s, t.start, next.end, 'PER');
    return i + 1;
  }
  push(s, t.start, t.end, 'PER');
  return i;
};

/**
 * A person whose surname and first given character spell a country (立法院/nt 长/a 韩国/ns 瑜/nr): right
 * after a title and before a name character jieba tags a name, the three are the person; pushes it.
 */
function countryNamedPerson(s: Parameters<Rule>[0], i: number): boolean {
  const { tokens } = s;
  const t = tokens[i];
  const given = tokens[i + 1];
  if (!(t.tag === 'ns' && t.word.length === 2 && isWorldPlace(t.word) && isChineseSurnameStart(t.word) && given && given.start === t.end && given.word.length === 1 && /^(?:nr|ng|zg)$/.test(given.tag))) return false;
  const prev = tokens[i - 1];
  // The title, or its last character jieba cut off after the body (立法院/nt 长/a).
  const titled = !!prev && prev.end === t.start && (PERSON_BEFORE.test(prev.word) || (prev.word === '长' && /[院部局署处厅市县会]$/.test(tokens[i - 2]?.word ?? '')));
  if (!titled) return false;
  push(s, t.start, given.end, 'PER');
  return true;
}

// Verbs of going, coming and being somewhere: what follows them is a place (抵达德班, 来自恭城).
const PLACE_VERBS = new Set(['赴', '抵', '抵达', '到达', '飞抵', '前往', '来自', '位于', '地处', '途经', '飞往', '访问', '出访', '驻', '进入', '离开', '返回', '定居', '移居', '路过', '经过']);
// Words after a place that say it is one (恭城 一带, 德班 附近, 巢县 境内).
const PLACE_NEXT = new Set(['地区', '一带', '境内', '附近', '当地', '沿岸', '以东', '以西', '以南', '以北', '东部', '西部', '南部', '北部', '郊区', '市区', '城区', '港口']);

// Verbs of holding an event: 在 X 举行 says X is a place.
const HELD = new Set(['举行', '召开', '举办', '开幕', '闭幕', '开幕式', '会晤', '签署', '登陆', '降落']);

/**
 * Whether the text says the short word at i is a place: a verb of going before it (抵达德班), a
 * word of location after it (德班附近), 在 X 举行, or a known place beside it in a list (恭城、
 * 桂林). A known place right before it is not enough: 中国 建国, 香港 海鲜.
 */
function placeContext(s: Parameters<Rule>[0], i: number): boolean {
  const { tokens } = s;
  const t = tokens[i];
  const prev = i > 0 ? tokens[i - 1] : undefined;
  const next = i + 1 < tokens.length ? tokens[i + 1] : undefined;
  if (prev && prev.end === t.start && PLACE_VERBS.has(prev.word)) return true;
  if (next && next.start === t.end && PLACE_NEXT.has(next.word)) return true;
  // 在德班举行: where a meeting or event is held.
  if (prev?.word === '在' && next && HELD.has(next.word)) return true;
  return listedPlace(prev, tokens[i - 2]) || listedPlace(next, tokens[i + 2]);
}

/** Whether `a` is a list word and `b` a known place after it (恭城、桂林). */
function listedPlace(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && (a.word === '、' || a.word === '和' || a.word === '与') && isKnownPlace(b.word);
}

/**
 * A place jieba tagged (ns), with a one-character suffix after it (青海 省) or without 地区. A
 * two-character one that is not a known place (福利/ns, 深度/ns, 加密/ns are words) must be
 * shown to be one by the text (placeContext).
 */
// Last characters of places of every kind: divisions, waters, mountains, passes, roads, buildings.
const ANY_PLACE_END = /[省市县镇乡村岛湾港街城堡寨寺区州国洋海山河湖江峰岭谷原关门路道桥站场宫庙园林洲岸角漠滩地陆域堂潭池泉溪坡坝井塘]$/;

export const place: Rule = (s, i) => {
  const t = s.tokens[i];
  if (!(t.tag === 'ns' && allHan(t.word) && !isGenericPlaceWord(t.word))) return -1;
  if (!isWorldPlace(t.word) && usedAsPredicate(s.tokens, i)) return -1;
  if (t.word.length > 3 && t.word.endsWith('地区')) {
    if (isGenericPlaceWord(t.word.slice(0, -2))) return -1; // 沿海地区
    push(s, t.start, t.end - 2, 'LOC');
    return i;
  }
  // A country's money is not a place mention (挪威克朗/ns); a place and its countries is the place (亚洲各国/ns).
  if (/(?:克朗|法郎|马克|卢布|比索|里拉)$/.test(t.word)) return -1;
  if (t.word.length > 3 && t.word.endsWith('各国') && isKnownPlace(t.word.slice(0, -2))) {
    push(s, t.start, t.end - 2, 'LOC');
    return i;
  }
  const next = i + 1 < s.tokens.length ? s.tokens[i + 1] : undefined;
  if (next && next.start === t.end && LOC_SUFFIX.has(next.word)) {
    push(s, t.start, next.end, 'LOC');
    return i + 1;
  }
  // A longer word jieba's dictionary tags a place that reads as common words (远超过, 欢度春节, 蝴蝶兰,
  // 非营利) and ends like no place is no place.
  if (t.word.length >= 3 && !isKnownPlace(t.word) && !isWorldPlace(t.word) && !ANY_PLACE_END.test(t.word) && !isTranslitWord(t.word)
    && (isCommonWord(t.word.slice(0, 2)) || isCommonWord(t.word.slice(-2)))) return -1;
  // One character stands for a place only where it abbreviates one (美, 港, 津) or a division
  // follows it (北 市, above); 香 in 搶頭香 and 北 or 东 before a word are a thing and directions.
  if (t.word.length === 1 && !abbreviatedPlace(t.word)) return -1;
  // A short word ending in 县, 镇 or 乡 names a county or town (巢县, 沛县) even when no list has it.
  if (t.word.length === 2 && !isKnownPlace(t.word) && !/[县镇乡]$/.test(t.word) && !placeContext(s, i)) return -1;
  // Two places jieba kept as one word (辽宁沈阳/ns, 法国巴黎/ns): a listed country, province or
  // city and a known place in it; not a name that is known whole (沙特阿拉伯).
  for (let k = 2; t.word.length >= 4 && k <= t.word.length - 2 && !isKnownPlace(t.word); k++) {
    if (isWorldPlace(t.word.slice(0, k)) && isKnownPlace(t.word.slice(k))) {
      push(s, t.start, t.start + k, 'LOC');
      push(s, t.start + k, t.end, 'LOC');
      return i;
    }
  }
  push(s, t.start, t.end, 'LOC');
  return i;
};

// Bodies of the sky news names as places (地球上, 月球表面), as news corpora mark them.
const CELESTIAL = new Set(['地球', '月球', '月亮', '太阳', '银河', '银河系', '太阳系', '火星', '金星', '木星', '土星', '水星', '天王星', '海王星', '冥王星']);

/** A planet, the Moon, the Sun or the galaxy: a place. */
export const celestial: Rule = (s, i) => {
  const t = s.tokens[i];
  if (!CELESTIAL.has(t.word)) return -1;
  push(s, t.start, t.end, 'LOC');
  return i;
};

/** A county or district listed with its suffix, whatever jieba tagged it (鼓楼区/n, 海淀区/n). */
export const listedDivision: Rule = (s, i) => {
  const t = s.tokens[i];
  if (!(t.word.length >= 3 && allHan(t.word) && /[区县市州旗]$/.test(t.word) && t.tag !== 'ns' && isKnownPlace(t.word))) return -1;
  push(s, t.start, t.end, 'LOC');
  return i;
};

/** Places jieba's dictionary tags as people (石家庄/nr, 公明镇/nr): the last character says so. */
export const placeTagged: Rule = (s, i) => {
  const t = s.tokens[i];
  if (!((PERSON_TAGS.has(t.tag) || t.tag === 'x') && t.word.length >= 3 && allHan(t.word) && PLACE_TAIL.test(t.word) && !isNonNameWord(t.word) && !isGenericPlaceWord(t.word))) return -1;
  push(s, t.start, t.end, 'LOC');
  return i;
};


// Heads of buildings and sites people go to (体育馆, 机场, 大会堂, 广场, 大桥): news corpora mark a
// named one as a place, not an organisation. Embassies, hotels and shops are bodies (大使馆, 饭店).
const FACILITY_END = /(?:体育馆|体育场|博物馆|美术馆|纪念馆|展览馆|大剧院|剧院|会堂|大厦|广场|机场|车站|码头|桥|宫|寺|公园)$/;
const FACILITY_WORD = /^(?:体育馆|体育场|博物馆|美术馆|纪念馆|展览馆|大剧院|剧院|会堂|大会堂|大厦|广场|机场|国际机场|火车站|车站|码头|大桥|桥|宫|寺|公园)$/;
// Names a facility is named by (虹口/ns 体育馆, 伊丽莎白/nr 体育馆, 国家博物馆/nt).
const FACILITY_NAME_TAGS = new Set(['ns', 'nz', 'nt', 'nr', 'nrt', 'j']);
// Plain words between the name and the head (中国 印刷 博物馆, 明石 海峡 大桥).
const FACILITY_INNER_TAGS = new Set(['n', 'vn', 'nt']);

/**
 * A named building or site: a name, at most two plain words, and a facility head (虹口/ns 体育馆/n,
 * 南非/ns 国家博物馆/nt, 明石/nr 海峡/ns 大桥/ns), or one word jieba knows whole (中国美术馆/nt,
 * 白金汉宫/nr): one place. When places are stacked (上海 虹口 体育馆), the facility starts at the
 * last; the ones before stay places of their own.
 */
export const facility: Rule = (s, i) => {
  const { tokens } = s;
  const t = tokens[i];
  if (!(FACILITY_NAME_TAGS.has(t.tag) && allHan(t.word) && !isNonNameWord(t.word))) return -1;
  if (t.word.length >= 3 && FACILITY_END.test(t.word) && !t.word.endsWith('使馆')) {
    push(s, t.start, t.end, 'LOC');
    return i;
  }
  // A country or province right before the head is not a facility's name (日本 机场, 英国 公园: any
  // of the country's); with words between it is (中国 印刷 博物馆, 美国 国会 大厦).
  const region = isCountryOrProvince(t.word);
  for (let j = i + 1; j <= i + 3 && j < tokens.length && tokens[j].start === tokens[j - 1].end && allHan(tokens[j].word); j++) {
    const w = tokens[j];
    // The head is a plain facility word (体育馆/n, 大桥/ns, 国家博物馆/nt), not a name of its own (特朗普 白宫/nt).
    const head = FACILITY_WORD.test(w.word) || ((w.tag === 'n' || w.tag === 'nt') && w.word.length >= 3 && FACILITY_END.test(w.word));
    if (head && !w.word.endsWith('使馆') && !(region && j === i + 1)) {
      push(s, t.start, w.end, 'LOC');
      return j;
    }
    // Another name: the facility, if any, starts there (or the inner word is a common place noun: 海峡).
    if (!(FACILITY_INNER_TAGS.has(w.tag) || (w.tag === 'ns' && isGenericPlaceWord(w.word)))) return -1;
  }
  return -1;
};

/**
 * A transliterated name after 在, 到 or 访问 is as often a place as a person, so the person rule
 * leaves it; the text settles it: a verb of going before it, 在 X 举行, a word of location after
 * it (抵达杜塞尔多夫, 在里加举行, 在图卢兹，).
 */
export const translitPlace: Rule = (s, i) => {
  const t = s.tokens[i];
  if (!((PERSON_TAGS.has(t.tag) || t.tag === 'x') && t.word.length >= 3 && allHan(t.word) && isTranslitWord(t.word) && !isNonNameWord(t.word) && !isCommonWord(t.word))) return -1;
  const prev = i > 0 ? s.tokens[i - 1] : undefined;
  const next = s.tokens[i + 1];
  // 在 X and then punctuation: where something is (他在图卢兹，).
  // (Not a list, 在丘吉尔、罗斯福…, nor a name and its spelling, 萨伊德（Sayyid）.)
  const where = prev?.word === '在' && prev.end === t.start && (!next || (next.start === t.end && /^[，。；！？,.;]$/.test(next.word)));
  if (!where && !placeContext(s, i)) return -1;
  push(s, t.start, t.end, 'LOC');
  return i;
};
