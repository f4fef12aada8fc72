/**
 * Language of paragraphs from their characters: English when Latin letters dominate,
 * else Chinese, Simplified or Traditional decided once per article with OpenCC.
 */
import type { Lang, Paragraph } from '../article.ts';
import { toSimplified, toTraditional } from '../text/script.ts';

const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;

/** 'en' when a paragraph is mostly Latin letters, else 'zh' (script decided separately). */
export function detectBaseLang(text: string): 'en' | 'zh' {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  return latin > han * 2 ? 'en' : 'zh';
}

/** zh-Hans when more characters change under Simplified→Traditional than the reverse (sampled, ~4k chars). */
export function detectChineseScript(text: string): 'zh-Hans' | 'zh-Hant' {
  const sample = (text.match(HAN) ?? []).slice(0, 4000).join('');
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
  const zhText = texts.filter((_, i) => bases[i] === 'zh').join('');
  const script = zhText ? detectChineseScript(zhText) : 'zh-Hant';
  const paragraphs = texts.map((text, i) => ({ text, lang: (bases[i] === 'en' ? 'en' : script) as Lang }));
  const languages: Lang[] = [];
  for (const p of paragraphs) if (!languages.includes(p.lang)) languages.push(p.lang);
  return { paragraphs, languages };
}
