import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempDb } from '../../scheduler/fixtures.ts';
import { cnaWire, udnReprint } from '../../scheduler/follow-fixtures.ts';
import { storeArticle } from '../../../src/core/store/articles.ts';
import { createFollowStore } from '../../../src/core/follow/follow-store.ts';
import { resolveFollowTarget } from '../../../src/core/follow/follow-target.ts';
import { findAlerts } from '../../../src/core/follow/find-alerts.ts';
import { inQuietHours } from '../../../src/scheduler/run-alerts.ts';
import { parseQuietRange } from '../../../commands/quiet.ts';
import { buildStoryView } from '../../../src/core/story-view/story-view.ts';

const t0 = new Date('2025-10-17T21:00:00Z');
const min = (m: number) => new Date(t0.getTime() + m * 60_000);

async function follow(db: ReturnType<typeof tempDb>['db'], what: string, at = t0) {
  const target = await resolveFollowTarget(db, what);
  createFollowStore(db).add({ platform: 'terminal', chatId: 'c', threadId: null, lang: 'zh-TW', kind: target.kind, target: target.target, label: what, topicQuery: target.topicQuery, createdBy: 'u' }, at);
  return createFollowStore(db).listByChat('terminal', 'c');
}

test('new story, then a new outlet is an update; the same outlet re-running the copy is not', async () => {
  const t = tempDb();
  try {
    const follows = await follow(t.db, '澤倫斯基');
    assert.equal(follows[0].kind, 'entity', 'a known person, through the alias index');
    assert.deepEqual(await findAlerts(t.db, follows, new Map(), min(10)), [], 'nothing new yet');
    storeArticle(t.db, cnaWire(), { source_file: 'a', now: min(20) });
    const [first] = await findAlerts(t.db, follows, new Map(), min(21));
    assert.equal(first.kind, 'new');
    assert.deepEqual(first.follows, ['澤倫斯基']);
    const sent = new Map([[first.storyId, min(21).toISOString()]]);
    // CNA runs its own wire again under another URL: same outlet, same events → not new.
    storeArticle(t.db, { ...cnaWire(), url: 'https://www.cna.com.tw/news/aopl/202510180099.aspx', title: '澤倫斯基白宮會川普（更新）' }, { source_file: 'b', now: min(30) });
    assert.deepEqual(await findAlerts(t.db, follows, sent, min(31)), []);
    storeArticle(t.db, udnReprint(), { source_file: 'c', now: min(40) });
    const [update] = await findAlerts(t.db, follows, sent, min(41));
    assert.equal(update.kind, 'update');
    assert.deepEqual(update.newOutlets, ['聯合新聞網']);
    // An article about someone else is not alerted.
    assert.deepEqual(await findAlerts(t.db, (await follow(t.db, '拉夫羅夫', min(0))).filter((f) => f.label === '拉夫羅夫'), new Map(), min(41)), []);
  } finally {
    t.cleanup();
  }
});

test('a followed story number alerts on its own updates only', async () => {
  const t = tempDb();
  try {
    storeArticle(t.db, cnaWire(), { source_file: 'a', now: min(-60) });
    const storyId = Number(t.db.prepare('SELECT story_id FROM story_articles').pluck().get());
    const follows = await follow(t.db, `#${storyId}`);
    assert.equal(follows[0].kind, 'story');
    assert.deepEqual(await findAlerts(t.db, follows, new Map(), min(5)), [], 'what was there before the follow is not news');
    storeArticle(t.db, udnReprint(), { source_file: 'c', now: min(40) });
    const [u] = await findAlerts(t.db, follows, new Map(), min(41));
    assert.deepEqual([u.storyId, u.kind, u.newOutlets], [storyId, 'update', ['聯合新聞網']]);
  } finally {
    t.cleanup();
  }
});

test('quiet hours wrap past midnight in the chat’s zone; ranges parse', () => {
  const s = { quietStart: 23 * 60, quietEnd: 7 * 60, timezone: 'Asia/Taipei' };
  assert.equal(inQuietHours(s, new Date('2025-10-17T16:30:00Z')), true, '00:30 Taipei');
  assert.equal(inQuietHours(s, new Date('2025-10-17T14:59:00Z')), false, '22:59 Taipei');
  assert.equal(inQuietHours(s, new Date('2025-10-17T23:00:00Z')), false, '07:00 Taipei: over');
  assert.equal(inQuietHours({ ...s, quietStart: null, quietEnd: null }, new Date()), false);
  assert.deepEqual(parseQuietRange('23:00-07:00'), [1380, 420]);
  assert.deepEqual(parseQuietRange('23-7'), [1380, 420]);
  assert.deepEqual(parseQuietRange('22:30 到 06:15'), [1350, 375]);
  assert.equal(parseQuietRange('25:00-07:00'), null);
  assert.equal(parseQuietRange('tonight'), null);
});

test('/story view: the lead both outlets share, coverage, single source until the second outlet', () => {
  const t = tempDb();
  try {
    storeArticle(t.db, cnaWire(), { source_file: 'a', now: min(0) });
    const storyId = Number(t.db.prepare('SELECT story_id FROM story_articles').pluck().get());
    const one = buildStoryView(t.db, storyId)!;
    assert.equal(one.singleSource, true);
    storeArticle(t.db, udnReprint(), { source_file: 'c', now: min(40) });
    const v = buildStoryView(t.db, storyId)!;
    assert.equal(v.singleSource, false);
    assert.deepEqual(v.coverage.map((c) => c.outlet), ['中央社', '聯合新聞網']);
    assert.deepEqual(v.coverage[0].languages, ['zh-Hant']);
    assert.equal(v.leadOutlets, 2);
    assert.equal(v.lead, '烏克蘭總統澤倫斯基17日在白宮與美國總統川普會談，雙方討論戰斧巡航飛彈與防空系統。', 'the dateline is not part of the lead');
    assert.ok(v.timeline.dated.some((e) => e.date === '2025-10-17'));
  } finally {
    t.cleanup();
  }
});
