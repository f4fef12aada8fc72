/**
 * Language of paragraphs from their characters: English when Latin letters dominate,
 * else Chinese, Simplified or Traditional decided once per article with OpenCC.
 */
import type { Lang, Paragraph } from '../article.ts';
import { toSimplified, toTraditional } from '../text/script.ts';

const SAMPLE = 400;
const MIN_LANGUAGE_SHARE = 0.15;

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * 'en' when a paragraph is mostly Latin letters, 'zh' when Han characters hold their own (script
 * decided separately), 'und' when letters of another script (Arabic, Cyrillic, Devanagari…) outnumber both.
 */
export function detectBaseLang(text: string): 'en' | 'zh' | 'und' {
  let han = 0;
  let latin = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHan(c)) han++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    else if (((c >= 0x370 && c < 0x3000) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af)) && /\p{L}/u.test(text[i])) other++;
  }
  if (other > han && other > latin) return 'und';
  return latin > han * 2 ? 'en' : 'zh';
}

/** Up to `max` Han characters of the text, in order. */
function hanSample(text: string, max: number): string {
  let out = '';
  for (let i = 0; i < text.length && out.length < max; i++) if (isHan(text.charCodeAt(i))) out += text[i];
  return out;
}

/**
 * Frequent characters written differently in the two scripts (generated once with OpenCC tw→cn).
 * Counting them is far cheaper than converting text and decides all but tiny texts.
 */
const TRAD_ONLY = new Set('這個們說國會為時來對經發過現還進動體沒關業學長開問間與後實點東見兩應認愛機從頭電話氣變難題讓書報記議員將軍區歲總統際選聯舉當產無種義樣門幾號處邊達運圖聽戰爭紀錄識買賣錢銀價車馬鳥魚龍語詞該請讀寫課師隊擊領導權黨亂鬥歷習傳衛護斷壓響態覺觀標準條務級積極據質類競廣場歡樂華視網絡萬億劃決辦憲濟醫療藥險環貿構設計雙蘭烏羅內專調術證遠離傷裝備彈飛艦農貨幣稅費錯誤僅檢測');
const SIMP_ONLY = new Set('这个们说国会为时来对经发过现还进动体没关业学长开问间与后实点东见两应认爱机从头电话气变难题让书报记议员将军区岁总统际选联举当产无种义样门几号处边达运图听战争纪录识买卖钱银价车马鸟鱼龙语词该请读写课师队击领导权党乱斗历习传卫护断压响态觉观标准条务级积极据质类竞广场欢乐华视网络万亿划决办宪济医疗药险环贸构设计双兰乌罗内专调术证远离伤装备弹飞舰农货币税费错误仅检测');

/** zh-Hans when Simplified-only characters outnumber Traditional-only ones; OpenCC decides tiny or unclear texts. */
export function detectChineseScript(text: string): 'zh-Hans' | 'zh-Hant' {
  let simp = 0;
  let trad = 0;
  for (const ch of text) {
    if (SIMP_ONLY.has(ch)) simp++;
    else if (TRAD_ONLY.has(ch)) trad++;
    if (simp + trad >= 60) break;
  }
  if (simp + trad >= 3 && simp !== trad) return simp > trad ? 'zh-Hans' : 'zh-Hant';
  return detectScriptWithOpenCC(text);
}

function detectScriptWithOpenCC(text: string): 'zh-Hans' | 'zh-Hant' {
  const sample = hanSample(text, SAMPLE);
  if (!sample) return 'zh-Hant';
  const trad = toTraditional(sample);
  const simp = toSimplified(sample);
  let simpOnly = 0;
  let tradOnly = 0;
  for (let i = 0; i < sample.length; i++) {
    if (trad[i] !== sample[i]) simpOnly++;
    if (simp[i] !== sample[i]) tradOnly++;
  }
  return simpOnly > tradOnly ? 'zh-Hans' : 'zh-Hant';
}

/** Tags each paragraph with its language and lists the article's languages in order of first appearance. */
export function labelLanguages(texts: string[]): { paragraphs: Paragraph[]; languages: Lang[] } {
  const bases = texts.map(detectBaseLang);
  let zhText = '';
  for (let i = 0; i < texts.length && zhText.length < 4000; i++) if (bases[i] === 'zh') zhText += texts[i];
  const script = zhText ? detectChineseScript(zhText) : 'zh-Hant';
  const paragraphs = texts.map((text, i) => ({ text, lang: (bases[i] === 'zh' ? script : bases[i]) as Lang }));
  // An article's languages are those holding a real share of its text: a stray English
  // credit line under a Chinese article does not make it bilingual.
  const total = texts.reduce((n, t) => n + t.length, 0) || 1;
  const share = new Map<Lang, number>();
  for (const p of paragraphs) share.set(p.lang, (share.get(p.lang) ?? 0) + p.text.length / total);
  const languages: Lang[] = [];
  for (const p of paragraphs) if (!languages.includes(p.lang) && (share.get(p.lang) ?? 0) >= MIN_LANGUAGE_SHARE) languages.push(p.lang);
  if (languages.length === 0 && paragraphs.length) languages.push(paragraphs[0].lang);
  return { paragraphs, languages };
}
