/**
 * Finds the name pairs Chinese news writes once per article, 呂特（Mark Rutte）,
 * 柯比（Elbridge Colby）, 尚皮耶（Karine Jean-Pierre）: a transliterated name followed by its
 * original in brackets. Pure: the caller decides what to learn from them.
 */
import { toSimplified } from '../text/script.ts';
import { extractZhRole, type FindAnchors } from './roles.ts';

/** One 漢字名（Latin Name） pair found in a text. */
export interface AliasPair {
  zh: string;
  latin: string;
  /** The role phrase in front of the Chinese name (美國國防部政策次長), if any. */
  role: string | null;
  /** Offset of the Chinese name in the text. */
  start: number;
}

// Characters used to transliterate foreign names (Traditional; Simplified added below). Office and
// function characters (長 統 理 人 員 官 使 的 與 ...) are deliberately absent, so the name stops there.
const TRANSLIT_TRAD =
  '阿埃艾愛安昂奧澳巴芭拜班邦包保堡鮑貝本比彼畢碧別濱波玻伯勃博布查察柴達戴黛丹道德登迪蒂狄丁東杜敦多朵厄俄恩爾法凡范方菲斐費芬豐佛夫弗伏福富嘎蓋甘岡剛高戈哥格葛根耿貢古谷瓜圭郭果哈海漢豪好赫黑亨洪侯胡華霍基吉及加迦佳賈簡傑捷金津晉喬卡凱坎康考柯科克肯孔庫誇奎昆拉萊賴蘭朗勞樂勒雷蕾黎李里力利莉麗連廉良列林琳凌玲隆盧魯陸路倫羅洛呂馬瑪麥曼芒梅美門蒙孟米密敏明摩莫默姆穆那納娜乃南內尼妮涅寧紐努諾歐帕潘龐培佩彭皮珀普蒲齊奇契恰切欽琴丘秋屈瑞若薩撒塞賽桑瑟森沙莎珊尚紹舍申什施史斯思絲松宋蘇索塔泰坦湯唐陶特提廷亭圖托妥瓦萬汪旺威韋維偉溫文翁沃烏伍武西希錫夏謝辛欣休許雅亞揚楊堯耶葉伊依英尤約贊扎札澤曾詹茲佐祖左娃婭婕琪茨茹朱竹卓川喀克岱坡薇蓮黛蕭衛魏葛瑟皮讓耶徹澈茵賓彬柏斐菈蘿露琦綺緹妲芙芮菲蜜姬嘉歇儂蒂迦琺珮璐馮傅弗喬科霍伊戈瓊潔琴翠蓓嘉桑湘涅沁崔吳鄧蓬汀毛易卜義路奈懷滕罕瑙墨邱歌山劉區頓邁遜翰舒梭陀腓孜噶珈肖延堅熱日素猜差頌披季';
let translit: Set<string> | undefined;
// Built on first use: opencc costs ~300 ms to start, and most processes never learn aliases.
const isTranslit = (ch: string) => (translit ??= new Set([...TRANSLIT_TRAD, ...toSimplified(TRANSLIT_TRAD), '·', '・', '．', '‧', '-'])).has(ch);
/** Whether `ch` is a character Chinese uses to transliterate foreign names (either script). */
export function isTranslitChar(ch: string): boolean {
  return isTranslit(ch);
}
const SEPARATOR = /^[·・．‧-]|[·・．‧-]$/g;
const SEPARATORS = '·・．‧-';
/**
 * Characters of common transliterated given names (喬治 George, 彼得 Peter, 馬修 Matthew, 亞歷山大,
 * 大衛 David), read only before a name separator: elsewhere they are ordinary words. (當 of 亞當
 * and 理 of 理查 are left out: 當喬治·布什上任時, 總理本雅明·內塔尼亞胡.)
 */
const GIVEN_ONLY = '治得修历歷大';

const LATIN_NAME = /^(?:(?:Gen|Adm|Dr|Mr|Mrs|Ms|Sir|Lt|Col|Maj|Sen|Rep|Prof)\.?\s+)?([A-Z][\p{L}'’.-]*(?:\s+(?:(?:von|van|der|den|de|del|della|da|di|du|le|la|al|bin|ibn|ben|y)\s+)*[A-Z][\p{L}'’.-]*){0,4})$/u;
const ORG_WORD = /\b(?:University|College|Institute|Foundation|Organi[sz]ation|Association|Council|Committee|Ministry|Department|Party|Union|Agency|Bank|Company|Corporation|Inc|Corp|Ltd|Group|Times|News|Post|Journal|Press|Review|Prize|Award|Act|Treaty|Agreement|Agreements|Memorandum|Summit|Forum|List|Program|Project|Center|Centre|Network|Service|Office|Court|Army|Force|Forces|Navy|Coalition|Alliance|Federation|Republic|Kingdom|States|Street|Road|Magazine|Book|Books|Library|Museum|Fund|Report|Strategy|Initiative|Movement|LP|LLC|PLC|AG|GmbH|Capital|Partners|Holdings|Media|Airlines|Motors|Technologies|Systems|Labs)\b/;
const TRAILING_TITLE = /(上將|中將|少將|將軍|上将|中将|少将|将军|博士|教授|先生|女士|議員|议员|總統|总统)$/;
// The Chinese side may carry a Latin middle initial between dots (乔治·W·布什).
const PAIR = /((?:[\p{Script=Han}·・．‧-]|(?<=[·・．‧])[A-Z]\.?(?=[·・．‧])){2,30})\s*[（(]\s*([^（）()\n]{2,60}?)\s*[）)]/gu;
const INITIAL = /[A-Z.]/;

/** Whether `latin` reads like a personal name (1–5 capitalised words, not an acronym or institution). */
export function looksLikePersonName(latin: string): boolean {
  const m = LATIN_NAME.exec(latin.trim());
  if (!m) return false;
  const name = m[1];
  if (ORG_WORD.test(name)) return false;
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3 || letters === letters.toUpperCase()) return false;
  return true;
}

/** Strips honorifics (Gen., Dr.) from a Latin name: "Gen. Dan Caine" → "Dan Caine". */
export function cleanLatinName(latin: string): string {
  const m = LATIN_NAME.exec(latin.trim());
  // Glued names from page dumps, MarkRutte → Mark Rutte (both parts ≥ 3 letters, so McDonald stays).
  return (m ? m[1] : latin)
    .replace(/(\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}{2,})/gu, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The transliterated name at the end of a run of Han characters: the longest tail made of
 * transliteration characters, cut after any known name (俄羅斯拉夫羅夫 → 拉夫羅夫).
 */
export function nameAtEnd(run: string, findAnchors?: FindAnchors): string {
  let k = run.length;
  let given = false;
  for (; k > 0 && (isTranslit(run[k - 1]) || INITIAL.test(run[k - 1]) || (given && GIVEN_ONLY.includes(run[k - 1]))); k--) if (SEPARATORS.includes(run[k - 1])) given = true;
  let name = run.slice(k);
  if (findAnchors && name.length > 2) {
    const inside = findAnchors(name).filter((a) => a.end < name.length);
    if (inside.length) name = name.slice(inside[inside.length - 1].end);
  }
  // A name never opens with an initial (N·P·拉鲁 read from P on): its dotted initials go with it.
  return name.replace(SEPARATOR, '').replace(/^(?:[A-Z]\.?[·・．‧-])+/, '');
}

/** Every 漢字名（Latin Name） pair in `text` whose Latin side reads like a personal name. */
export function findAliasPairs(text: string, findAnchors?: FindAnchors): AliasPair[] {
  const out: AliasPair[] = [];
  for (const m of text.matchAll(PAIR)) {
    const latinRaw = m[2];
    if (!/^[\p{Script=Latin}\s'’.\-]+$/u.test(latinRaw) || !looksLikePersonName(latinRaw)) continue;
    const run = m[1].replace(TRAILING_TITLE, '');
    const zh = nameAtEnd(run, findAnchors);
    const zhLen = zh.replace(/[·・．‧-]/g, '').length;
    if (zhLen < 2 || zhLen > 10) continue;
    const runStart = m.index!;
    const zhStart = runStart + run.length - zh.length;
    const role = extractZhRole(text.slice(Math.max(0, zhStart - 60), zhStart), findAnchors);
    out.push({ zh, latin: cleanLatinName(latinRaw), role, start: zhStart });
  }
  return out;
}
