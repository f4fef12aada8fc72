/**
 * The words around a person's name and the tests the name rules (name-rules.ts) read a word as a
 * name with: a Chinese name the HMM or the dictionary found (isChineseName), a transliterated
 * foreign one (isForeignName), and the titles, verbs of speech and endings that confirm or deny it.
 */
import { isTranslitWord, PERSON_TAGS } from './foreign-names.ts';
import { allHan, dictionaryTag, isCommonWord, isFrequentPair, pairFrequency, type Token } from './segment-names.ts';
import { isAmbiguousSurname, isChineseSurnameStart, isCommonSurname, isTopSurname, isNonNameWord, NOT_GIVEN_END } from './name-lexicon.ts';
import { GLUE_HEAD, LOC_SUFFIX, ORG_END } from './name-parts.ts';
import { ROUTE_OR_AREA } from './place-context.ts';

// Last characters of place names that jieba's dictionary mis-tags as people (石家庄/nr).
const PLACE_END = /[庄省市县区州镇乡村岛湾港江河湖山峰街路城堡沟屯营寨坡]$/;
// Of those, the ones that end given names as often (德江, 云山, 一峰).
const GIVEN_PLACE_END = /[江山峰]$/;
// …and in an unknown word the HMM found (邹常城/x, 张之路/x: places it cannot place are rarer than names).
const UNKNOWN_GIVEN_PLACE_END = /[路城]$/;
// Words a person's name is often followed by in news (彭真校长, 贺龙同志, 克林顿说).
export const PERSON_AFTER = /^(?:同志|先生|女士|夫人|教授|主席|总统|总理|首相|部长|书记|委员长|院士|博士|大使|将军|元帅|[上中少大]将|生平|家中|之子|之女|遗孀|外长|校长|院长|主任|经理|总裁|董事长|局长|市长|县长|省长|说|表示|指出|认为|强调|会见|会晤|访问|宣布|称|等人|一行|报道|摄|大娘|大爷|大妈|大婶|大伯|老汉|师傅)/;
// Titles and roles news writes right before a name (记者薛原, 县委书记汪明新, 选手张勇; Taiwan's 次长, 主委, 医师).
export const PERSON_BEFORE = /(?:记者|通讯员|指挥官|书记|主任|经理|总裁|董事长|院长|校长|局长|厅长|部长|处长|科长|所长|市长|县长|省长|乡长|镇长|村长|主席|总理|总统|教授|教练|选手|队员|球员|运动员|作者|政委|司令员|司令|参谋长|军长|师长|团长|旅长|舰长|委员|代表|老师|同学|演员|导演|编辑|律师|医生|大夫|工程师|厂长|厂主|店主|社长|站长|队长|班长|组长|会长|秘书长|干事|战士|老人|女士|先生|同志|妻子|丈夫|儿子|女儿|母亲|父亲|次长|署长|主委|议长|议员|立委|执行长|理事长|发言人|医师|检察官|法官|警员|里长|歌手|艺人|首相|外长|大使|州长|学者|专家|研究员|分析师|主播|总监|特首)$/;
// Last characters that make a common noun of the word before them (安全性, 世锦赛, 严重者, 许可证).
const NOUN_SUFFIX = new Set('性者赛率比化式型界费税证器病药词官质物品厂场站馆院剧节奖杯声');
const COMPOUND_SURNAME = /^(?:欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|端木)/;
// Tags of a two-character given name jieba read as a word (火星/n, 宏伟/a, 一夫/n).
export const GIVEN_TAGS = new Set(['n', 'a', 'nr', 'nrt', 'x', 'nz', 'ns']);
// Tags of a last given-name character the HMM left alone (新/a, 贤/zg).
export const THIRD_TAGS = new Set(['a', 'zg', 'ng', 'nr', 'ag', 'n']);
// What closes a quoted speaker in a headline (陈时中：约有150万剂; not 徐渭诗：, a poem, whose last character is a noun).
export const NAME_CLOSE = /^[：:︰]/;
// What opens a clause a name may start.
const CLAUSE_OPEN = /^[，。、；：！？丨︱|]$/;
// What may follow a name and close it: punctuation, or a function character standing alone.
const NAME_CLOSER = /^(?:[，。、；：︰！？,.;:!?”」』）)]|[是以也在和与的把被将就都又还才等说])$/;
// Tags of a single character that never ends a name (prepositions, conjunctions, particles, pronouns, numerals, adverbs, verbs).
export const CUT_NAME_STOP = /^(?:d|p|c|u\w*|r|m|q|v|y|e|o)$/;
// Words a place is often preceded by (在莫斯科, 访问科索沃, 抵达吉隆坡).
const PLACE_BEFORE = /^(?:在|到|赴|抵|抵达|访问|前往|来自|飞往|位于|从|离开|途经|返回|回到|进入)$/;

/** A Chinese personal name: a surname and one or two given-name characters, found by the HMM (张敬涛/x) or known to the dictionary (胡锦涛/nr). */
export function isChineseName(t: Token, next: Token | undefined, prev?: Token): boolean {
  if (!allHan(t.word) || t.word.length < 2 || t.word.length > 4) return false;
  // A word glued to Arabic digits goes on with the number (200万人份, 5000元罚锾, 12周后): no name starts there.
  if (prev && prev.end === t.start && /\d$/.test(prev.word)) return false;
  // A verb said twice (查一查/x, 看了看) is no name.
  if (t.word.length === 3 && t.word[0] === t.word[2]) return false;
  // An unknown word ending like a ministry or agency (卫福部, 食药署) is its short name, not a person; so is
  // any word ending like a news agency (欧新社/x, 安莎社/nr).
  if ((t.tag === 'x' && /[部署局]$/.test(t.word)) || (t.word.length >= 3 && t.word.endsWith('社'))) return false;
  // An unknown word ending like a trade (居服员/x) is that, not a person (roads are not: 张之路 is a writer); nor is
  // an anonymised 陈男/王女 glued to the next word (陈男自/x 2022年起).
  if (t.tag === 'x' && t.word.length === 3 && (/[员]$/.test(t.word) || /^.[男女]/.test(t.word))) return false;
  // A name right after 位于 "located in" is a place's (位于 黄大仙/nr: a district), not a person's.
  if (prev && prev.end === t.start && /^(?:位于|地处|坐落于)$/.test(prev.word)) return false;
  // A three-character word the dictionary holds whole as a name (张德江/nr, 陈独秀/nr); a surname
  // that is also a measure word does not start one after a numeral or pronoun (那张小巧的门票).
  const dictionaryName = t.word.length === 3 && PERSON_TAGS.has(t.tag) && PERSON_TAGS.has(dictionaryTag(t.word))
    && !(isAmbiguousSurname(t.word[0]) && prev && prev.end === t.start && /^[mqr]/.test(prev.tag));
  // Such a name with a common surname outweighs a last character that also ends places (江, 山, 峰
  // end given names too: 张德江, 孙中山; 檀香山 and 阳明山 start with rare surnames).
  // So does a title or verb of speech beside it (外长李明江说).
  const unknownName = t.tag === 'x' && !GLUE_HEAD.has(t.word[0]);
  const givenPlaceEnd = t.word.length === 3 && isTopSurname(t.word[0]) && (GIVEN_PLACE_END.test(t.word) || (unknownName && UNKNOWN_GIVEN_PLACE_END.test(t.word))) && (dictionaryName || unknownName || inContext(t, next, prev));
  if (isNonNameWord(t.word) || !isChineseSurnameStart(t.word) || (PLACE_END.test(t.word) && !givenPlaceEnd)) return false;
  if (t.word.length >= 3) {
    // A surname and a given name of two characters neither of which makes a word with the next, which
    // jieba's dictionary calls a proper noun (辛业江/nz, 刘彦彬/nz), or a noun beside a title (院长 严义埙/n).
    if (t.word.length === 3 && (t.tag === 'nz' || t.tag === 'n') && (!isAmbiguousSurname(t.word[0]) || (t.tag === 'nz' && isCommonSurname(t.word[0]))) && !isCommonWord(t.word.slice(0, 2)) && !isCommonWord(t.word.slice(1)) && !NOUN_SUFFIX.has(t.word[2]) && !ORG_END.test(t.word)) {
      return t.tag === 'nz' || inContext(t, next, prev);
    }
    if (t.tag === 'x' ? t.word.length !== 3 : !PERSON_TAGS.has(t.tag)) return false;
    // An unknown word starting with a character more often a word than a surname (那棵花/x, 向学昭/x)
    // needs a title or verb of speech beside it.
    if (t.tag === 'x' && isAmbiguousSurname(t.word[0]) && !isCommonSurname(t.word[0]) && !inContext(t, next, prev)) return false;
    // An unknown word ending in 队 is a team (敖东队/x), not a person.
    if (t.tag === 'x' && t.word.endsWith('队')) return false;
    // A name jieba's dictionary holds whole (胡锦涛/nr, 王宏志/nr): its given name may be a rare
    // word (锦涛, 宏志). The dictionary also tags phrases nr (安全性, 世锦赛, 段时间, 戴眼镜): those
    // start with a word, end with a noun suffix, or end with a frequent word.
    if (dictionaryName && (!isAmbiguousSurname(t.word[0]) || isCommonSurname(t.word[0])) && !isCommonWord(t.word.slice(0, 2)) && !NOUN_SUFFIX.has(t.word[2]) && !isFrequentPair(t.word.slice(1)) && !namedThing(t.word)) return true;
    if (t.word.length === 4) return COMPOUND_SURNAME.test(t.word) || inContext(t, next, prev);
    // 宣传性, 雷阵雨: a word that starts or ends with a common dictionary word is that word, not
    // surname + given name, unless a title or verb of speech stands beside it (温家宝会见, 总理周恩来).
    return (!isCommonWord(t.word.slice(0, 2)) && !isCommonWord(t.word.slice(1)) && !namedThing(t.word)) || inContext(t, next, prev);
  }
  // Two characters are as often a plain word (文明, 官媒): the HMM's unknown word is a name unless a
  // place suffix follows; a dictionary name needs a title or verb of speech after it, or a title before.
  if (t.tag === 'x' && !isAmbiguousSurname(t.word[0]) && !NOT_GIVEN_END.has(t.word[1])) return !(next && next.start === t.end && (LOC_SUFFIX.has(next.word) || nounAfter(next)));
  // So is one the HMM cut before a last given-name character it tagged a name or morpheme (高允/x 连/nr).
  if (t.tag === 'x' && isCommonSurname(t.word[0]) && !NOT_GIVEN_END.has(t.word[1]) && next && next.start === t.end && next.word.length === 1 && /^(?:nr|ng|zg)$/.test(next.tag) && !NOT_GIVEN_END.has(next.word)) return true;
  // One starting with a common surname that is also a plain character (高敏, 卢亮) is a name where
  // it opens a clause (after a comma, a colon or at the start) and what follows closes it: punctuation
  // or a function character (，高敏是, 卢亮以). Elsewhere such words are as often new coinages the
  // dictionary lacks (的高管, 包钢高科, 的张力, 的金句), and a dynasty ends in 朝 (金朝).
  if (t.tag === 'x' && isCommonSurname(t.word[0]) && !NOT_GIVEN_END.has(t.word[1]) && t.word[1] !== '朝' && (!prev || (prev.end === t.start && CLAUSE_OPEN.test(prev.word)))
    && next && next.start === t.end && NAME_CLOSER.test(next.word)) return true;
  if (!PERSON_TAGS.has(t.tag) && t.tag !== 'x') return false;
  return inContext(t, next, prev);
}

// Last characters of a role or rank written after a name (大夫, 副总裁, 烈士, 主演, 工程师).
const ROLE_END = /[长员师士家手夫裁演官生]$/;
/**
 * A noun of two or more characters glued after a word: it is what the word modifies (武肺疫苗, 宮廟教堂),
 * unless it is a title (陈伟教授) or what only places have (雷丁 地区, left to the place rules).
 */
function nounAfter(next: Token): boolean {
  return next.word.length >= 2 && /^n[a-z]?$|^vn$/.test(next.tag) && !PERSON_AFTER.test(next.word) && !ROLE_END.test(next.word) && !ROUTE_OR_AREA.test(next.word);
}

/**
 * A thing named after a name: a two-character name the dictionary knows and a plain noun (吉普/nr 车,
 * 玉兰/nr 树, 乌龙/nr 球), not a surname and a given name.
 */
function namedThing(word: string): boolean {
  // (A building named after someone is left to the place rules: 伏羲/nr 庙.)
  return PERSON_TAGS.has(dictionaryTag(word.slice(0, 2))) && dictionaryTag(word[2]) === 'n' && !NAMED_BUILDING.test(word);
}
const NAMED_BUILDING = /[庙宫寺塔楼亭阁祠陵墓桥馆]$/;

/** Whether a title or verb of speech stands right after `t`, or a title or role right before it. */
function inContext(t: Token, next: Token | undefined, prev: Token | undefined): boolean {
  return (!!next && next.start === t.end && PERSON_AFTER.test(next.word)) || (!!prev && prev.end === t.start && PERSON_BEFORE.test(prev.word));
}

/** A transliterated foreign name jieba knows as a person (克林顿/nr, 休斯/nrt), unless the context makes it a place. */
export function isForeignName(t: Token, prev: Token | undefined, next: Token | undefined, extended = false): boolean {
  // An unknown word of three or more transliteration characters is a foreign name too (考斯曼/x,
  // 伯奇费尔/x), unless it ends like a place (哈雷姆区, 比华利山).
  // So is one of two before a title or verb of speech (拉埃/x 女士, 素林/x 外长).
  const unknown = t.tag === 'x' && (t.word.length >= 3 || (t.word.length === 2 && !!next && next.start === t.end && PERSON_AFTER.test(next.word))) && !PLACE_END.test(t.word);
  if (!(PERSON_TAGS.has(t.tag) || unknown) || t.word.length < 2 || !isTranslitWord(t.word) || isNonNameWord(t.word)) return false;
  // Two characters the dictionary counts a thousand times or more are a word (道德, 谢谢), not a
  // name; foreign names that short are rarer (约翰 503, 马丁 437, 阿里 726).
  if (t.word.length === 2 && pairFrequency(t.word) >= 1000) return false;
  // After 在/到/访问 a dictionary name is as often a place (在莫斯科); one the dictionary knows only
  // in part (斯诺/nr 登: 在斯诺登文件中) is an unknown name, a person as usual.
  if (prev && PLACE_BEFORE.test(prev.word) && !extended) return false;
  if (next && next.start === t.end && LOC_SUFFIX.has(next.word)) return false;
  return true;
}
