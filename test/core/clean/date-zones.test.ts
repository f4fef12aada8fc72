// Dates as outlets beyond Taiwan print them: a zone label after the time, summer time included,
// a day-first dotted date, a time printed before its day, a bar between day and time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDateInText } from '../../../src/core/clean/dates.ts';

const at = (t: string, zone: string | null = '+08:00') => findDateInText(t, zone)?.iso;

test('a zone printed after the time beats the outlet zone, with US and European summer time', () => {
  assert.equal(at('2023.03.14 09:05 EDT'), '2023-03-14T09:05:00-04:00');
  assert.equal(at('2023年1月9日 08:00 (美東時間)'), '2023-01-09T08:00:00-05:00');
  assert.equal(at('2023年8月9日 08:00 (美東時間)'), '2023-08-09T08:00:00-04:00');
  assert.equal(at('2023-03-11 08:00 美東時間'), '2023-03-11T08:00:00-05:00', 'the day before the second Sunday of March');
  assert.equal(at('2023-03-12 08:00 美東時間'), '2023-03-12T08:00:00-04:00');
  assert.equal(at('2023-10-29 10:00 德國時間'), '2023-10-29T10:00:00+01:00', 'the last Sunday of October ends it');
  assert.equal(at('2023-10-28 10:00 德國時間'), '2023-10-28T10:00:00+02:00');
  assert.equal(at('2023-05-02 18:30 HKT', null), '2023-05-02T18:30:00+08:00', 'a label needs no outlet zone');
  assert.equal(at('2023-05-02 18:30 GMT'), '2023-05-02T18:30:00+00:00');
});

test('day-first dotted dates, a time before its day, a bar between day and time', () => {
  assert.equal(at('14.03.2023'), '2023-03-14');
  assert.equal(at('發佈時間：09:05 2023-03-14 HKT'), '2023-03-14T09:05:00+08:00');
  assert.equal(at('發布 2023.03.14 | 09:05'), '2023-03-14T09:05:00+08:00');
  assert.equal(at('2023年03月14日09:05 | 来源：某某网'), '2023-03-14T09:05:00+08:00');
  assert.equal(at('版本 v1.3.2023'), undefined, 'a version number is no date');
});

test('Xinhua prints the year, a space, then month/day', () => {
  assert.equal(at('2023 03/14 16:42:08'), '2023-03-14T16:42:08+08:00');
});
