/**
 * Outlet names: from a URL's host, from front-matter source names, or from marks a page
 * leaves in its own text (聯合新聞網 in udn's comment rules, ETtoday in its footer).
 */

interface OutletRule {
  name: string;
  hosts: RegExp;
  marks: RegExp;
  /** UTC offset of times printed by the outlet, when it is a single-zone outlet. */
  offset: string | null;
}

const OUTLETS: OutletRule[] = [
  { name: '中央社', hosts: /(^|\.)cna\.com\.tw$/, marks: /中央社CNA|中央通訊社/, offset: '+08:00' },
  { name: '聯合新聞網', hosts: /(^|\.)udn\.com$/, marks: /聯合新聞網|udn討論區|udn\.com/, offset: '+08:00' },
  { name: 'ETtoday', hosts: /(^|\.)ettoday\.net$/, marks: /ETtoday新聞雲|ETtoday\.net|《ETtoday電子報》/, offset: '+08:00' },
  { name: '自由時報', hosts: /(^|\.)ltn\.com\.tw$/, marks: /自由時報電子報|自由財經/, offset: '+08:00' },
  { name: '中時新聞網', hosts: /(^|\.)chinatimes\.com$/, marks: /中時新聞網|中國時報/, offset: '+08:00' },
  { name: 'TVBS', hosts: /(^|\.)tvbs\.com\.tw$/, marks: /TVBS新聞網/, offset: '+08:00' },
  { name: '三立新聞網', hosts: /(^|\.)setn\.com$/, marks: /三立新聞網/, offset: '+08:00' },
  { name: '風傳媒', hosts: /(^|\.)storm\.mg$/, marks: /風傳媒/, offset: '+08:00' },
  { name: '公視新聞網', hosts: /(^|\.)pts\.org\.tw$/, marks: /公視新聞網/, offset: '+08:00' },
  { name: '端傳媒', hosts: /(^|\.)theinitium\.com$/, marks: /端傳媒/, offset: null },
];

/** The outlet whose marks appear in a page's own text (last match wins ties: footers are most reliable). */
export function detectOutletFromText(text: string): string | null {
  let best: { name: string; count: number } | null = null;
  for (const o of OUTLETS) {
    const count = text.match(new RegExp(o.marks.source, 'g'))?.length ?? 0;
    if (count > 0 && (!best || count > best.count)) best = { name: o.name, count };
  }
  return best?.name ?? null;
}

const COPYRIGHT_LINE = /版權所有|版权所有|©|Copyright|All Rights Reserved/i;
const COMPANY_SUFFIX = /(?:股份有限公司|有限公司|有限責任公司|公司|集團|集团|基金會|基金会|網站|网站)$/;

/**
 * The brand a page's copyright line names (三立新聞網 版權所有, 鏡週刊 © 2024 Mirror Media, © 2024
 * 香港01有限公司 版權所有): the Chinese name before 版權所有 or ©, without a company suffix. Null when
 * the line names no Chinese brand (Latin company names are left alone: they are rarely the brand).
 */
export function outletFromCopyright(text: string): string | null {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length <= 160 && COPYRIGHT_LINE.test(l));
  for (const line of lines.reverse()) {
    const m = /(?:^|[\s。.|｜])((?:[\p{Script=Han}A-Za-z0-9]){2,12}?)\s*(?:©\s*\d{4}|(?:©\s*)?(?:\d{4}\s*)?(?:版權所有|版权所有))/u.exec(line);
    // 版權所有 © 2024 South China Morning Post: the label, not a name, before the ©.
    if (!m || !/\p{Script=Han}/u.test(m[1]) || /^(?:版權所有|版权所有|著作權|著作权)/.test(m[1])) continue;
    const name = m[1].replace(/^財團法人/, '').replace(COMPANY_SUFFIX, '');
    if (name.length >= 2 && !/媒體|媒体|報業|报业|傳媒股份/.test(name.slice(-2)) && !/^(?:本站|本網|本网|本報|本报|本文|本刊)/.test(name)) return name;
  }
  return null;
}

/** The outlet of a URL's host, else null. */
export function detectOutletFromUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return OUTLETS.find((o) => o.hosts.test(host))?.name ?? null;
  } catch {
    return null;
  }
}

// A Japanese or Korean agency's own report opens with its name (【共同社12月3日电】, 韩联社首尔11月12日电):
// its pages print Tokyo or Seoul time.
const HOME_TIME_WIRE = /^[【〔（(\[]?\s*(?:共同社|共同網|共同网|時事社|时事社|韓聯社|韩联社|韓聯社)/;

/** The UTC offset of a wire agency whose own report a text opens with (Japan's and Korea's), else null. */
export function wireOffset(firstParagraph: string): string | null {
  return HOME_TIME_WIRE.test(firstParagraph) ? '+09:00' : null;
}

/** The fixed UTC offset an outlet prints its times in, when known. */
export function outletOffset(outlet: string | null): string | null {
  return OUTLETS.find((o) => o.name === outlet)?.offset ?? null;
}

/** A front-matter source label such as "(臺)中央社CNA" → 中央社; other labels lose region prefixes only. */
export function normalizeOutletLabel(label: string): string {
  const s = label.replace(/^[(（][^)）]{1,4}[)）]\s*/, '').trim();
  for (const o of OUTLETS) if (o.marks.test(s) || s.startsWith(o.name)) return o.name;
  return s;
}

/** True when a label names a news organisation rather than a person (so it is not an author). */
export function isOutletLabel(label: string): boolean {
  const s = normalizeOutletLabel(label);
  return OUTLETS.some((o) => o.name === s);
}

const ORGANISATION = /(?:中心|新聞組|新闻组|編輯組|编辑组|採訪組|采访组|新聞部|新闻部|新聞網|新闻网|新聞雲|新闻云|新聞台|新闻台|日報|日报|時報|时报|晚報|晚报|週刊|周刊|雜誌|杂志|電視|电视|電台|电台|通訊社|通讯社|新聞社|新闻社|傳媒|传媒|媒體|媒体|新聞|新闻|網站|网站|頻道|频道|報社|报社|出版社|編輯部|编辑部|\b(?:News|Times|Daily|Post|Media|Press|Network|Magazine|Channel|TV|Radio|Agency|Newsroom|Staff)\b)$/i;

/**
 * True when a would-be author is an organisation: a known outlet, exactly the page's own site or
 * publisher name, or a name ending like one (…新聞網, …日報, … News). Such names are never authors.
 */
export function isOrganisationName(name: string, siteNames: string[] = []): boolean {
  const n = name.replace(/\s+/g, '').toLowerCase();
  if (!n) return true;
  if (isOutletLabel(name)) return true;
  if (siteNames.some((s) => {
    const k = s.replace(/\s+/g, '').toLowerCase();
    return k.length >= 2 && n === k;
  })) return true;
  // A short name ending in 社 or 网 is an agency or a site (新华社, 路透社, 中新网), never a person.
  return ORGANISATION.test(name.trim()) || /^\p{Script=Han}{1,4}(?:社|网|網)$/u.test(name.trim());
}
