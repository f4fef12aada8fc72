import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../../src/core/ingest/parse-document.ts';
import { deriveArticle, rederiveArticle } from '../../../src/core/knowledge/derive-article.ts';
import { dropSiteFurniture, lineKey, siteLineKeys } from '../../../src/core/clean/site-furniture.ts';

const CORPUS = 'test/fixtures/corpus';

test('rederiveArticle after dropping site furniture equals deriveArticle of the cleaned article', () => {
  let checked = 0;
  for (const name of readdirSync(CORPUS).sort().slice(0, 40)) {
    const article = parseDocument(readFileSync(join(CORPUS, name)), name);
    const keys = siteLineKeys(article);
    if (keys.length < 2) continue;
    // Every other short line (and the title suffix, when there is one) counts as furniture.
    const repeats = new Map(keys.filter((k, i) => i % 2 === 0 || k.startsWith('title:')).map((k) => [k, 9]));
    const cleaned = dropSiteFurniture(article, repeats);
    if (cleaned === article) continue;
    assert.deepEqual(rederiveArticle(cleaned, article, deriveArticle(article)), deriveArticle(cleaned), name);
    checked++;
  }
  assert.ok(checked >= 5, `only ${checked} articles had furniture to drop`);
});

test('rederiveArticle keeps the names of what is left of a title cleaning shortened, at their new offsets', () => {
  const article = parseDocument(Buffer.from('---\ntitle: 習近平會見拜登 - 某某新聞網\n---\n\n習近平在北京會見美國總統拜登。\n\n某某新聞網版權所有\n'), 'a.md');
  const cleaned = dropSiteFurniture(article, new Map([[`title:${lineKey('某某新聞網')}`, 9], [lineKey('某某新聞網版權所有'), 9]]));
  assert.notEqual(cleaned.title, article.title);
  assert.deepEqual(rederiveArticle(cleaned, article, deriveArticle(article)), deriveArticle(cleaned));
  // A site name in front (美國之音：…) is dropped with its own names; the rest move to the start.
  const fronted = parseDocument(Buffer.from('---\ntitle: 美國之音：蔡英文抵達瓜地馬拉\n---\n\n蔡英文今天抵達瓜地馬拉。\n'), 'b.md');
  const derived = deriveArticle(fronted);
  assert.ok(derived.names.title.some((n) => n.text === '蔡英文' && n.start === 5));
  const shortened = { ...fronted, title: '蔡英文抵達瓜地馬拉' };
  const names = rederiveArticle(shortened, fronted, derived).names.title;
  assert.deepEqual(names, deriveArticle(shortened).names.title);
  assert.ok(names.some((n) => n.text === '蔡英文' && n.start === 0) && !names.some((n) => n.text.includes('美國')));
});
