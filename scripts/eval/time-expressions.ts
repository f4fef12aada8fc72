/**
 * The second part of `npm run eval dates`: 220 Chinese date and time expressions a helper wrote
 * without seeing the resolver (test/fixtures/time-expressions: 13 reference times from 2019 to
 * 2026 at UTC+8, month and year ends, a leap day; Simplified and Traditional, news clauses). Scored
 * with the future convention the set was written in; right = the first span starts on the expected
 * day (and, a stricter figure, at the expected minute). chrono-node's zh parsers in the same run.
 */
import { readFileSync } from 'node:fs';
import * as chrono from 'chrono-node';
import { findTimeSpans, type ReferenceTime } from '../../src/core/timeline/time-spans.ts';

export const TIME_EXPRESSIONS = 'test/fixtures/time-expressions/cases.jsonl';

interface Case {
  text: string;
  base: string;
  base_tz: string;
  expected: { value?: string; from?: string };
  group: string;
}

export interface ExpressionRow {
  c: Case;
  day: boolean;
  minute: boolean;
  chrono: boolean;
  got: string | null;
}

/** Every case with newsbot's first span and whether it (and chrono-node) is right. */
export function scoreExpressions(file = TIME_EXPRESSIONS): ExpressionRow[] {
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => {
    const c = JSON.parse(l) as Case;
    const off = /UTC([+-])(\d{2}):(\d{2})/.exec(c.base_tz)!;
    const offsetMinutes = (off[1] === '-' ? -1 : 1) * (+off[2] * 60 + +off[3]);
    const at: ReferenceTime = { ms: Date.parse(c.base.replace(' ', 'T') + 'Z') - offsetMinutes * 60_000, offsetMinutes };
    const exp = (c.expected.value ?? c.expected.from)!;
    const got = findTimeSpans(c.text, at, 'future')[0]?.start ?? null;
    const ref = { instant: new Date(at.ms), timezone: offsetMinutes };
    const hit = [...chrono.zh.hans.parse(c.text, ref, { forwardDate: true }), ...chrono.zh.hant.parse(c.text, ref, { forwardDate: true })].sort((a, b) => a.index - b.index)[0];
    const chronoDay = hit ? new Date(hit.start.date().getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10) : null;
    return { c, got, day: got?.slice(0, 10) === exp.slice(0, 10), minute: got?.slice(0, 16).replace('T', ' ') === exp.slice(0, 16), chrono: chronoDay === exp.slice(0, 10) };
  });
}

/** Prints the figures, by group, and the misses. */
export function printExpressions(): void {
  const rows = scoreExpressions();
  const pct = (n: number) => `${((100 * n) / rows.length).toFixed(1)} % (${n}/${rows.length})`;
  console.log(`\n${TIME_EXPRESSIONS}: ${rows.length} expressions written without seeing the resolver (future convention)`);
  console.log(`  first span on the expected day: newsbot ${pct(rows.filter((r) => r.day).length)}, chrono-node ${pct(rows.filter((r) => r.chrono).length)}`);
  console.log(`  at the expected minute: newsbot ${pct(rows.filter((r) => r.minute).length)}`);
  for (const g of [...new Set(rows.map((r) => r.c.group))]) {
    const set = rows.filter((r) => r.c.group === g);
    console.log(`  ${g.padEnd(10)} ${set.filter((r) => r.day).length}/${set.length}`);
  }
  for (const r of rows.filter((x) => !x.day)) console.log(`  miss: ${r.c.text} @${r.c.base} expected ${r.c.expected.value ?? r.c.expected.from} got ${r.got ?? 'nothing'}`);
}
