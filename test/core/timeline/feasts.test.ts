import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDateContext, findDateReferences } from '../../../src/core/timeline/resolve-dates.ts';
import { formatDate } from '../../../src/core/timeline/calendar.ts';
import { holidayDate } from '../../../src/core/timeline/holidays.ts';

const inYear = (name: string, y: number) => {
  const d = holidayDate(name, y, null, 'news');
  return d && formatDate(d);
};
const dates = (text: string, y: number, m: number, d: number) => findDateReferences(text, buildDateContext({ y, m, d }, null)).map((r) => r.date);

// Published calendars (Hong Kong Observatory, Umm al-Qura, hebcal.com), not this code's output.
test('Chinese lunar festivals and 清明 fall on their day in any year', () => {
  assert.equal(inYear('春節', 2026), '2026-02-17');
  assert.equal(inYear('除夕', 2025), '2025-01-28');
  assert.equal(inYear('元宵節', 2025), '2025-02-12');
  assert.equal(inYear('端午节', 2025), '2025-05-31');
  assert.equal(inYear('中秋', 2024), '2024-09-17');
  assert.equal(inYear('中秋節', 1999), '1999-09-24');
  assert.equal(inYear('重阳节', 2023), '2023-10-23');
  assert.equal(inYear('清明节', 2026), '2026-04-05');
  assert.equal(inYear('清明節', 2024), '2024-04-04');
  // A leap month (閏六月 2025) never stands in for the plain one: 七夕 is in the plain seventh month.
  assert.equal(inYear('七夕', 2025), '2025-08-29');
});

test('Easter and the feasts counted from it, Western and Orthodox', () => {
  assert.equal(inYear('复活节', 2025), '2025-04-20');
  assert.equal(inYear('復活節', 2024), '2024-03-31');
  assert.equal(inYear('耶穌受難日', 2024), '2024-03-29');
  assert.equal(inYear('圣灰星期三', 2025), '2025-03-05');
  assert.equal(inYear('圣灵降临节', 2025), '2025-06-08');
  assert.equal(inYear('东正教复活节', 2024), '2024-05-05');
  assert.equal(inYear('東正教復活節', 2023), '2023-04-16');
});

test('Islamic feasts follow the Umm al-Qura calendar; Jewish feasts are dated by the evening they begin', () => {
  assert.equal(inYear('开斋节', 2024), '2024-04-10');
  assert.equal(inYear('古尔邦节', 2024), '2024-06-16');
  assert.equal(inYear('斋月', 2025), '2025-03-01');
  assert.equal(inYear('赎罪日', 2024), '2024-10-11');
  assert.equal(inYear('逾越节', 2025), '2025-04-12');
  assert.equal(inYear('光明節', 2024), '2024-12-25');
  assert.equal(inYear('犹太新年', 2025), '2025-09-22');
});

test('in an article, a feast without a year is the occurrence nearest the report, the past preferred', () => {
  assert.deepEqual(dates('中秋節晚上，數千人湧入公園賞月。', 2025, 10, 8), ['2025-10-06']);
  assert.deepEqual(dates('今年復活節前夕，教宗發表談話。', 2025, 4, 25), ['2025-04-20']);
  assert.deepEqual(dates('2024年端午節連假', 2025, 1, 5), ['2024-06-10']);
  assert.deepEqual(dates('斋月期间，加沙停火谈判陷入僵局。', 2025, 3, 10), ['2025-03-01']);
});

test('words that only look like feasts are no dates', () => {
  assert.deepEqual(dates('復活節島上的石像', 2025, 4, 25), []);
  assert.deepEqual(dates('五旬节教会的牧师说', 2025, 4, 25), []);
  assert.deepEqual(dates('政治清明，元宵好吃', 2025, 4, 25), []);
});
