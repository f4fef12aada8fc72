// The `npm run eval dates` figures held to a floor, so date reading cannot regress silently.
// Floors sit a little under the figures measured when they were set (README, "Dates").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreCases } from '../../scripts/eval/dates.ts';
import { scoreExpressions } from '../../scripts/eval/time-expressions.ts';

test('Duckling\'s Chinese expressions: day-grain accuracy at or above its floor, per set', () => {
  const rows = scoreCases(false);
  const rate = (set: typeof rows, conv: 'future' | 'past') => set.filter((r) => r.got[conv] === r.gold[conv]).length / set.length;
  const news = rows.filter((r) => r.kind !== 'other-calendar feast');
  const feasts = rows.filter((r) => r.kind === 'other-calendar feast');
  const figures: [string, number, number][] = [
    ['news-style, future', rate(news, 'future'), 0.92],
    ['news-style, past', rate(news, 'past'), 0.895],
    ['feasts of other calendars, future', rate(feasts, 'future'), 0.70],
    ['all, future', rate(rows, 'future'), 0.86],
  ];
  for (const [label, got, floor] of figures) {
    console.log(`# ${label} ${(100 * got).toFixed(1)} % (floor ${100 * floor} %)`);
    assert.ok(got >= floor, `${label}: ${(100 * got).toFixed(1)} % < ${100 * floor} %`);
  }
});

test('expressions written without seeing the resolver: day-grain accuracy at or above its floor', () => {
  const rows = scoreExpressions();
  const got = rows.filter((r) => r.day).length / rows.length;
  console.log(`# time-expressions ${(100 * got).toFixed(1)} % (floor 92 %)`);
  assert.ok(got >= 0.92, `${(100 * got).toFixed(1)} % < 92 %`);
});
