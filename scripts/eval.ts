/**
 * `npm run eval`: scores extraction, entities, dates and stories against the dev sets copied into
 * test/fixtures/dev/ (or only the suites named on the command line), each beside a baseline
 * measured in the same run. Each suite lives in scripts/eval/<name>.ts and exports `run()`.
 */
const SUITES: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  extraction: () => import('./eval/extraction.ts'),
  dates: () => import('./eval/dates.ts'),
  stories: () => import('./eval/stories.ts'),
  timeline: () => import('./eval/timeline.ts'),
  ner: () => import('./eval/ner.ts'),
  'ner-tw': () => import('./eval/ner-tw.ts'),
  who: () => import('./eval/who.ts'),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in SUITES));
if (unknown.length) {
  console.error(`eval: unknown suite ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}
for (const [name, load] of Object.entries(SUITES)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n=== eval: ${name} ===`);
  await (await load()).run();
}
