// Issue 15's "done when": three worker processes and one gateway process (real `newsbot start`,
// real PostgreSQL and Redis) against the fake Discord at 2 shards and the Telegram emulator, 2,000
// digests due in one minute, one worker SIGKILLed mid-run. `npm run bench cluster` runs the same
// scenario with 1 and 3 workers and prints the throughput.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runClusterScenario } from '../helpers/cluster-harness.ts';

test('2,000 digests across 3 workers, one killed mid-run: each delivered once, none lost, no 429; feeds polled across workers, politely per host', { timeout: 480_000 }, async () => {
  const lines: string[] = [];
  const r = await runClusterScenario({ workers: 3, kill: true, subs: 2000, feeds: 8, log: (s) => lines.push(s) });
  const tail = lines.slice(-15).join('\n');
  assert.equal(r.killed, 1, 'a worker was killed mid-run');
  assert.equal(r.duplicates, 0, `duplicates\n${tail}`);
  assert.equal(r.lost, 0, `lost digests\n${tail}`);
  assert.equal(r.delivered + r.ambiguous, r.digests, 'every digest delivered or marked ambiguous');
  assert.equal(r.r429, 0, `platform limits held across processes (429s: ${JSON.stringify(r.r429By)})\n${tail}`);
  assert.equal(r.polls?.polled, 8, 'every feed polled through the queue');
  assert.equal(r.polls?.articles, 80, 'their items stored');
  // Two feeds per host, polled by different workers: the host still sees its requests spaced
  // (1 s reserved in Redis; event-loop jitter can shave a little off what the server sees).
  assert.ok(r.polls!.minSameHostGapMs >= 500, `two requests to one host ${r.polls!.minSameHostGapMs} ms apart`);
  assert.deepEqual([r.http.healthz, r.http.readyz, r.http.metrics], [200, 200, 200]);
  // Killed with a share of them still to report, the survivors' /metrics count some but not all.
  assert.ok(r.http.workerMetricsDigests > 0 && r.http.workerMetricsDigests <= r.delivered, `workers' /metrics counted ${r.http.workerMetricsDigests}`);
});
