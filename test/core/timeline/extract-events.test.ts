import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents } from '../../../src/core/timeline/extract-events.ts';
import { gold, goldArticle, article } from '../stories/gold-articles.ts';

test('every seed yields exactly its gold events (dates, and day only when the month is unknown)', () => {
  gold.articles.forEach((g, i) => {
    const got = extractEvents(goldArticle(i)).map((e) => (e.date ? e.date : `day ${e.day}`));
    const want = g.events.map((e) => (e.date ? e.date : `day ${e.day}`));
    assert.deepEqual([...got].sort(), [...want].sort(), g.file);
  });
});

test('event text is the dated sentence, whole clauses, without the date words or a leading attribution', () => {
  const [e] = extractEvents(goldArticle(0));
  // 白宮發言人表示，美國總統拜登已經邀請烏克蘭總統澤倫斯基於12日訪問白宮。
  assert.equal(e.text, '美國總統拜登已經邀請烏克蘭總統澤倫斯基訪問白宮');
  const byDate = new Map(extractEvents(goldArticle(2)).map((x) => [x.date, x.text]));
  assert.match(byDate.get('2025-08-21')!, /^北約秘書長呂特在布魯塞爾向32個成員國簡報白宮會議內容，並開始廣泛討論安全保證議題$/);
  assert.match(byDate.get('2025-08-20')!, /^美國國防部政策次長柯比.*最低限度角色.*交給歐洲$/, 'the clauses after the speech verb stay');
  for (const ev of gold.articles.flatMap((_, i) => extractEvents(goldArticle(i)))) {
    assert.ok([...ev.text].length <= 120, ev.text);
    assert.doesNotMatch(ev.text, /…$/, 'no seed sentence is clipped');
  }
  // 001: "澤倫斯基今天表示" is the report speaking; the event is Rutte's visit to Kyiv.
  assert.match(extractEvents(goldArticle(1))[0].text, /^北大西洋公約組織秘書長呂特訪問基輔，與烏克蘭總統澤倫斯基會談後/);
});

test('English text gives events too, and the same date twice in one article is one event', () => {
  const a = article('x', ['Talks were held. On March 3, 2025, the two leaders signed a minerals deal in Washington.', '2025年3月3日，兩國領袖在華府簽署礦產協議。'], { languages: ['en', 'zh-Hant'], published_at: '2025-03-05' });
  const ev = extractEvents(a);
  assert.equal(ev.length, 1);
  assert.equal(ev[0].date, '2025-03-03');
  assert.match(ev[0].text, /^The two leaders signed a minerals deal/);
});

test('noise stays out: the dateline, historical years, amounts, statements dated only by 今天', () => {
  const a = article('x', ['（中央社台北15日電）行政院長今天表示，政府將持續關注。1994年簽署的備忘錄價值15億美元。'], { published_at: '2025-08-15', dateline: { place: '台北', day: 15 } });
  assert.deepEqual(extractEvents(a), []);
});
