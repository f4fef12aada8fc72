/**
 * `npm run bench cluster`: the multi-process test scenario (test/helpers/cluster-harness.ts), run
 * twice: 1 worker, then 3 workers with one SIGKILLed mid-run. 2,000 digests due in one minute,
 * real PostgreSQL and Redis, fake platforms enforcing their limits. Ends with one line:
 * cluster: workers=3 killed=1 digests=D delivered=D duplicates=0 lost=0 ambiguous=A 429s=0 rate_1w=R1/s rate_3w=R3/s
 */
import { runClusterScenario, type ClusterResult } from '../../test/helpers/cluster-harness.ts';
import { ledgerDigestsPerSecond, queueJobsPerSecond } from './cluster-floors.ts';

const subs = Number(process.argv.find((a) => a.startsWith('--subs='))?.split('=')[1] ?? 2000);
const verbose = process.argv.includes('--verbose');
const log = (s: string) => {
  if (verbose) console.log(s);
};

const costs = (r: ClusterResult) =>
  `per digest: ${r.cpuMsPerDigest.toFixed(1)} ms worker CPU, ${r.dbTxPerDigest.toFixed(1)} database transactions, ${r.redisCmdsPerDigest.toFixed(0)} Redis commands`;

export async function run(): Promise<void> {
  console.log(`cluster: ceilings of the shared parts …`);
  console.log(`  BullMQ, no-op jobs through one worker process: ${(await queueJobsPerSecond()).toFixed(0)} jobs/s`);
  console.log(`  ledger on PostgreSQL (claim, sending, sent), 16 at once: ${(await ledgerDigestsPerSecond()).toFixed(0)} digests/s`);
  console.log(`cluster: ${subs} digests due in one minute, 1 worker, then 20 feeds …`);
  const one = await runClusterScenario({ workers: 1, kill: false, subs, feeds: 20, log });
  console.log(`  1 worker: ${one.delivered} delivered at ${one.rate.toFixed(1)}/s, ${one.r429} 429s, ${one.duplicates} duplicates, ${one.lost} lost`);
  console.log(`  ${costs(one)}`);
  const p = one.polls!;
  console.log(`  polls: ${p.polled} of ${p.feeds} feeds (${p.articles} new articles) in ${p.seconds.toFixed(1)} s, ${p.cpuMsPerPoll.toFixed(0)} ms worker CPU per poll, closest two requests to one host ${p.minSameHostGapMs} ms apart`);
  console.log(`cluster: 3 workers, one killed with SIGKILL mid-run …`);
  const three = await runClusterScenario({ workers: 3, kill: true, subs, log });
  console.log(`  3 workers: ${three.delivered} delivered at ${three.rate.toFixed(1)}/s, ${three.ambiguous} ambiguous, ${three.r429} 429s (${three.r429By.telegram} Telegram, ${three.r429By.discord} Discord)`);
  console.log(`  ${costs(three)}`);
  console.log(
    `cluster: workers=3 killed=${three.killed} digests=${three.digests} delivered=${three.delivered} duplicates=${three.duplicates} lost=${three.lost} ambiguous=${three.ambiguous} 429s=${three.r429} rate_1w=${one.rate.toFixed(1)}/s rate_3w=${three.rate.toFixed(1)}/s`,
  );
}
