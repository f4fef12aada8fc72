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

test('rederiveArticle recognises the title again when cleaning shortened it', () => {
  const article = parseDocument(Buffer.from('---\ntitle: 習近平會見拜登 - 某某新聞網\n---\n\n習近平在北京會見美國總統拜登。\n\n某某新聞網版權所有\n'), 'a.md');
  const cleaned = dropSiteFurniture(article, new Map([[`title:${lineKey('某某新聞網')}`, 9], [lineKey('某某新聞網版權所有'), 9]]));
  assert.notEqual(cleaned.title, article.title);
  assert.deepEqual(rederiveArticle(cleaned, article, deriveArticle(article)), deriveArticle(cleaned));
});
