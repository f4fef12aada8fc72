// The `npm run eval extraction` figures held to a floor, so extraction quality cannot regress silently.
// Floors sit a little under the figures measured when they were set (README, "Extraction quality").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mean, scoreBodies, scoreMetadata, scoreSiteRepeats, scoreTwBodies } from '../../scripts/eval/extraction-figures.ts';

const bodies = scoreBodies();
const tw = scoreTwBodies();
const other = scoreTwBodies('test/fixtures/other-outlets');
const meta = scoreMetadata();

const share = (field: string) => {
  const rows = meta.filter((m) => m.field === field && m.set !== 'other-outlets');
  return rows.filter((m) => m.oursOk).length / rows.length;
};

test('extraction-zh as HTML: mean body F1 >= 0.97 and above Readability on the same pages', () => {
  const ours = mean(bodies.html.map((s) => s.ours));
  const base = mean(bodies.html.map((s) => s.baseline));
  console.log(`# html mean F1 ${ours.toFixed(3)} (readability ${base.toFixed(3)})`);
  assert.ok(ours >= 0.97, `mean ${ours}`);
  assert.ok(ours > base, `ours ${ours} <= readability ${base}`);
  assert.deepEqual(bodies.html.filter((s) => s.error).map((s) => `${s.id}: ${s.error}`), []);
});

test('extraction-zh as text dumps: mean body F1 >= 0.92, every page parses', () => {
  const ours = mean(bodies.text.map((s) => s.ours));
  console.log(`# text mean F1 ${ours.toFixed(3)}`);
  assert.ok(ours >= 0.92, `mean ${ours}`);
  assert.deepEqual(bodies.text.filter((s) => s.error).map((s) => `${s.id}: ${s.error}`), []);
});

test('Taiwanese outlet shapes: mean body F1 >= 0.97, each >= 0.9, no furniture in any body', () => {
  assert.equal(tw.length, 12);
  const ours = mean(tw.map((s) => s.ours));
  console.log(`# tw mean F1 ${ours.toFixed(3)}`);
  assert.ok(ours >= 0.97, `mean ${ours}`);
  for (const s of tw) assert.ok(s.ours >= 0.9, `${s.id}: ${s.ours}`);
  for (const s of tw) assert.deepEqual(s.leaks, [], s.id);
});

test('94 other outlets (written without seeing the loader): mean body F1 >= 0.98, each >= 0.75, little furniture left', () => {
  assert.equal(other.length, 188);
  const ours = mean(other.map((s) => s.ours));
  console.log(`# other outlets mean F1 ${ours.toFixed(3)}`);
  assert.ok(ours >= 0.98, `mean ${ours}`);
  // (cnews.html, 0.78: its HTML body stops at an ad line Readability keeps whole; README, seventh set.)
  for (const s of other) assert.ok(s.ours >= 0.75, `${s.id}: ${s.ours}`);
  assert.ok(other.reduce((n, s) => n + s.leaks.length, 0) <= 40, JSON.stringify(other.filter((s) => s.leaks.length).map((s) => [s.id, s.leaks])));
  // Headlines and dates as on the sets below; bylines a little lower (README: the third set's misses).
  const share = (field: string) => {
    const rows = meta.filter((m) => m.set === 'other-outlets' && m.field === field);
    return rows.filter((m) => m.oursOk).length / rows.length;
  };
  console.log(`# other outlets title ${share('title').toFixed(3)} date ${share('date').toFixed(3)} byline ${share('byline').toFixed(3)}`);
  // Bylines lower still: the seventh set (Taiwanese broadcasters, 大紀元, 新唐人) shows writers the rules miss (README).
  assert.ok(share('title') >= 0.95 && share('date') >= 0.95 && share('byline') >= 0.9);
});

test('headline, publication date and byline right on >= 95 % of the pages that show them (the sets before the helper-written outlets)', () => {
  console.log(`# title ${share('title').toFixed(3)} date ${share('date').toFixed(3)} byline ${share('byline').toFixed(3)}`);
  assert.ok(share('title') >= 0.95);
  assert.ok(share('date') >= 0.95);
  assert.ok(share('byline') >= 0.95);
  // The Taiwanese shapes are all right: every headline, date (to the minute, Taipei time) and reporter.
  const twMiss = meta.filter((m) => m.set === 'tw-pages' && !m.oursOk);
  assert.deepEqual(twMiss.map((m) => `${m.page} ${m.field}: ${m.ours}`), []);
});

test('the corpus ingested into a fresh database: no short line a site repeats in 4+ posts is left in any body', async () => {
  const r = await scoreSiteRepeats();
  console.log(`# repeated site lines: ${r.stored} stored, ${r.parsedAlone} with each post parsed alone`);
  assert.equal(r.articles, 325);
  assert.ok(r.parsedAlone > 100, 'the corpus has site furniture to learn');
  assert.equal(r.stored, 0);
});
