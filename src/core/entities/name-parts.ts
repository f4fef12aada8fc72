/**
 * The word lists and tests the name rules (name-rules.ts) are built from: how news writes the end
 * of an organisation's name and places glued to what follows (a person's name: person-words.ts).
 */
import { isCountryOrProvince, isKnownOrganisation, isWorldPlace, listedHead } from './world-places.ts';
import { isKnownPlace } from './known-places.ts';
import { allHan, dictionaryTag, isCommonWord, type Token } from './segment-names.ts';
import { isGenericOrgWord, isGenericPlaceWord, isInstitutionWord, isPlaceAbbreviation, NOT_GIVEN_END } from './name-lexicon.ts';
import type { NameSpan } from './recognize-names.ts';

// What an organisation name ends with; 政府 is left out on purpose (印度政府 names the country).
// Federations by their short names (残联, 妇联, 足协, 武联).
const FEDERATION = '(?:残|妇|文|侨|科|作|足|武|田|泳|篮|排|乒|羽|棋|工商|青)(?:联|协)';
const FEDERATION_WORD = new RegExp(`${FEDERATION}$`);
export const ORG_END = new RegExp(`(?:队|部|委|会|院|社|局|厅|署|党|团|办|处|所|校|厂|[银亚世央分总支洋商]行|军|报|台|店|中心|公司|集团|银行|组织|协会|学会|联盟|大学|学院|中学|小学|法院|检察院|委员会|研究所|研究院|基金会|基金|俱乐部|工会|议会|内阁|联合会|共同体|交易所|通讯社|办公室|领导小组|工作组|论坛|杜马|交警|学系|管理系|中文系|领事馆|${FEDERATION})$`);
const ORG_INNER_TAGS = new Set(['n', 'nz', 'nt', 'ns', 'vn', 'j', 'nr', 'b', 'l', 'm', 's']);
// Ends of a one-word organisation (县委, 保守党, 人权会, 五牛队, 内阁).
const ORG_WORD_END = /(?:委|党|队|内阁|议会|国会)$/;
// Ends strong enough to make common nouns an organisation (机场 管理局, 帐篷 小学, 招商引资 团).
const STRONG_ORG_END = new RegExp(`(?:队|委|党|局|厅|署|社|团|公司|集团|银行|组织|协会|学会|联盟|大学|学院|中学|小学|法院|检察院|委员会|研究所|研究院|基金会|俱乐部|工会|议会|联合会|交易所|通讯社|管理局|总公司|分局|组委会|领导小组|工作组|杜马|学系|管理系|中文系|${FEDERATION})$`);
// Last characters of abbreviated organisations (欧盟, 北大, 法航, 邯钢, 政协, 人大).
export const ORG_ABBREVIATION_END = new Set('盟大航钢协委联院办党队局行');
// Directional words ending in 部 (中南部, 大部) are parts of a place, not departments.
const REGION_PART = /^[东西南北中大]+半?部$/;
const NAMED_TAGS = new Set(['ns', 'nt', 'nz', 'j', 'nr']);
const DEPUTY = new Set('副总正代原前');
// A title glued to an organisation's last word (司法部长, 内政部长, 县委书记, 日报社长).
const ORG_TITLE = /(?:[部局厅署社委](长|书记)|委(常委)|(?:银行|公司|集团)(行长|总裁|董事长|总经理|经理|主席)|(?:政协|人大)(委员|代表|常委))$/;
const ORG_MAX = 14;
// A place followed by one of these single characters is one place (青海 省, 曲麻莱 县).
export const LOC_SUFFIX = new Set(['省', '市', '县', '区', '州', '镇', '乡', '村', '岛', '湾', '港', '江', '河', '湖', '山', '峰', '街', '路']);

/** Where an organisation found at token i ends: the index of the token after it and the character offset. */
interface OrgEnd {
  next: number;
  end: number;
}

/** How many characters of a title glued to an organisation's last word are the title (司法部长 → 司法部 + 长, 县委书记 → 县委 + 书记). */
function titleTail(word: string): number {
  const m = ORG_TITLE.exec(word);
  return m ? (m[1] ?? m[2] ?? m[3] ?? m[4]).length : 0;
}

// What turns a common word into another common one (国际化, 天文学, 加油站, 中医药).
const COMMON_SUFFIX = new Set('化学性站药业');
// The trade that ends a business's name made of plain words (联邦快递, 东方航空, 通用电气).
const INDUSTRY_END = /(?:快递|航空|电气|电信|电力|电器|电子|汽车|石油|石化|能源|科技|通讯|通信|钢铁|化工|制药|保险|证券|地产|置业|物流|传媒|影业|食品|重工|机械|软件|航运|船舶)$/;

/**
 * Whether a word jieba's dictionary tags as an organisation is two common words with no
 * organisation ending (广大观众, 长足进展, 社会科学, 超级大国) or a common word and a suffix that
 * makes another (国际化, 天文学): a phrase, not a body. Names with a proper part (中国足协,
 * 全国政协, 国际足联), words ending like one (新华社) and businesses named by their trade
 * (通用电气) are not asked.
 */
export function commonCompound(word: string): boolean {
  if (!allHan(word) || word.length < 3 || ORG_END.test(word)) return false;
  // An abbreviation (中共/j, 政协/j, 女篮/j) is a proper part.
  const plain = (w: string) => isCommonWord(w) && dictionaryTag(w) !== 'j' && !isKnownOrganisation(w);
  if (word.length === 3) return COMMON_SUFFIX.has(word[2]) && plain(word.slice(0, 2));
  // A business named by plain words and its trade (联邦快递, 东方航空, 通用电气) is a company.
  if (INDUSTRY_END.test(word)) return false;
  for (let k = 2; k + 2 <= word.length; k++) if (plain(word.slice(0, k)) && plain(word.slice(k))) return true;
  return false;
}

// Words that open a body's name as a place does (国家新闻出版署, 国际狮子会, 全国妇联).
const NAME_OPENERS = new Set(['国家', '国际', '全国', '中央']);
// Bodies an opener (and 世界, 全球) makes a name of, however generic alone (国际 刑事 法院, 国际 联络小组,
// 世界 经济 论坛); an agency (机构) only a state's (国家 原子能 机构: 国际 金融 机构 is a kind).
const OPENER_BODY = /^(?:法院|委员会|协会|学会|联合会|研究院|基金|论坛|\S*小组)$/;
const WORLD_OPENERS = new Set(['世界', '全球']);

// Meetings and events, not bodies (十一届三中全会, 新年音乐会, 首脑会).
const EVENT_END = /(?:全会|音乐会|运动会|博览会|研讨会|座谈会|招待会|峰会|首脑会|展览会|交易会|联欢会|晚会|灯会|记者会|发布会|说明会|发表会|演唱会|庆生会|园游会|游园会)$/;

// A count, quantifier or pronoun opening a word (四大, 各, 有关): what follows describes, not names.
const QUANTIFIED = /^(?:[一二三四五六七八九十两几多]大|有关|各|非(?!洲|统)|某|该|这|那|多家|一些|部分)/;

/**
 * Whether a common organisation noun makes a body after the named head `first`: a company, bank
 * or group only after an organisation or brand, or with a name of its own inside (`proper`: 腾讯
 * 公司, 瑞士信贷集团, 北京 国伦 文化 公司; 法国软件公司 and 外国公司 describe), the others after a
 * place too (郑州分局, 武汉同济医院, 中国代表团).
 */
function institutionAfter(first: Token, word: string, proper = false, next = false): boolean {
  if (!isInstitutionWord(word)) return false;
  // A bank right after its country or city is that bank (中国银行, 瑞士银行, 美洲银行).
  if (word === '银行' && next && first.tag === 'ns') return true;
  return !/^(?:公司|银行|集团)$/.test(word) || first.tag === 'nt' || first.tag === 'nz' || proper;
}

// Verbs of sports and contest reports jieba's dictionary tags as nouns (战胜/n 匈牙利队).
const CONTEST_VERBS = new Set(['战胜', '击败', '打败', '输给', '负于', '迎战', '对阵', '力克', '逼平', '淘汰']);

/** Whether a word jieba tagged n is a verb here: the dictionary's verb, or a verb of contest it tags as a noun. */
function verbAsNoun(word: string): boolean {
  return CONTEST_VERBS.has(word) || dictionaryTag(word) === 'v';
}

// A field of study (天文学/nt, 古典文学/nt: the dictionary tags some nt), unlike a school (大学, 中学).
const DISCIPLINE = /[^大中小]学$/;

// …or an activity or a society in the wide sense (太空飞行/nt, 同步进行/nt, 上流社会/nt).
const ACTIVITY = /(?:飞行|航行|旅行|进行|运行|执行|举行|流行|社会)$/;

/** Whether a word jieba's dictionary tags nt is no body: a field of study, an activity, a kind of thing, a place's business. */
function notABody(word: string): boolean {
  return DISCIPLINE.test(word) || ACTIVITY.test(word) || NOT_A_BODY_END.test(word) || describedByPlace(word);
}

// The member states of a body are no body (安理会常任理事国/nt, 欧盟成员国); nor are the other
// kinds of thing jieba's dictionary tags nt: households, places, powers, people, affairs,
// medicine, trades (普通家庭, 公共场所, 超级大国, 全班同学, 军国大事, 中医药, 国际石油).
// Weather and halves of a country end like bodies (冷气团 like 代表团, 东半部 like 外交部) but are none.
// (Nor a count of places: 平壤一处, 板桥区一处 are "a spot in", 处 is no office there.)
const NOT_AN_END = /(?:气团|半部)$|^[一二两三四五六七八九十几多某此各每]处$/;
const NOT_A_BODY_END = /(?:气团|[东西南北]半部|理事国|成员国|缔约国|会员国|家庭|场所|大国|同学|教师|医师|大事|国事|作用|医药|中药|草药|石油|科学|信息|交通|财政)$/;
// A place and a kind of business is a description (美国公司/nt, 中国航天/nt), not a body's name.
const KIND_OF_BUSINESS = /^(?:公司|企业|厂商|航天|同行)$/;

/** The length of the country or city a word of a place and a kind of business starts with (美国公司 → 2), else 0. */
function businessPlace(word: string): number {
  for (let n = Math.min(5, word.length - 2); n >= 1; n--) if (KIND_OF_BUSINESS.test(word.slice(n)) && isWorldPlace(word.slice(0, n))) return n;
  return 0;
}

/** Whether a word jieba's dictionary tags nt is a country or city and a kind of business. */
export function describedByPlace(word: string): boolean {
  return businessPlace(word) > 0;
}

// Continents and world regions: no team, company or army is theirs alone (非洲 球队, 南美 球队),
// though councils and societies are (欧洲议会, 欧洲隐私协会).
const REGION_CANNOT_OWN = /^(?:球队|部队|军队|舰队|公司)$/;
const REGIONS = new Set(['欧洲', '亚洲', '非洲', '美洲', '北美', '南美', '拉美', '大洋洲', '中东', '东欧', '西欧', '北欧', '南欧', '东南亚', '中亚', '西亚', '南亚', '东亚']);

// A press named by its field or its own name (语文 出版社, 译林 出版社, 企鹅 出版社); not by a word
// that only places or kinds it (地方 出版社). (集团 is as often a clique: 官僚集团, 权势集团.)
const NOT_FIELD = /^(?:地方|当地|国内|国外|海外|境外|外国|全国|各地|有关|相关|其他|其它|大型|小型|中型|知名|著名|专业|商业|企业|民营|国营|国有|私营|跨国|金融|地产|房地产|财团|媒体|传媒)$/;

/** Whether tokens i..j are one plain two-character noun and a press (语文 出版社). */
function fieldPress(tokens: Token[], i: number, j: number): boolean {
  const first = tokens[i];
  return j === i + 1 && first.tag === 'n' && first.word.length === 2 && tokens[j].word === '出版社' && !NOT_FIELD.test(first.word) && !(i > 0 && /^[mqr]/.test(tokens[i - 1].tag));
}

/** An organisation starting at token i (a place, organisation or abbreviation head, or common nouns ending in an organisation word), or undefined. */
export function organisation(tokens: Token[], i: number): OrgEnd | undefined {
  const first = tokens[i];
  // 日电 and 本报讯 are wire and paper datelines (北京5月7日电), glued by jieba to the organisation after them.
  if (first.word === '日电' || first.word === '本报讯') return undefined;
  // A division inside a place before a body: the body starts at the division (长沙市 芙蓉区
  // 人民法院, 河南省 郑州市 … 学校); 臺灣 日本 關係 協會 stays one name.
  const after = tokens[i + 1];
  if (first.tag === 'ns' && after && after.start === first.end && after.tag === 'ns' && /[市县区镇乡]$/.test(after.word) && isKnownPlace(after.word) && organisation(tokens, i + 1)) return undefined;
  // 国家 and 国际 open a body's name like a place (国家 新闻出版署, 国际 狮子会), but the words
  // after them must end strongly (国际 同行 is no body).
  const opener = NAME_OPENERS.has(first.word);
  // An unknown word ending like a town or county (崔马镇/x) is a place too.
  const named = first.tag === 'ns' || first.tag === 'nt' || first.tag === 'nz' || first.tag === 'j' || (first.tag === 'x' && first.word.length >= 3 && allHan(first.word) && PLACE_TAIL.test(first.word));
  // An idiom-tagged word ending like a company (可口可乐公司/l) is one too.
  if (first.tag === 'l' && first.word.length >= 4 && allHan(first.word) && /(?:公司|集团|银行)$/.test(first.word)) return { next: i + 1, end: first.end };
  if (!named && !opener && first.tag !== 'n' && first.tag !== 'a') return undefined;
  // A verb jieba tagged as a noun here (战胜/n 匈牙利队) does not open a name.
  if (first.tag === 'n' && verbAsNoun(first.word)) return undefined;
  if (EVENT_END.test(first.word)) return undefined;
  // "Some" opens a description (部分 大学, 一些 医院), never a name.
  if (/^(?:部分|一些|有些|若干)$/.test(first.word)) return undefined;
  // (Not a region's part or a count either: 中南部/nt, 四大/nt.)
  let best: OrgEnd | undefined = first.tag === 'nt' && !first.word.endsWith('政府') && !notABody(first.word) && !commonCompound(first.word) && !isGenericOrgWord(first.word) && !EVENT_END.test(first.word) && !REGION_PART.test(first.word) && !QUANTIFIED.test(first.word) ? { next: i + 1, end: first.end } : undefined;
  // One word that is an organisation on its own (国会, 县委, 保守党), not a generic one (社会, 部队).
  // Nor a team named by its kind, a plain word and 队 (代表队, 医疗队, 篮球队/n; 全兴队/nt is a club).
  const kindOfTeam = first.tag === 'n' && first.word.length === 3 && first.word.endsWith('队') && isCommonWord(first.word.slice(0, 2));
  if (!best && first.word.length >= 2 && first.tag !== 'a' && ORG_WORD_END.test(first.word) && !isGenericOrgWord(first.word) && !kindOfTeam) best = { next: i + 1, end: first.end };
  // A proper noun jieba knows whole that ends like an organisation (人民日报/nz, 光明日报/nz).
  if (!best && first.tag === 'nz' && first.word.length >= 3 && ORG_END.test(first.word) && !isGenericOrgWord(first.word)) best = { next: i + 1, end: first.end };
  // …and a place it knows whole with a body's strong ending (俄罗斯国家杜马/ns, 故宫博物院/ns).
  if (!best && first.tag === 'ns' && first.word.length >= 4 && (STRONG_ORG_END.test(first.word) || first.word.endsWith('博物院'))) best = { next: i + 1, end: first.end };
  const cut = first.word.length >= 4 ? titleTail(first.word) : 0;
  if (cut) return { next: i + 1, end: first.end - cut };
  let len = first.word.length;
  // A count, quantifier or pronoun inside or at the head (武汉一家医院, 四大银行, 湖北各县市医院,
  // 欧洲有关法院) makes a description, not a name.
  let counted = QUANTIFIED.test(first.word);
  // Whether a word of the organisation's own (a name no dictionary knows) stands inside.
  let proper = false;
  // Whether a verb stands inside: then only a strong ending makes the words one organisation.
  let verbInside = false;
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j];
    // An unknown word that is itself a federation's short name ends one (国际/n 武联/x).
    if (t.tag === 'x' && allHan(t.word) && FEDERATION_WORD.test(t.word) && t.start === tokens[j - 1].end) return { next: j + 1, end: t.end };
    // …and so does an unknown word ending in 队 after a place: a team's own name (延边 敖东队/x).
    if (named && j === i + 1 && t.tag === 'x' && t.word.length >= 3 && allHan(t.word) && t.word.endsWith('队') && t.start === first.end) return { next: j + 1, end: t.end };
    // An unknown two-character word inside is the organisation's own name (北京 国伦/x 文化 公司).
    const ownName = named && t.tag === 'x' && t.word.length === 2 && !NOT_GIVEN_END.has(t.word[1]);
    // A verb after a plain word names the body's business (国家 统计/v 委员会, 认证/v 指导 委员会);
    // right after the head it is the sentence's verb (北京 召开 委员会).
    // 暨 "and" joins two halves of one name (疾病管制 暨 预防 中心); a verb after it is the second half's business.
    const joined = tokens[j - 1].word === '暨';
    const business = named && t.tag === 'v' && t.word.length === 2 && j > i + 1 && (tokens[j - 1].tag === 'n' || tokens[j - 1].tag === 'vn' || joined);
    // 台 jieba tagged as a measure after 电视 (有线电视/l 台/q) is the station.
    const orgWord = t.word === '台' && tokens[j - 1].word.endsWith('电视');
    // A word of three or more ending in a works, office or agency right after a place is that body,
    // however jieba tagged the unknown word (郑州 蝶阀厂/v, 湖南 少儿社/x).
    if (named && j === i + 1 && t.start === first.end && t.word.length >= 3 && allHan(t.word) && /[厂所社]$/.test(t.word) && !ORG_INNER_TAGS.has(t.tag) && !isGenericOrgWord(t.word)) return { next: j + 1, end: t.end };
    if (t.start !== tokens[j - 1].end || !(ORG_INNER_TAGS.has(t.tag) || ownName || business || orgWord || t.word === '暨') || !allHan(t.word)) break;
    if (t.word === '暨') continue;
    // A verb jieba tagged as a noun here is the sentence's (马赛 战胜/n 南非队).
    if (t.tag === 'n' && t.word.length === 2 && verbAsNoun(t.word)) break;
    // People are not part of a body's name (外交部 发言人, 医院 院长 王行, 官员).
    if (PERSON_ROLE.test(t.word)) break;
    if (business && !joined) verbInside = true;
    if (ownName || t.tag === 'nz' || t.tag === 'nr' || (t.tag === 'ns' && !isWorldPlace(t.word))) proper = true;
    if (t.tag === 'm' || t.tag === 'q' || t.tag === 'r' || QUANTIFIED.test(t.word)) counted = true;
    len += t.word.length;
    if (len > ORG_MAX) break;
    // A common-noun head gives way to a name further on (会见/n 芬兰/ns 农林部: the organisation starts at 芬兰).
    if (!named && !opener && NAMED_TAGS.has(t.tag)) return undefined;
    // A known company after a common noun is named on its own (中国 巨头 华为: the giant, then Huawei).
    if (isKnownOrganisation(t.word) && tokens[j - 1].tag === 'n') return best;
    // …and so is a known company or platform right after a city (北市 莫德纳: Taipei's Moderna doses) or
    // a whole body (总统府 脸书: the office's Facebook page); after a country it is that country's (日本 雅马哈).
    if (isKnownOrganisation(t.word) && !ORG_END.test(t.word) && ((j === i + 1 && first.tag === 'ns' && !isCountryOrProvince(first.word)) || best?.end === tokens[j - 1].end)) return best;
    const tail = titleTail(t.word);
    if (tail) {
      // 中联部/nt 部长, 财政部/nt 副部长: the title is the whole word, the organisation ended before it.
      if ((t.word.length - tail === 1 && tokens[j - 1].word.endsWith(t.word[0])) || DEPUTY.has(t.word[0])) return named || j > i + 1 ? { next: j, end: tokens[j - 1].end } : best;
      // 财政部/nt 副/b 部长, 宣传部 一名/m 副/b 部长: words between are the title's, not the organisation's.
      const before = tokens[j - 1];
      // 国安/nz 部副/n 部长: jieba glued the deputy to the organisation's last character.
      if (t.word.length - tail === 1 && before.word.length > 1 && DEPUTY.has(before.word[before.word.length - 1]) && j - 1 > i) return { next: j + 1, end: before.end - 1 };
      if (t.word.length - tail === 1 && (DEPUTY.has(before.word[0]) || before.tag === 'm' || before.tag === 'q' || before.tag === 'b')) return best;
      // 芬兰/ns 农林/n 部长: the ministry is 芬兰农林部, the title 长.
      if (t.word.length - tail === 1) return named ? { next: j + 1, end: t.end - tail } : best;
      return { next: j + 1, end: t.end - tail };
    }
    if (REGION_PART.test(t.word)) break;
    // "A certain", "each" or "all" before the kind makes a description (北市 某大学/vn, 北京 各 医院,
    // 旗津 所有 医疗院所), not a name.
    // So does a count with its classifier (墨尔本 一所 大学, 合肥 一家 中介门店, 部分 大学).
    if (/^(?:某.*|各|该|这|那|这些|那些|所有|全部|部分|一些|[一两几数多][家所间个座])$/.test(t.word)) break;
    // 党 on its own after an adjective or a period is the Party as an object (热爱/a 党, 新/a 时期/n 党
    // 的历史), not a party's name (五毛/m 党 is one).
    if (t.word === '党' && !named && (tokens[j - 1].tag === 'a' || /(?:时期|年代|时代)$/.test(tokens[j - 1].word))) break;
    if (ownName) continue; // an unknown word (将会/x, 再办/x) never ends the name
    // A body named after a count is a body of its own (北市 另有 二十四家 卫生福利部…); after an ordinal
    // it is the same one (禹州市 第一 高级中学).
    if (t.tag === 'nt' && /^[mq]$/.test(tokens[j - 1].tag) && /[家个所间座]$/.test(tokens[j - 1].word)) break;
    // (Not after a count or a verb, and not the opener's own word: 国际 组织 is no name.)
    if ((opener || WORLD_OPENERS.has(first.word)) && j > i + 1 && !counted && !verbInside && (OPENER_BODY.test(t.word) || (first.word === '国家' && t.word === '机构'))) best = { next: j + 1, end: t.end };
    else if (t.tag === 'nt' && (named || opener) && !counted && !t.word.endsWith('政府') && !verbInside && !isGenericOrgWord(t.word) && !notABody(t.word)) best = { next: j + 1, end: t.end };
    else if (verbInside && t.tag !== 'n') continue; // after a verb only a plain institution noun ends it (not 冒充 美联社/nt)
    // A city whose name ends like a body (邢台, 烟台: 台 is also a station) is a place, not its end.
    else if (ORG_END.test(t.word) && !(t.word.length === 2 && t.tag === 'ns' && isKnownPlace(t.word)) && !t.word.endsWith('政府') && !EVENT_END.test(t.word) && !NOT_AN_END.test(t.word) && (!isGenericOrgWord(t.word) || (named && !counted && !(REGIONS.has(first.word) && REGION_CANNOT_OWN.test(t.word)) && institutionAfter(first, t.word, proper, j === i + 1)) || fieldPress(tokens, i, j)) && ((named && !verbInside) || STRONG_ORG_END.test(t.word) || (opener && t.word.length >= 3))) best = { next: j + 1, end: t.end };
  }
  return best;
}

// Words for people and their roles: an organisation's name stops before them.
const PERSON_ROLE = /(?:发言人|官员|领导|员工|人士|成员|职员|代表|人员|者|立委|议员|委员|主席|党员)$/;

// Place endings strong enough to override a person tag (not 江/山/河, which end given names too).
export const PLACE_TAIL = /[庄省市县镇乡村岛湾港街城堡寨寺]$/;
// Tags of words jieba glues a country onto (法国总理/n, 德国总理/nr, 中国京剧/nz, 中国式/nz).
export const COMPOUND_TAGS = new Set(['n', 'nr', 'nrt', 'nz', 'x', 'vn']);
// What follows a country abbreviation to make a word about its people or leaders (俄总统, 日寇).
const PEOPLE_TAIL = new Set(['总统', '总理', '首相', '外长', '政府', '国王', '大使', '两国', '人', '寇', '侨', '军', '方']);
// Verbs and prepositions jieba glues to a country abbreviation (访华, 驻美, 对日).
export const VISIT_HEAD = new Set('访来驻赴对抵离返旅援侵反亲抗排留');
// What follows an abbreviation to mean that country's side, army or people (中方, 美军, 日籍).
export const SIDE_TAIL = new Set('方军籍资企商');
// Prepositions and conjunctions the HMM glues onto a name after them (当马云, 被王丹).
export const GLUE_HEAD = new Set('当在被向和与让对把给跟由从将于及胜负致以可但');

/** The length of a country or city a longer word starts with (法国总理 → 2), or of a country abbreviation before a title or people word (俄总统 → 1); 0 if none. */
export function placeHead(word: string): number {
  // (A place and a kind of business is the place: 美国公司/nt.)
  const business = businessPlace(word);
  if (business) return business;
  if (word.length < 3 || !allHan(word) || ORG_END.test(word) || ORG_WORD_END.test(word)) return 0;
  for (let n = Math.min(5, word.length - 1); n >= 2; n--) if (isWorldPlace(word.slice(0, n)) && !LOC_SUFFIX.has(word[n])) return n;
  return isPlaceAbbreviation(word[0]) && PEOPLE_TAIL.has(word.slice(1)) ? 1 : 0;
}

/** Whether the token after i is a place abbreviation glued to it (中/f 美/ns). */
export function abbreviationNext(tokens: Token[], i: number): boolean {
  const n = tokens[i + 1];
  return !!n && n.start === tokens[i].end && n.word.length === 1 && isPlaceAbbreviation(n.word) && (n.tag === 'ns' || n.tag === 'j');
}

/**
 * The place or organisation an organisation's name starts with: a listed one (华为 of
 * 华为技术有限公司, 新疆 of 新疆维吾尔自治区…), else a first word jieba tags as a place or
 * organisation when more follows (青岛/ns 海牛队); undefined if none.
 */
export function innerHead(tokens: Token[], i: number, end: number, text: string): NameSpan | undefined {
  const first = tokens[i];
  const listed = listedHead(first.word);
  if (listed) return { start: first.start, end: first.start + listed.length, text: text.slice(first.start, first.start + listed.length), type: listed.type };
  if (first.end >= end || first.word.length < 2 || !allHan(first.word) || isGenericPlaceWord(first.word)) return undefined;
  if (first.tag === 'ns' || (first.tag === 'nt' && !first.word.endsWith('政府'))) return { start: first.start, end: first.end, text: text.slice(first.start, first.end), type: first.tag === 'ns' ? 'LOC' : 'ORG' };
  return undefined;
}

/** A listed place inside a longer place name is a mention of it too (南非 in 南非共和国, 纽约 in 纽约州). */
export function placeInner(span: NameSpan, simp: string, text: string): NameSpan[] | undefined {
  const head = listedHead(simp.slice(span.start, span.end));
  return head ? [{ start: span.start, end: span.start + head.length, text: text.slice(span.start, span.start + head.length), type: head.type }] : undefined;
}
