/**
 * The role a text gives a person right before the name: 烏克蘭總統澤倫斯基 → 烏克蘭總統,
 * "Ukrainian President Volodymyr Zelensky" → "Ukrainian President". Only a title ending in a
 * known office word counts, so ordinary words in front of a name are never taken for a role.
 */

const ZH_TITLES = [
  '總統', '副總統', '總理', '副總理', '首相', '秘書長', '祕書長', '部長', '外長', '防長', '次長', '發言人', '主席', '國務卿', '特使', '大使',
  '參謀長聯席會議主席', '聯席會議主席', '國防部長', '外交部長', '財政部長', '商務部長', '司法部長', '內政部長', '國防部长', '外交部长', '财政部长', '商务部长', '上將', '將軍', '議員', '參議員', '眾議員', '總司令', '司令', '主委', '院長', '市長', '州長', '總裁', '執行長', '新聞秘書', '顧問', '幕僚長',
  '國王', '女王', '教宗', '領導人', '委員長', '總書記', '署長', '局長', '議長', '首席代表', '高級代表', '大法官', '黨魁', '創辦人',
  '总统', '副总统', '总理', '副总理', '秘书长', '部长', '外长', '防长', '发言人', '国务卿', '将军', '议员', '参议员', '众议员', '总司令',
  '院长', '市长', '州长', '总裁', '执行长', '新闻秘书', '顾问', '幕僚长', '国王', '领导人', '委员长', '总书记', '署长', '局长', '议长',
];
const ZH_TITLE_RE = new RegExp(`(?:${[...ZH_TITLES].sort((a, b) => b.length - a.length).join('|')})$`);
// Where a role phrase cannot reach back past: punctuation, spaces, Latin, and the function words
// that join clauses (與, 和, 對, 由, 在 ...).
const ZH_BREAK = /[\s\p{P}\p{S}A-Za-z0-9與与和及對对由在是向被從从把讓让跟同但而並并則则也的]/u;
// A Latin gloss inside the phrase, 北約（NATO）秘書長, is skipped over.
const LATIN_GLOSS = /[（(][A-Za-z0-9 .,'’&-]{1,60}[）)]/g;

const EN_TITLE = /((?:(?:[A-Z][A-Za-z.'’-]*|of|the|for)\s+){0,4}?(?:Vice\s+President|President|Prime\s+Minister|Secretary[- ]General|Secretary|Minister|Chancellor|Spokesperson|Spokesman|Spokeswoman|Senator|General|Ambassador|Envoy|Speaker|Chairman|Leader|King|Pope|Premier|Director[- ]General))\s+$/;

/** Finds known names (places, organisations) in a short phrase: [start, end) offsets. */
export type FindAnchors = (phrase: string) => { start: number; end: number }[];

/**
 * The Chinese role phrase ending right before a name, or null: an office word (總統, 秘書長 ...)
 * optionally led by a known place or organisation at most 4 characters before it
 * (烏克蘭總統, 美國國防部政策次長), so stray words in front (導致國防部長 → 國防部長) are dropped.
 */
export function extractZhRole(before: string, findAnchors?: FindAnchors): string | null {
  const b = before.slice(-60).replace(LATIN_GLOSS, '');
  let k = b.length;
  const stop = Math.max(0, b.length - 20);
  while (k > stop && !ZH_BREAK.test(b[k - 1])) k--;
  const phrase = b.slice(k);
  const m = ZH_TITLE_RE.exec(phrase);
  if (!m) return null;
  const rest = phrase.slice(0, m.index);
  if (rest && findAnchors) {
    for (const a of findAnchors(rest)) if (rest.length - a.end <= 4) return rest.slice(a.start) + m[0];
  }
  return m[0];
}

/** The English title phrase right before a name ("U.S. President"), or null. */
export function extractEnRole(before: string): string | null {
  if (!/\s$/.test(before)) return null;
  const tail = before.slice(-60);
  const m = EN_TITLE.exec(tail);
  if (!m) return null;
  const words = m[1].trim().split(/\s+/);
  while (words.length && /^(of|the|for)$/.test(words[0])) words.shift();
  return words.join(' ') || null;
}

/** The role right before a name in any script: Chinese first, then English. */
export function extractRole(before: string, findAnchors?: FindAnchors): string | null {
  return extractZhRole(before, findAnchors) ?? extractEnRole(before);
}
