/** NormalizedArticles built from the gold file's expected fields, for tests that must not depend on the parser. */
import { readFileSync } from 'node:fs';
import type { NormalizedArticle } from '../../../src/core/article.ts';

interface GoldArticle {
  file: string;
  shape: string;
  title: string;
  url: string | null;
  outlet: string | null;
  agency: string | null;
  authors: string[];
  translators: string[];
  published_at: string | null;
  published_precision: 'datetime' | 'date' | null;
  dateline: { place: string; day: number } | null;
  languages: ('zh-Hant' | 'zh-Hans' | 'en')[];
  paragraphs: string[];
  events: { date: string | null; day?: number; what: string }[];
}

export const gold = JSON.parse(readFileSync(new URL('../../fixtures/seeds.gold.json', import.meta.url), 'utf8')) as { articles: GoldArticle[] };

/** The gold article `i` (0–4) as a NormalizedArticle, with `over` applied. */
export function goldArticle(i: number, over: Partial<NormalizedArticle> = {}): NormalizedArticle {
  const g = gold.articles[i];
  return {
    shape: 'plain-text',
    title: g.title,
    url: g.url,
    outlet: g.outlet,
    agency: g.agency,
    authors: g.authors,
    translators: g.translators,
    published_at: g.published_at,
    published_precision: g.published_precision,
    dateline: g.dateline,
    languages: g.languages,
    paragraphs: g.paragraphs.map((text) => ({ text, lang: /[A-Za-z]{4}/.test(text) && !/[\u4e00-\u9fff]/.test(text) ? 'en' : 'zh-Hant' })),
    tags: [],
    related: [],
    ...over,
  };
}

/** A short article from plain paragraphs. */
export function article(title: string, paragraphs: string[], over: Partial<NormalizedArticle> = {}): NormalizedArticle {
  return {
    shape: 'plain-text',
    title,
    url: null,
    outlet: null,
    agency: null,
    authors: [],
    translators: [],
    published_at: null,
    published_precision: null,
    dateline: null,
    languages: ['zh-Hant'],
    paragraphs: paragraphs.map((text) => ({ text, lang: 'zh-Hant' as const })),
    tags: [],
    related: [],
    ...over,
  };
}

/** Seed 001 is udn's print of a CNA wire; this is CNA's own copy: its dateline line, its link, no closing paragraph. */
export function cnaCopyOf001() {
  const udn = goldArticle(1);
  return goldArticle(1, {
    outlet: '中央社',
    url: 'https://www.cna.com.tw/news/aopl/202508220321.aspx',
    published_at: '2025-08-22T20:15:00+08:00',
    published_precision: 'datetime',
    paragraphs: [{ text: '（中央社記者陳律安基輔22日專電）' + udn.paragraphs[0].text, lang: 'zh-Hant' }, ...udn.paragraphs.slice(1, -1)],
  });
}
