/**
 * `npm run bench cluster`: the multi-process test scenario (test/helpers/cluster-harness.ts), run
 * twice: 1 worker, then 3 workers with one SIGKILLed mid-run. 2,000 digests due in one minute,
 * real PostgreSQL and Redis, fake platforms enforcing their limits. Ends with one line:
 * cluster: workers=3 killed=1 digests=D delivered=D duplicates=0 lost=0 ambiguous=A 429s=0 rate_1w=R1/s rate_3w=R3/s
 */
import { runClusterScenario } from '../../test/helpers/cluster-harness.ts';

const subs = Number(process.argv.find((a) => a.startsWith('--subs='))?.split('=')[1] ?? 2000);
const verbose = process.argv.includes('--verbose');
const log = (s: string) => {
  if (verbose) console.log(s);
};

export async function run(): Promise<void> {
  console.log(`cluster: ${subs} digests due in one minute, 1 worker …`);
  const one = await runClusterScenario({ workers: 1, kill: false, subs, log });
  console.log(`  1 worker: ${one.delivered} delivered at ${one.rate.toFixed(1)}/s, ${one.r429} 429s, ${one.duplicates} duplicates, ${one.lost} lost`);
  console.log(`cluster: 3 workers, one killed with SIGKILL mid-run …`);
  const three = await runClusterScenario({ workers: 3, kill: true, subs, log });
  console.log(`  3 workers: ${three.delivered} delivered at ${three.rate.toFixed(1)}/s, ${three.ambiguous} ambiguous, ${three.r429} 429s`);
  console.log(
    `cluster: workers=3 killed=${three.killed} digests=${three.digests} delivered=${three.delivered} duplicates=${three.duplicates} lost=${three.lost} ambiguous=${three.ambiguous} 429s=${three.r429} rate_1w=${one.rate.toFixed(1)}/s rate_3w=${three.rate.toFixed(1)}/s`,
  );
}
