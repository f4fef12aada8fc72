/** A complete NormalizedArticle for store tests; override any field. */
import type { NormalizedArticle } from '../../../src/core/article.ts';

export function makeArticle(over: Partial<NormalizedArticle> = {}): NormalizedArticle {
  return {
    shape: 'plain-text',
    title: '烏克蘭總統澤倫斯基訪問白宮',
    url: 'https://www.cna.com.tw/news/aopl/202510180001.aspx',
    outlet: '中央社',
    agency: null,
    authors: ['張方瑀'],
    translators: [],
    published_at: '2025-10-18T09:30:00+08:00',
    published_precision: 'datetime',
    dateline: { place: '華盛頓', day: 17 },
    languages: ['zh-Hant'],
    paragraphs: [
      { text: '美國總統川普17日在白宮會見烏克蘭總統澤倫斯基，雙方討論戰斧巡航飛彈。', lang: 'zh-Hant' },
      { text: '澤倫斯基表示，會談富有成效。', lang: 'zh-Hant' },
    ],
    tags: ['烏克蘭'],
    related: [],
    ...over,
  };
}
