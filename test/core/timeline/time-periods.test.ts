// Date and time expressions news text uses beyond days and clock times: parts of a month, quarters,
// years in Chinese digits or the ROC count, a day word with its part of the day (昨晚), the day
// inside 昨（24）日 whatever the convention, a year before a holiday, quarter hours, Taiwanese
// holidays, and a time already past today when preferring the future. Invented examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimeSpans, parseReferenceTime } from '../../../src/core/timeline/time-spans.ts';
import { findDateReferences } from '../../../src/core/timeline/resolve-dates.ts';

const at = (iso: string) => parseReferenceTime(iso)!;
const first = (text: string, ref: string, prefer: 'news' | 'future' | 'past' = 'future') => {
  const s = findTimeSpans(text, at(ref), prefer)[0];
  return s ? [s.text, s.start, s.grain] : null;
};

test('parts of a month: 上旬, 中旬, 下旬, 月初, 月底', () => {
  assert.deepEqual(first('本月中旬', '2021-07-20T10:00:00+08:00'), ['本月中旬', '2021-07-11T00:00:00', 'day']);
  assert.deepEqual(first('上個月下旬', '2021-03-02T10:00:00+08:00'), ['上個月下旬', '2021-02-21T00:00:00', 'day']);
  assert.deepEqual(first('预计2027年5月上旬完工', '2021-03-02T10:00:00+08:00'), ['2027年5月上旬', '2027-05-01T00:00:00', 'day']);
  assert.deepEqual(first('下月初', '2021-12-15T10:00:00+08:00'), ['下月初', '2022-01-01T00:00:00', 'day']);
  assert.equal(findTimeSpans('月底', at('2021-02-03T10:00:00+08:00'))[0]?.end, '2021-02-28T23:59:59');
  assert.deepEqual(findTimeSpans('在漫长岁月中成长', at('2021-02-03T10:00:00+08:00')), [], '岁月中 is no date');
});

test('quarters, ROC years, years in Chinese digits and inside the relative word', () => {
  assert.deepEqual(first('上个季度', '2021-08-05T10:00:00+08:00'), ['上个季度', '2021-04-01T00:00:00', 'quarter']);
  assert.deepEqual(first('下季度', '2021-11-05T10:00:00+08:00'), ['下季度', '2022-01-01T00:00:00', 'quarter']);
  assert.deepEqual(first('營收在114年第2季創新高', '2026-01-05T10:00:00+08:00'), ['114年第2季', '2025-04-01T00:00:00', 'quarter']);
  assert.deepEqual(first('二〇一九年', '2021-08-05T10:00:00+08:00'), ['二〇一九年', '2019-01-01T00:00:00', 'year']);
  assert.deepEqual(first('民國110年', '2024-08-05T10:00:00+08:00'), ['民國110年', '2021-01-01T00:00:00', 'year']);
  assert.deepEqual(first('去(2022)年', '2023-08-05T10:00:00+08:00'), ['去(2022)年', '2022-01-01T00:00:00', 'year']);
  assert.deepEqual(first('下下週', '2021-08-04T10:00:00+08:00'), ['下下週', '2021-08-16T00:00:00', 'week']);
  assert.deepEqual(first('第三季度财报', '2021-01-04T10:00:00+08:00', 'news')?.slice(0, 2), ['第三季度', '2020-07-01T00:00:00']);
  assert.deepEqual(first('第三季度财报', '2021-01-04T10:00:00+08:00')?.slice(0, 2), ['第三季度', '2021-07-01T00:00:00']);
  assert.deepEqual(findTimeSpans('秋季賽與季節限定', at('2021-08-04T10:00:00+08:00')), [], 'a season is no quarter');
});

test('a day word with its part of the day, and a clock time inside it', () => {
  assert.deepEqual(first('警方昨晚11時接獲報案', '2021-06-15T09:00:00+08:00', 'news'), ['昨晚11時', '2021-06-14T23:00:00', 'hour']);
  assert.deepEqual(first('明早7點出發', '2021-06-15T09:00:00+08:00'), ['明早7點', '2021-06-16T07:00:00', 'hour']);
  assert.deepEqual(first('今晨', '2021-06-15T09:00:00+08:00')?.slice(0, 2), ['今晨', '2021-06-15T04:00:00']);
  assert.deepEqual(first('今天傍晚6點', '2021-06-15T09:00:00+08:00'), ['今天傍晚6點', '2021-06-15T18:00:00', 'hour']);
  assert.deepEqual(first('下午三點一刻', '2021-06-15T09:00:00+08:00'), ['下午三點一刻', '2021-06-15T15:15:00', 'minute']);
  assert.deepEqual(first('晚上7點三刻', '2021-06-15T09:00:00+08:00'), ['晚上7點三刻', '2021-06-15T19:45:00', 'minute']);
  // 今晚報 and 光明日報 are newspapers; 今日報導 and 明日報到 are a day and a verb.
  const ctx = { anchor: { y: 2021, m: 6, d: 15 }, anchorDay: 15 };
  assert.equal(findDateReferences('據今晚報報導', ctx).length, 0);
  assert.equal(findDateReferences('光明日報刊文指出', ctx).length, 0);
  assert.equal(findDateReferences('據日本媒體今日報導', ctx)[0]?.date, '2021-06-15');
  assert.equal(findDateReferences('新生明日報到', ctx)[0]?.date, '2021-06-16');
});

test('昨（24）日 is before the report and 明(26)日 after it, even preferring the future', () => {
  assert.equal(first('行政院長昨（24）日晚間出席活動', '2025-09-25T11:00:00+08:00')?.[1], '2025-09-24T18:00:00');
  assert.equal(first('颱風明(26)日登陸', '2025-09-25T11:00:00+08:00', 'past')?.[1], '2025-09-26T00:00:00');
});

test('a year before a holiday, and holidays Taiwan keeps', () => {
  assert.equal(first('去年圣诞节', '2023-05-02T14:00:00+08:00')?.[1], '2022-12-25T00:00:00');
  assert.equal(first('明年國慶', '2023-05-02T14:00:00+08:00')?.[1], '2024-10-10T00:00:00');
  assert.equal(first('開國紀念日', '2025-11-30T20:00:00+08:00')?.[1], '2026-01-01T00:00:00');
  assert.equal(first('和平紀念日', '2025-11-30T20:00:00+08:00')?.[1], '2026-02-28T00:00:00');
  assert.equal(first('聖誕夜', '2025-11-30T20:00:00+08:00')?.[1], '2025-12-24T00:00:00');
  assert.equal(first('教師節', '2025-08-30T20:00:00+08:00')?.[1], '2025-09-28T00:00:00');
  assert.equal(first('教师节', '2025-08-30T20:00:00+08:00')?.[1], '2025-09-10T00:00:00');
});

test('preferring the future, a time of day already past is tomorrow’s; 今晚 and the news convention keep today', () => {
  assert.equal(first('上午10點', '2024-02-29T15:20:00+08:00')?.[1], '2024-03-01T10:00:00');
  assert.equal(first('14時30分', '2024-02-29T15:20:00+08:00')?.[1], '2024-03-01T14:30:00');
  assert.equal(first('14時30分', '2024-02-29T15:20:00+08:00', 'news')?.[1], '2024-02-29T14:30:00');
  assert.equal(first('今晚8點', '2024-02-29T21:20:00+08:00')?.[1], '2024-02-29T20:00:00');
  assert.equal(first('半小時後', '2024-02-29T23:50:00+08:00')?.[1], '2024-03-01T00:20:00');
  assert.equal(first('一个月以前', '2024-02-29T15:20:00+08:00')?.[1], '2024-01-01T00:00:00');
});
