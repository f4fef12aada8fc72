import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDateContext, findDateReferences, parseNumber } from '../../../src/core/timeline/resolve-dates.ts';
import { nearestDayOfMonth, publicationDate } from '../../../src/core/timeline/calendar.ts';

const at = (y: number, m: number, d: number) => buildDateContext({ y, m, d }, null);
const dates = (text: string, ctx = at(2025, 8, 21)) => findDateReferences(text, ctx).map((r) => r.date ?? `day ${r.day}`);

test('day-only references resolve to the nearest such day around the publication date, past preferred', () => {
  assert.deepEqual(dates('他18日還強調準備派遣美軍，柯比20日晚間在會議中明言'), ['2025-08-18', '2025-08-20']);
  // Written on the 10th, "於12日訪問" announces the 12th of the same month, not November's.
  assert.deepEqual(dates('邀請澤倫斯基於12日訪問白宮', at(2023, 12, 10)), ['2023-12-12']);
  // The 30th read on 2025-08-05 is July 30th.
  assert.deepEqual(dates('30日發生空襲', at(2025, 8, 5)), ['2025-07-30']);
  // Across a year boundary.
  assert.deepEqual(dates('29日宣布', at(2025, 1, 2)), ['2024-12-29']);
  // No 30th within reach of March 1st (February has none): left unresolved rather than guessed.
  assert.equal(nearestDayOfMonth({ y: 2025, m: 3, d: 1 }, 30), null);
  assert.deepEqual(findDateReferences('30日', at(2025, 3, 1)).map((r) => [r.date, r.day]), [[null, 30]]);
});

test('full dates, ISO dates, month-day with the year from context, ROC years', () => {
  assert.deepEqual(dates('2025年10月17日下午'), ['2025-10-17']);
  assert.deepEqual(dates('會議訂於2025-10-17舉行，2025/1/5公布'), ['2025-10-17', '2025-01-05']);
  assert.deepEqual(dates('10月17日抵達', at(2025, 10, 19)), ['2025-10-17']);
  assert.deepEqual(dates('12月30日宣布', at(2026, 1, 3)), ['2025-12-30']);
  assert.deepEqual(dates('113年12月29日發生'), ['2024-12-29']);
  assert.deepEqual(dates('民國113年1月2日'), ['2024-01-02']);
});

test('Chinese numerals', () => {
  assert.equal(parseNumber('十四'), 14);
  assert.equal(parseNumber('二十一'), 21);
  assert.equal(parseNumber('廿'), 20);
  assert.equal(parseNumber('卅一'), 31);
  assert.equal(parseNumber('二〇二五'), 2025);
  assert.deepEqual(dates('十四日舉行'), ['2025-08-14']);
  assert.deepEqual(dates('二〇二五年十月十七日'), ['2025-10-17']);
  assert.deepEqual(dates('十月二十日'), ['2025-10-20']);
});

test('English dates', () => {
  assert.deepEqual(dates('On the afternoon of October 17, 2025, he arrived'), ['2025-10-17']);
  assert.deepEqual(dates('Talks resumed on Oct. 17 and on 3 September 2024'), ['2025-10-17', '2024-09-03']);
  assert.deepEqual(dates('He said yesterday that today matters', at(2025, 8, 21)), ['2025-08-20', '2025-08-21']);
});

test('relative references: 今天 is the dateline day, 昨天/前天/明天 shift it, 隔天 follows the previous reference', () => {
  // Published 2023-12-10T21:28Z (Taipei: the 11th), dateline Washington 10th: 今天 is the 10th.
  const ctx = buildDateContext(publicationDate('2023-12-10T21:28:00.000Z'), 10);
  assert.deepEqual(dates('今天表示，昨天說，前天到，明天走', ctx), ['2023-12-10', '2023-12-09', '2023-12-08', '2023-12-11']);
  assert.deepEqual(dates('他18日還強調準備派遣美軍，但隔天就收回說法，當天稍晚又改口'), ['2025-08-18', '2025-08-19', '2025-08-19']);
  assert.deepEqual(dates('隔天就收回說法'), [], 'no previous reference: nothing to follow');
});

test('unknown publication date: day only, never an invented month', () => {
  const ctx = buildDateContext(null, 15);
  const refs = findDateReferences('經14、15日兩天來的會談，美方官員今天表示', ctx);
  assert.deepEqual(
    refs.map((r) => [r.date, r.day]),
    [
      [null, 15],
      [null, 15],
    ],
  );
  assert.deepEqual(findDateReferences('2025年10月17日', buildDateContext(null, null)).map((r) => r.date), ['2025-10-17']);
  assert.deepEqual(findDateReferences('18日', buildDateContext(null, null)).map((r) => [r.date, r.day]), [[null, 18]]);
});

test('not date references: vague words, years alone, months alone, amounts, durations', () => {
  for (const s of ['日前聲稱', '上週擋下', '近日持續', '1994年簽署', '在7月一度凍結', '8月時說', '100日元', '5日內完成', '數日後', '北溪2號', '約14%的頓內茨克', '今日美國報導', '第3日', '今天的中國應該學習', '時至今日', '直到今天']) {
    assert.deepEqual(dates(s), [], s);
  }
});

test('weekdays: the nearest such day, past preferred unless the clause is future; 上/下 are the week before/after', () => {
  const monday = at(2025, 12, 15);
  const wednesday = at(2025, 12, 17);
  assert.deepEqual(dates('澤連斯基周六晚間在烏克蘭發表全國講話', monday), ['2025-12-13']);
  assert.deepEqual(dates('他星期天抵達', wednesday), ['2025-12-14']);
  assert.deepEqual(dates('週四再談', wednesday), ['2025-12-18'], 'tomorrow is nearer than last Thursday');
  assert.deepEqual(dates('雙方預計週三在柏林會面', monday), ['2025-12-17'], '預計: to come');
  assert.deepEqual(dates('上週五會談，下星期一再談', monday), ['2025-12-12', '2025-12-22']);
  assert.deepEqual(dates('禮拜一', wednesday), ['2025-12-15']);
  // Not weekdays: every Wednesday, three times a week, a person named 周一鳴, no publication date.
  assert.deepEqual(dates('每週三開會，一周三次，周一鳴表示', wednesday), []);
  assert.deepEqual(findDateReferences('週六', buildDateContext(null, 15)), []);
});

test('a weekday labelling a date is part of it, and the future reading needs a future word in its own clause', () => {
  const tuesday = at(2020, 3, 3);
  assert.deepEqual(dates('9月29日星期六，他進入領事館', at(2018, 10, 19)), ['2018-09-29']);
  assert.deepEqual(dates('10月3日（週三）', at(2018, 10, 19)), ['2018-10-03']);
  assert.deepEqual(dates('美国国务院官员周一宣布，将对四家中国媒体公司实施限制', tuesday), ['2020-03-02']);
});

test('weekday words inside names are not dates', () => {
  const d = at(2021, 1, 3);
  assert.deepEqual(dates('黑色星期五的特價、《星期日泰晤士報》、星期三協會、每個禮拜日', d), []);
});
