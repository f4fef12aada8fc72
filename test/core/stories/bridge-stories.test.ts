// Two outlets' first reports of one event share too little to join, so each starts a story; a later
// report that strongly matches both shows they are one event, and the stories become one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStores } from '../../../src/core/store/open-stores.ts';
import { finishArticle } from '../../../src/core/ingest/finish-article.ts';
import { storeArticle } from '../../../src/core/loader/store-article.ts';
import type { Stores } from '../../../src/core/store/stores.ts';

const OTHER = [
  ['台北捷運新線通車 首日運量創新高', '北市交通局表示，環狀線北段今天正式通車，首日旅客人數超過預期。'],
  ['颱風外圍環流影響 東部山區豪雨', '氣象署指出，颱風外圍環流帶來水氣，花蓮與台東山區可能出現豪雨。'],
  ['央行理監事會 利率維持不變', '中央銀行今天召開理監事會，決議政策利率維持不變，並調整房貸管制。'],
  ['棒球經典賽 中華隊晉級複賽', '中華隊今晚以五比三擊敗對手，睽違多年再度晉級經典賽複賽。'],
];

let n = 0;
async function store(stores: Stores, title: string, text: string, outlet: string, at: string): Promise<number> {
  const article = finishArticle({
    shape: 'feed-item', title, url: null, outlet, agency: null, authors: [], translators: [],
    published_at: at, published_precision: 'datetime', dateline: null, paragraphs: [text], tags: [], related: [],
  });
  return (await storeArticle(stores, article, { source_file: `a${n++}.json` })).id!;
}

test('a report matching two stories of one event merges them; unrelated stories stay apart', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-bridge-'));
  const stores = await openStores(join(dir, 'x.db'));
  t.after(async () => {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });
  for (let k = 0; k < 30; k++) await store(stores, `${OTHER[k % 4][0]} 第${k}報`, `${OTHER[k % 4][1]}（第${k}報）`, '其他報', `2022-01-1${k % 2}T09:00:00+08:00`);
  const a = await store(stores, '默克藥廠口服抗病毒藥抵台 2016人份供輕中度確診者', '默克藥廠研發的口服抗病毒藥首批2016人份今天運抵台灣，將提供具重症風險的輕中度確診者使用。', '甲報', '2022-01-10T08:00:00+08:00');
  const b = await store(stores, '莫納皮拉韋今晨抵桃園機場 陳時中：送往醫院', '陳時中表示，莫納皮拉韋今晨抵達桃園機場，將由疾管署配送至指定醫院，醫師評估後開立處方。', '乙報', '2022-01-10T09:00:00+08:00');
  const other = (await stores.stories.storyOf(a - 1))!;
  assert.notEqual(await stores.stories.storyOf(a), await stores.stories.storyOf(b), 'the two first reports share too little to join');
  await store(
    stores,
    '默克口服抗病毒藥莫納皮拉韋2016人份今晨抵桃園機場 陳時中：送往醫院',
    '默克藥廠研發的口服抗病毒藥莫納皮拉韋首批2016人份今晨抵達桃園機場，陳時中表示，將由疾管署配送至指定醫院，提供具重症風險的輕中度確診者使用。',
    '丙報',
    '2022-01-10T11:00:00+08:00',
  );
  const sa = await stores.stories.storyOf(a);
  assert.equal(sa, await stores.stories.storyOf(b), 'one story after the bridging report');
  assert.notEqual(other, sa, 'other news stays in its own story');
  assert.equal(await stores.stories.storyOf(a - 1), other);
  assert.equal(await stores.stories.memberCount(sa!), 3);
});
