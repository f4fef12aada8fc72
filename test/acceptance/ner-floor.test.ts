// The rules' `npm run eval ner` figures held to a floor, so name recognition cannot regress
// silently. Floors sit a little under the figures measured when they were set (README, "/who").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeNames } from '../../src/core/entities/recognize-names.ts';
import { loadRows, toCodePoints } from '../../scripts/eval/ner-data.ts';

const HELD_OUT = 'test/fixtures/ner-heldout/sentences.jsonl';

const FLOOR = { PER: 0.90, ORG: 0.80, LOC: 0.865 } as const;

const HELD_OUT_FLOOR = { PER: 0.875, ORG: 0.755, LOC: 0.83 } as const;

test('NER on the People\'s Daily dev sentences: exact-span F1 per type at or above its floor', () => check(loadRows(), FLOOR));

test('NER on sentences written without seeing the recogniser: exact-span F1 per type at or above its floor', () => check(loadRows(HELD_OUT), HELD_OUT_FLOOR));

function check(rows: ReturnType<typeof loadRows>, floor: Record<'PER' | 'ORG' | 'LOC', number>): void {
  const st = { PER: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 } };
  for (const r of rows) {
    const key = (e: { start: number; end: number; type: string }) => `${e.start}:${e.end}:${e.type}`;
    const gold = new Set(r.entities.map(key));
    const pred = new Set(recognizeNames(r.text).map((s) => key(toCodePoints(r.text, s))));
    for (const p of pred) { const s = st[p.split(':')[2] as keyof typeof st]; if (gold.has(p)) s.tp++; else s.fp++; }
    for (const g of gold) if (!pred.has(g)) st[g.split(':')[2] as keyof typeof st].fn++;
  }
  for (const type of ['PER', 'ORG', 'LOC'] as const) {
    const { tp, fp, fn } = st[type];
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    console.log(`# ${type} F1 ${f1.toFixed(3)} (floor ${floor[type]})`);
    assert.ok(f1 >= floor[type], `${type} F1 ${f1.toFixed(3)} < ${floor[type]}`);
  }
}
