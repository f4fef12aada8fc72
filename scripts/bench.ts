/**
 * `npm run bench`: runs every benchmark in scripts/bench/ in turn (or those named on the command
 * line) and prints their figures, each with the baseline it measured in the same run.
 */
const BENCHES: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  ingest: () => import('./bench/ingest.ts'),
  commands: () => import('./bench/commands.ts'),
  digest: () => import('./bench/digest.ts'),
  cluster: () => import('./bench/cluster.ts'),
  startup: () => import('./bench/startup.ts'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
for (const [name, load] of Object.entries(BENCHES)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n=== bench: ${name} ===`);
  await (await load()).run();
}
