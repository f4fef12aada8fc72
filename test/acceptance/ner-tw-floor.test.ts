// `npm run eval ner-tw` held to a floor: the share of names framed in Taiwanese news (title, name,
// verb of speech) that ingest stores as people. Floors sit under the figures measured when set (README).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameRecall } from '../../scripts/eval/ner-tw.ts';

const FLOOR: Record<string, number> = { Chinese: 0.95, transliterated: 0.85 };

test('Taiwanese news: people framed as names are stored as people at or above the floor, far above jieba alone', () => {
  for (const { label, n, ours, base } of frameRecall()) {
    const floor = FLOOR[label.split(' ')[0]];
    console.log(`# ${label}: ${ours}/${n} (floor ${floor}), jieba ${base}/${n}`);
    assert.ok(n >= 50, `${label}: only ${n} frames; the fixture or the frames changed`);
    assert.ok(ours / n >= floor, `${label}: ${(ours / n).toFixed(3)} < ${floor}`);
    assert.ok(ours > 2 * base, `${label}: ${ours} not well above jieba's ${base}`);
  }
});
