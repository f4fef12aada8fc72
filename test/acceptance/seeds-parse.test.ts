// The five seed documents against the hand-made gold file: body bigram F1, titles, dates, credits, leaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../src/core/ingest/parse-document.ts';
import type { NormalizedArticle } from '../../src/core/article.ts';
import { bigramF1 } from '../core/ingest/bigram.ts';

interface GoldArticle {
  file: string;
  title: string;
  url: string | null;
  published_at: string | null;
  published_precision: string | null;
  outlet: string | null;
  agency: string | null;
  authors: string[];
  translators: string[];
  dateline: { place: string; day: number } | null;
  languages: string[];
  paragraphs: string[];
  must_not_contain: string[];
  related_count?: number;
}

const gold = JSON.parse(readFileSync('test/fixtures/seeds.gold.json', 'utf8')) as { articles: GoldArticle[] };
const parsed = new Map<string, NormalizedArticle>(
  gold.articles.map((g) => [g.file, parseDocument(readFileSync(join('seeds', g.file)), join('seeds', g.file))]),
);
const body = (a: NormalizedArticle) => a.paragraphs.map((p) => p.text);

test('body bigram F1 >= 0.95 on every seed and >= 0.98 on average', () => {
  const scores = gold.articles.map((g) => bigramF1(body(parsed.get(g.file)!), g.paragraphs));
  console.log(`# seed F1 ${gold.articles.map((g, i) => `${g.file.slice(0, 3)}=${scores[i].toFixed(4)}`).join(' ')}`);
  for (const [i, s] of scores.entries()) assert.ok(s >= 0.95, `${gold.articles[i].file}: F1 ${s.toFixed(4)}`);
  assert.ok(scores.reduce((a, b) => a + b, 0) / scores.length >= 0.98);
});

test('titles are exact and dates are right (null for the undated page)', () => {
  for (const g of gold.articles) {
    const a = parsed.get(g.file)!;
    assert.equal(a.title, g.title, g.file);
    assert.equal(a.published_at, g.published_at, g.file);
    assert.equal(a.published_precision, g.published_precision, g.file);
  }
});

test('no must_not_contain string appears in any body', () => {
  for (const g of gold.articles) {
    const text = body(parsed.get(g.file)!).join('\n\n');
    for (const s of g.must_not_contain) assert.ok(!text.includes(s), `${g.file} leaks ${s}`);
  }
});

test('url, outlet, agency, authors, translators, dateline and languages match the gold', () => {
  for (const g of gold.articles) {
    const a = parsed.get(g.file)!;
    assert.equal(a.url, g.url, g.file);
    assert.equal(a.outlet, g.outlet, g.file);
    assert.equal(a.agency, g.agency, g.file);
    assert.deepEqual(a.authors, g.authors, g.file);
    assert.deepEqual(a.translators, g.translators, g.file);
    assert.deepEqual(a.dateline, g.dateline, g.file);
    assert.deepEqual(a.languages, g.languages, g.file);
    if (g.related_count !== undefined) assert.equal(a.related.length, g.related_count, g.file);
  }
});

test('related links keep titles, http(s) URLs and ISO times', () => {
  const a = parsed.get(gold.articles[0].file)!;
  for (const r of a.related) {
    assert.ok(r.title.length > 0);
    assert.match(r.url ?? '', /^https:\/\/www\.cna\.com\.tw\//);
    assert.match(r.time ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/);
  }
});

test('bilingual seed labels each paragraph with its own language', () => {
  const g = gold.articles.find((x) => x.languages.length > 1)!;
  const langs = parsed.get(g.file)!.paragraphs.map((p) => p.lang);
  assert.deepEqual([...new Set(langs)], g.languages);
  assert.ok(langs.indexOf('en') > langs.lastIndexOf('zh-Hant'), 'Chinese paragraphs first, then English');
});
