/** A cheap language guess for feed text: Han characters → Chinese (Traditional unless OpenCC changes it), else English. */
import { toTraditional } from '../../core/text/script.ts';
import type { Lang } from '../../core/article.ts';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** 'zh-Hant' | 'zh-Hans' when Han characters dominate the letters, else 'en'. */
export function detectLang(text: string): Lang {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  if (han === 0 || han * 3 < latin) return 'en';
  const sample = (text.match(HAN) ?? []).slice(0, 400).join('');
  return toTraditional(sample) === sample ? 'zh-Hant' : 'zh-Hans';
}
