// The parse worker takes a batch's first documents too: the storing thread waits while the worker
// warms up instead of parsing them cold itself, and every outcome equals a parse on this thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParseAhead, parseCounts } from '../../../src/core/loader/parse-ahead.ts';
import { parseOutcome } from '../../../src/core/loader/parse-outcome.ts';

const CORPUS = 'test/fixtures/corpus';

test('documents queued before the worker started are parsed by it, not by the storing thread, with the same outcome', () => {
  // A fresh process: no worker yet; it starts on the 16th document and gets the 15 before it too.
  const names = readdirSync(CORPUS).sort().slice(0, 24);
  const ahead = new ParseAhead();
  const before = parseCounts();
  const keys = names.map((n) => ahead.submit(readFileSync(join(CORPUS, n)), n));
  const outcomes = keys.map((k) => ahead.take(k));
  const after = parseCounts();
  assert.equal(after.byLoader - before.byLoader, 0, 'the storing thread parsed none while the worker warmed up');
  assert.equal(after.byWorker - before.byWorker, names.length);
  for (const [i, n] of names.entries()) {
    const here = parseOutcome(readFileSync(join(CORPUS, n)), n);
    assert.ok(outcomes[i].ok && here.ok, n);
    assert.deepEqual(outcomes[i].ok && outcomes[i].article, here.ok && here.article, n);
  }
});
