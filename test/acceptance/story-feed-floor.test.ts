// Story grouping on a feed told by many outlets in both scripts, with decoys (npm run eval stories,
// second part), held to a floor so grouping cannot regress silently. Floors sit under the figures
// measured when they were set (README, "Story grouping").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPairs, scoreStoryFeed, TRADE_FLOOD_FEED } from '../../scripts/eval/story-feed.ts';

test('the Ukraine and typhoon feed: pairwise precision >= 0.9 and recall >= 0.65, far above the title baseline', async () => {
  const { ours, base } = await scoreStoryFeed();
  console.log(`# stories-ukraine ${formatPairs(ours)} (baseline ${formatPairs(base)})`);
  const precision = ours.tp / (ours.tp + ours.fp);
  const recall = ours.tp / (ours.tp + ours.fn);
  assert.ok(precision >= 0.9, `precision ${precision}: ${ours.wrong.join(' / ')}`);
  assert.ok(recall >= 0.65, `recall ${recall}`);
  assert.ok(ours.tp > 10 * base.tp);
});

test('the trade-talks and flood feed: pairwise precision >= 0.9 and recall >= 0.6; no editorial or roundup joins a report', async () => {
  const { ours, base } = await scoreStoryFeed(TRADE_FLOOD_FEED);
  console.log(`# stories-trade-flood ${formatPairs(ours)} (baseline ${formatPairs(base)})`);
  const precision = ours.tp / (ours.tp + ours.fp);
  const recall = ours.tp / (ours.tp + ours.fn);
  assert.ok(precision >= 0.9, `precision ${precision}: ${ours.wrong.join(' / ')}`);
  assert.ok(recall >= 0.6, `recall ${recall}`);
  assert.deepEqual(ours.wrong.filter((w) => /社论|懶人包/.test(w)), []);
});
