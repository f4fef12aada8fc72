/** Articles for the follow-a-story tests: a CNA wire about Zelensky, udn's reprint of it, and a re-fetch of the CNA page with a rewritten headline. */
import type { NormalizedArticle } from '../../src/core/article.ts';

const BODY = [
  '（中央社華盛頓17日綜合外電報導）烏克蘭總統澤倫斯基17日在白宮與美國總統川普會談，雙方討論戰斧巡航飛彈與防空系統。',
  '澤倫斯基會後表示，會談坦率且富有成效，烏克蘭需要更多防空系統來保護能源設施，並希望盟國加快交付。',
  '川普則說，美國希望戰爭盡快結束，他將在兩週內與俄羅斯總統蒲亭在布達佩斯會面，討論停火的可能。',
];

function article(over: Partial<NormalizedArticle>): NormalizedArticle {
  return {
    shape: 'plain-text',
    title: '澤倫斯基白宮會川普 商談戰斧飛彈與防空',
    url: 'https://www.cna.com.tw/news/aopl/202510180010.aspx',
    outlet: '中央社',
    agency: '中央社',
    authors: [],
    translators: [],
    published_at: '2025-10-18T06:10:00+08:00',
    published_precision: 'datetime',
    dateline: { place: '華盛頓', day: 17 },
    languages: ['zh-Hant'],
    paragraphs: BODY.map((text) => ({ text, lang: 'zh-Hant' as const })),
    tags: [],
    related: [],
    ...over,
  };
}

/** CNA's wire. */
export const cnaWire = (): NormalizedArticle => article({});
/** udn's reprint of the same wire, an hour later. */
export const udnReprint = (): NormalizedArticle =>
  article({ outlet: '聯合新聞網', url: 'https://udn.com/news/story/6809/9000001', title: '澤倫斯基白宮會川普 談戰斧飛彈與防空', published_at: '2025-10-18T07:20:00+08:00' });
/** The CNA page fetched again: the headline was rewritten. */
export const cnaRevised = (): NormalizedArticle => article({ title: '川普暫不給戰斧飛彈 澤倫斯基白宮會談後籲加快防空' });
