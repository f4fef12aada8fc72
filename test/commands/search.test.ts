import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/core/store/db.ts';
import { ingestPaths } from '../../src/core/loader/ingest-paths.ts';
import { answerLine, TERMINAL_CHAT } from '../../src/adapters/terminal/run-line.ts';
import { searchCommand } from '../../commands/search.ts';
import { executeCommand } from '../../commands/execute.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

let dir: string;
let db: Db;
const deps = () => ({ stores: sqliteStores(db), now: () => new Date('2025-11-01T00:00:00Z') });
const idOf = (file: string) => db.prepare('SELECT id FROM articles WHERE source_file LIKE ?').pluck().get('%' + file) as number;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-search-'));
  db = openDatabase(join(dir, 'x.db'));
  await ingestPaths(sqliteStores(db), ['seeds']);
});
after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('/search finds Traditional text from Simplified and English queries of any length, each hit with a snippet', async () => {
  const simp = await answerLine('/search 泽连斯基', 'zh-TW', deps());
  assert.deepEqual(simp.articles, [idOf('003_f1eda0974e59ad55.txt')], 'only seed 003 spells it 澤連斯基');
  for (const item of simp.items) assert.match(item.text!, /澤連斯基/);
  const two = await answerLine('/search 普丁', 'zh-TW', deps());
  assert.deepEqual(two.articles, [idOf('002_3e70893b17dfe5be.txt')].concat(two.articles.slice(1)));
  const en = await answerLine('/search Rutte', 'en', deps());
  assert.deepEqual([...en.articles].sort(), [idOf('001_c1e0c6e294c401c5.txt'), idOf('002_3e70893b17dfe5be.txt')].sort());
  assert.match(en.footer!, /Results 1–2 of 2/);
  for (const item of en.items) assert.ok(item.text && item.text.length < 400 && /rutte/i.test(item.text), item.text);
});

test('/search with nothing to find, nothing asked, or unusable input', async () => {
  const none = await answerLine('/search 火星殖民', 'en', deps());
  assert.equal(none.kind, 'ok');
  assert.match(none.intro!, /Nothing found/);
  assert.equal((await answerLine('/search', 'en', deps())).kind, 'usage');
  assert.equal((await answerLine('/search ' + 'x'.repeat(600), 'en', deps())).kind, 'usage');
  const huge = await executeCommand(searchCommand, { args: { query: 'a'.repeat(5 * 1024 * 1024) }, lang: 'en', chat: TERMINAL_CHAT }, deps());
  assert.equal(huge.kind, 'usage');
  const ctrl = await executeCommand(searchCommand, { args: { query: 'abc\u001b[31m' }, lang: 'zh-TW', chat: TERMINAL_CHAT }, deps());
  assert.equal(ctrl.kind, 'usage');
  assert.match(ctrl.intro!, /控制字元/);
});

test('/search pages its own results: page n holds hits 5n+1…, disjoint from the others; past the end gives the last page', async () => {
  const corpusDb = openDatabase(join(dir, 'corpus.db'));
  try {
    const posts = readdirSync('test/fixtures/corpus').sort().slice(0, 80).map((n) => join('test/fixtures/corpus', n));
    await ingestPaths(sqliteStores(corpusDb), posts);
    const run = (page?: number) => executeCommand(searchCommand, { args: { query: '中国' }, lang: 'en', chat: TERMINAL_CHAT, page }, { stores: sqliteStores(corpusDb), now: deps().now });
    const first = await run();
    const total = Number(/of (\d+)/.exec(first.footer!)![1]);
    assert.ok(total > 10, `enough hits to page: ${total}`);
    assert.deepEqual(first.paging, { page: 0, pageCount: Math.min(20, Math.ceil(total / 5)) });
    assert.match(first.footer!, /^Results 1–5 of /);
    const second = await run(1);
    assert.match(second.footer!, /^Results 6–10 of /);
    assert.deepEqual(second.paging, { page: 1, pageCount: first.paging!.pageCount });
    assert.equal(second.articles.filter((id) => first.articles.includes(id)).length, 0, 'no hit on two pages');
    const past = await run(500);
    assert.equal(past.paging!.page, first.paging!.pageCount - 1);
    assert.ok(past.items.length > 0);
    // Few hits: one page, no paging.
    const one = await executeCommand(searchCommand, { args: { query: 'Rutte' }, lang: 'en', chat: TERMINAL_CHAT }, deps());
    assert.equal(one.paging, undefined);
  } finally {
    corpusDb.close();
  }
});
