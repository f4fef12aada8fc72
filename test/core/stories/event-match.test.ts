import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/core/store/db.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { matchAndIndexEvent } from '../../../src/core/stories/event-match.ts';
import { leadTerms } from '../../../src/core/stories/lead-terms.ts';

const eventTerms = leadTerms;

const OTHER = [
  ['台北捷運新線通車 首日運量創新高', '北市交通局表示，環狀線北段今天正式通車，首日旅客人數超過預期。'],
  ['颱風外圍環流影響 東部山區豪雨', '氣象署指出，颱風外圍環流帶來水氣，花蓮與台東山區可能出現豪雨。'],
  ['央行理監事會 利率維持不變', '中央銀行今天召開理監事會，決議政策利率維持不變，並調整房貸管制。'],
  ['棒球經典賽 中華隊晉級複賽', '中華隊今晚以五比三擊敗對手，睽違多年再度晉級經典賽複賽。'],
];

/** Runs `fn` with the stores of a fresh SQLite file, removed afterwards. */
async function withStores(fn: (stores: ReturnType<typeof sqliteStores>) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-event-'));
  const db = openDatabase(join(dir, 'x.db'));
  try {
    await fn(sqliteStores(db));
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('two outlets reporting one event in their own words match; the same words a week later do not', async () => {
  await withStores(async (stores) => {
    let id = 1;
    for (const [t, p] of OTHER) assert.deepEqual(await matchAndIndexEvent(stores, id++, 100, eventTerms(t, [p])), []);
    // A day's worth of other news: in a thin window IDF cannot tell a rare term from a common one.
    for (let k = 0; k < 30; k++) await matchAndIndexEvent(stores, id++, 100 + (k % 2), eventTerms(`${OTHER[k % 4][0]} 第${k}報`, [OTHER[k % 4][1]]));
    const a = id++;
    await matchAndIndexEvent(stores, a, 100, eventTerms('首批默沙東口服藥莫納皮拉韋抵台 陳時中：2016人份', ['指揮中心今天表示，默沙東口服抗病毒藥莫納皮拉韋首批2016人份今晨運抵桃園機場，供輕中度確診者使用。']));
    const b = id++;
    const found = await matchAndIndexEvent(stores, b, 101, eventTerms('莫納皮拉韋2016人份今晨抵桃園機場', ['陳時中說，默沙東研發的口服藥莫納皮拉韋首批2016人份已運抵桃園機場，將配送至醫院。']));
    assert.deepEqual(found.map((m) => m.articleId), [a]);
    const later = await matchAndIndexEvent(stores, id++, 108, eventTerms('莫納皮拉韋2016人份今晨抵桃園機場', ['陳時中說，默沙東研發的口服藥莫納皮拉韋首批2016人份已運抵桃園機場，將配送至醫院。']));
    assert.deepEqual(later, [], 'outside the one-day window');
    const unrelated = await matchAndIndexEvent(stores, id++, 100, eventTerms('颱風外圍環流影響 北部降雨', ['氣象署指出，颱風帶來水氣，北部今天午後降雨機率提高。']));
    assert.ok(!unrelated.some((m) => m.articleId === a || m.articleId === b));
  });
});

test('a background paragraph a reporter repeats under two reports does not make them one event; their leads still can', async () => {
  await withStores(async (stores) => {
    let id = 1;
    for (let k = 0; k < 30; k++) await matchAndIndexEvent(stores, id++, 100 + (k % 2), eventTerms(`${OTHER[k % 4][0]} 第${k}報`, [OTHER[k % 4][1]]));
    const background = '新竹縣連日豪雨造成多處土石崩落，竹東、五峰與尖石山區道路已有三處坍方，縣府災害應變中心維持一級開設，各鄉鎮公所也已備妥沙包與抽水機，提醒民眾非必要不要上山。';
    const a = id++;
    await matchAndIndexEvent(stores, a, 100, eventTerms('新竹五峰鄉清泉部落聯外道路坍方 百餘人受困', ['〔記者李明哲／新竹報導〕五峰鄉清泉部落唯一聯外道路今晨坍方，約一百二十名居民與遊客受困，公路局已派機具搶通。', background]));
    // Another report of the reporter's, on another event, with the same background under its lead.
    const other = await matchAndIndexEvent(stores, id++, 100, eventTerms('新竹竹東鎮堤防潰堤 三十戶緊急撤離', ['〔記者李明哲／新竹報導〕竹東鎮上坪溪畔一段老舊堤防昨夜潰堤，鎮公所連夜撤離三十戶居民至活動中心安置。', background]));
    assert.ok(!other.some((m) => m.articleId === a), 'shared background alone');
    // A second report of the first event, background and all, still matches on its lead.
    const same = await matchAndIndexEvent(stores, id++, 100, eventTerms('清泉部落聯外道路坍方 受困居民盼搶通', ['〔記者李明哲／新竹報導〕五峰鄉清泉部落聯外道路坍方，一百二十名受困居民與遊客盼公路局早日搶通，部分遊客由消防局協助徒步下山。', background]));
    assert.ok(same.some((m) => m.articleId === a), 'same event');
  });
});

test('on a thin news day two outlets telling one event in their own words and scripts still match', async () => {
  await withStores(async (stores) => {
    let id = 1;
    // A slow feed: a handful of other reports in the window, not the dozens a busy day brings.
    for (const [t, p] of OTHER) await matchAndIndexEvent(stores, id++, 200, eventTerms(t, [p]));
    const a = id++;
    await matchAndIndexEvent(stores, a, 200, eventTerms('美提30天全面停火方案 烏克蘭準備接受', ['美國國務卿今天在吉達會談後宣布，美方提出為期30天的全面停火方案，烏克蘭代表團表示準備接受，球已在俄羅斯手上。']));
    const b = id++;
    const matches = await matchAndIndexEvent(stores, b, 200, eventTerms('美方提出30天停火方案 乌方表示愿意接受', ['美国国务卿在吉达会谈后表示，美方提出为期30天的全面停火方案，乌克兰代表团表示愿意接受，现在要看俄罗斯的回应。']));
    assert.deepEqual(matches.map((m) => m.articleId), [a]);
  });
});
