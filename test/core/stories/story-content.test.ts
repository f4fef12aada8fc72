import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/core/store/db.ts';
import { storeArticle } from '../../../src/core/loader/store-article.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { latestStories } from '../../../src/core/stories/latest-stories.ts';
import { leadDate, leadDatesDisagree } from '../../../src/core/stories/lead-date.ts';
import { makeArticle } from '../store/make-article.ts';

/** Stores an article and waits for its (transitionally queued) story and event indexing. */
async function store(...args: Parameters<typeof storeArticle>): Promise<ReturnType<typeof storeArticle>> {
  const r = await storeArticle(...args);
  return r;
}

async function withDb(fn: (db: Db) => void | Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-story-content-'));
  const db = openDatabase(join(dir, 'x.db'));
  try {
    await fn(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const para = (text: string) => ({ text, lang: 'zh-Hant' as const });
const briefing = (day: number, count: number) =>
  makeArticle({
    title: `境外移入＋${count}例 無新增死亡個案`,
    url: `https://news.example/briefing-${day}`,
    outlet: '中時新聞網',
    dateline: null,
    published_at: `2021-12-${day}T14:00:00+08:00`,
    paragraphs: [
      para(`中央流行疫情指揮中心今(${day})日公布國內新增${count}例COVID-19境外移入個案，分別為男性與女性，年齡介於20多歲至60多歲，入境日介於本月上旬至中旬。`),
      para('指揮中心統計，自2020年起累計之確診個案中，境外移入與本土病例持續依規定追蹤，並呼籲民眾落實防疫措施，出入公共場所配戴口罩。'),
    ],
  });

test('the leads of a daily series name different days: the briefings stay different stories', async () => {
  assert.deepEqual(leadDate(['指揮中心今(21)日公布'], '2021-12-21T14:00:00+08:00'), ['2021-12-21']);
  assert.ok(leadDatesDisagree(['2021-12-21'], ['2021-12-22']));
  assert.ok(!leadDatesDisagree(['2021-12-21', '2021-12-26'], ['2021-12-26']));
  assert.ok(!leadDatesDisagree([], ['2021-12-22']), 'a lead without a date does not veto');
  // The caption above the lead is not read, nor the background after the first sentence.
  assert.deepEqual(
    leadDate(['案18494足跡。（宜蘭縣政府提供）', '〔記者林敬倫／宜蘭報導〕長榮鳳凰酒店群聚案，今(24)日再新增4名確診者；包含案18468，15日上午曾到礁溪，22日晚上曾到超商。'], '2022-01-24T17:00:00+08:00'),
    ['2022-01-24'],
  );
  withDb(async (db) => {
    const a = (await store(sqliteStores(db), briefing(21, 10), { source_file: 'a' })).id;
    const b = (await store(sqliteStores(db), briefing(22, 12), { source_file: 'b' })).id;
    const c = (await store(sqliteStores(db), { ...briefing(22, 12), outlet: '自由時報', url: 'https://other.example/x', title: '境外移入增12例' }, { source_file: 'c' })).id;
    const storyOf = (id: number) => db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').pluck().get(id);
    assert.notEqual(storyOf(a), storyOf(b), 'same boilerplate, different days');
    assert.equal(storyOf(b), storyOf(c), 'the same day reported twice is one story');
  });
});

test('/latest <topic> puts the stories about the topic before newer ones that only mention it', async () => {
  await withDb(async (db) => {
    await store(sqliteStores(db), makeArticle({ title: '呂特訪問基輔 與澤倫斯基會談', url: 'https://a.example/1', published_at: '2025-08-22T10:00:00+08:00', dateline: null, paragraphs: [para('北約秘書長呂特22日訪問基輔，與烏克蘭總統澤倫斯基會談安全保障議題。')] }), { source_file: '1' });
    await store(sqliteStores(db), makeArticle({ title: '歐盟農業補貼改革方案出爐', url: 'https://a.example/2', published_at: '2025-08-25T10:00:00+08:00', dateline: null, paragraphs: [para('歐盟執委會25日公布農業補貼改革方案，各國農民團體反應不一，部分國家代表提到澤倫斯基上週的談話。')] }), { source_file: '2' });
    const titles = (await latestStories(sqliteStores(db), { limit: 5, topic: '澤倫斯基' })).map((s) => s.title);
    assert.deepEqual(titles, ['呂特訪問基輔 與澤倫斯基會談', '歐盟農業補貼改革方案出爐']);
  });
});
