// bodySignature must stay equal to MinHash over the 5-character shingle strings: signatures are
// stored, and a drift would stop new articles from matching those already in a database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodySignature, foldForShingles, minHash } from '../../../src/core/stories/signatures.ts';
import { parseDocument } from '../../../src/core/ingest/parse-document.ts';

/** The straightforward definition: the set of 5-character shingle strings of the folded body. */
function shingleStrings(body: string): Set<string> {
  const s = foldForShingles(body).replace(/ /g, '');
  const out = new Set<string>();
  for (let i = 0; i + 5 <= s.length; i++) out.add(s.slice(i, i + 5));
  if (!out.size && s) out.add(s);
  return out;
}

test('bodySignature equals MinHash over the shingle strings, on real bodies and edge cases', () => {
  const dir = 'test/fixtures/corpus';
  const bodies = readdirSync(dir)
    .sort()
    .filter((_, i) => i % 8 === 0)
    .map((n) => parseDocument(readFileSync(join(dir, n)), n).paragraphs.map((p) => p.text).join('\n\n'));
  bodies.push('', 'abc', '澤倫斯基', 'Zelenskyy 與 澤連斯基 met — 𠀀𠀁𠀂 ﬁve', ' \n ');
  for (const body of bodies) assert.deepEqual([...bodySignature(body)], [...minHash(shingleStrings(body))], body.slice(0, 40));
  assert.ok(bodies.length > 40);
});
