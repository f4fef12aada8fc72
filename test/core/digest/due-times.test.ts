import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextDueAfter, latestDueAtOrBefore, parseClockTime, canonicalTimeZone } from '../../../src/core/digest/due-times.ts';

const iso = (d: Date) => d.toISOString();

test('next due time in Asia/Taipei (UTC+8, no DST)', () => {
  assert.equal(iso(nextDueAfter('08:00', 'Asia/Taipei', new Date('2026-11-21T23:59:00Z'))), '2026-11-22T00:00:00.000Z');
  // exactly at the due instant: the next one is the following day
  assert.equal(iso(nextDueAfter('08:00', 'Asia/Taipei', new Date('2026-11-22T00:00:00Z'))), '2026-11-23T00:00:00.000Z');
});

test('Europe/Berlin keeps 08:00 local across the spring and autumn changes', () => {
  // 2026-03-29: clocks go 02:00 → 03:00 (UTC+1 → UTC+2)
  assert.equal(iso(nextDueAfter('08:00', 'Europe/Berlin', new Date('2026-03-28T07:00:00Z'))), '2026-03-29T06:00:00.000Z');
  assert.equal(iso(nextDueAfter('08:00', 'Europe/Berlin', new Date('2026-03-27T12:00:00Z'))), '2026-03-28T07:00:00.000Z');
  // 2026-10-25: clocks go 03:00 → 02:00 (UTC+2 → UTC+1)
  assert.equal(iso(nextDueAfter('08:00', 'Europe/Berlin', new Date('2026-10-24T06:00:00Z'))), '2026-10-25T07:00:00.000Z');
  assert.equal(iso(nextDueAfter('08:00', 'Europe/Berlin', new Date('2026-10-25T07:00:00Z'))), '2026-10-26T07:00:00.000Z');
});

test('a local time inside the spring gap moves forward; a repeated autumn time is due once', () => {
  assert.equal(iso(nextDueAfter('02:30', 'Europe/Berlin', new Date('2026-03-28T12:00:00Z'))), '2026-03-29T01:30:00.000Z'); // 03:30 CEST
  const first = nextDueAfter('02:30', 'Europe/Berlin', new Date('2026-10-24T12:00:00Z'));
  const second = nextDueAfter('02:30', 'Europe/Berlin', first);
  assert.equal(iso(first).slice(0, 10), '2026-10-25');
  assert.equal(iso(second).slice(0, 10), '2026-10-26');
});

test('catch-up picks only the latest missed due time', () => {
  // down for three days: at 2026-11-24 09:00 Taipei the latest due is that morning's 08:00
  assert.equal(iso(latestDueAtOrBefore('08:00', 'Asia/Taipei', new Date('2026-11-24T01:00:00Z'))), '2026-11-24T00:00:00.000Z');
  assert.equal(iso(latestDueAtOrBefore('08:00', 'Asia/Taipei', new Date('2026-11-23T23:59:00Z'))), '2026-11-23T00:00:00.000Z');
  assert.equal(iso(latestDueAtOrBefore('08:00', 'Europe/Berlin', new Date('2026-03-29T06:00:00Z'))), '2026-03-29T06:00:00.000Z');
});

test('clock times and zones are validated', () => {
  assert.deepEqual(parseClockTime('7:05'), { hour: 7, minute: 5 });
  assert.equal(parseClockTime('24:00'), null);
  assert.equal(parseClockTime('08:60'), null);
  assert.equal(parseClockTime('8am'), null);
  assert.equal(canonicalTimeZone('europe/berlin'), 'Europe/Berlin');
  assert.equal(canonicalTimeZone('Mars/Olympus'), null);
});
