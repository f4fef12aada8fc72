// `newsbot ingest <folder>` starts the parse worker before loading the parsers (parse-thread.ts):
// a worker started that way is the one the loader then uses, even for a batch too small to
// start one itself (fewer than 16 documents). Its own process: the worker is per process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureParseWorker, parseWorker, startParseWorker } from '../../../src/core/loader/parse-thread.ts';
import { ParseAhead, parseCounts } from '../../../src/core/loader/parse-ahead.ts';

const CORPUS = 'test/fixtures/corpus';

test('a worker started early parses even a small batch, and is started once', async () => {
  assert.equal(parseWorker(), undefined, 'no worker before one is asked for');
  const early = ensureParseWorker();
  assert.ok(early, 'the worker starts');
  assert.equal(ensureParseWorker(), early, 'asking again gives the same worker');
  assert.equal(await startParseWorker(), true);
  const names = readdirSync(CORPUS).sort().slice(0, 3);
  const ahead = new ParseAhead();
  const before = parseCounts();
  const outcomes = names.map((n) => ahead.submit(readFileSync(join(CORPUS, n)), n)).map((k) => ahead.take(k));
  const after = parseCounts();
  assert.equal(after.byWorker - before.byWorker, names.length, 'the early worker parsed them');
  assert.equal(after.byLoader - before.byLoader, 0);
  assert.ok(outcomes.every((o) => o.ok && o.derived), 'with their derivations');
});
