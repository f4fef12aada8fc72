/**
 * `npm run eval extraction`: body F1 on the extraction-zh pages (HTML and text dumps) and
 * title/date/byline accuracy per metadata set, each beside Mozilla Readability on the same HTML
 * in the same run (text dumps: beside the whole dump taken as the body). EVAL_VERBOSE=1 lists every page.
 */
import { computeExtractionFigures, mean, type BodyScore, type MetaCheck } from './extraction-figures.ts';

const verbose = process.env.EVAL_VERBOSE === '1';

function pct(ok: number, n: number): string {
  return n ? `${((100 * ok) / n).toFixed(0)} % (${ok}/${n})` : '—';
}

function printBodies(label: string, baselineLabel: string, scores: BodyScore[]): void {
  console.log(`\n${label}: mean body F1 ${mean(scores.map((s) => s.ours)).toFixed(3)}, min ${Math.min(...scores.map((s) => s.ours)).toFixed(3)}; ${baselineLabel}: mean ${mean(scores.map((s) => s.baseline)).toFixed(3)}, min ${Math.min(...scores.map((s) => s.baseline)).toFixed(3)}`);
  if (verbose) for (const s of scores) console.log(`  ${s.id.slice(0, 16)}  ours ${s.ours.toFixed(3)}  base ${s.baseline.toFixed(3)}${s.error ? `  (${s.error})` : ''}`);
  for (const s of scores) if (s.error && !verbose) console.log(`  ${s.id.slice(0, 10)}: ${s.error}`);
}

function printMeta(meta: MetaCheck[]): void {
  console.log('\nmetadata accuracy (ours | Readability on the same HTML, — where it does not apply):');
  console.log('  set           title                 date                  byline');
  const sets = [...new Set(meta.map((m) => m.set)), 'all'];
  for (const set of sets) {
    const rows = meta.filter((m) => set === 'all' || m.set === set);
    const cell = (field: MetaCheck['field']) => {
      const r = rows.filter((m) => m.field === field);
      const b = r.filter((m) => m.baselineOk !== null);
      const ours = pct(r.filter((m) => m.oursOk).length, r.length);
      const base = b.length ? pct(b.filter((m) => m.baselineOk).length, b.length).replace(/ \(.*/, '') : '—';
      return `${ours} | ${base}`.padEnd(22);
    };
    console.log(`  ${set.padEnd(13)} ${cell('title')}${cell('date')}${cell('byline')}`);
  }
  for (const m of meta) {
    if (m.oursOk && !verbose) continue;
    console.log(`  ${m.oursOk ? 'ok  ' : 'MISS'} ${m.set}/${m.page.slice(0, 40)} ${m.field}: gold «${m.gold}» ours «${m.ours}»${m.baseline !== null ? ` readability «${m.baseline}»` : ''}`);
  }
}

/** Runs the extraction suite and prints its figures. */
export async function run(): Promise<void> {
  const f = await computeExtractionFigures();
  printBodies('extraction-zh as HTML (22 pages)', 'Readability', f.html);
  printBodies('extraction-zh as text dumps (22 pages)', 'whole dump as body', f.text);
  printBodies('Taiwanese outlet shapes, HTML and text (test/fixtures/ingest-tw)', 'Readability / whole dump', f.tw);
  for (const t of f.tw) if (t.leaks.length) console.log(`  ${t.id}: leaks ${t.leaks.join(' | ')}`);
  printBodies('94 other outlets (HK, Macau, mainland and its platforms and business press, Japan and Korea, Taiwanese broadcasters, Singapore, Malaysia, international, more Taiwanese), HTML and text (test/fixtures/other-outlets)', 'Readability / whole dump', f.other);
  for (const t of f.other) if (t.leaks.length) console.log(`  ${t.id}: leaks ${t.leaks.join(' | ')}`);
  printMeta(f.meta);
  const r = f.siteRepeats;
  console.log(`\nrepeated site lines (same short line in 4+ bodies of one site) in ${r.articles} corpus articles: ${r.stored} after ingest into a fresh database (learned from what is stored); ${r.parsedAlone} when each post is parsed alone`);
  console.log(`\nhostile page (1 MB of unclosed <b> tags): parsed in ${(f.hostileMs / 1000).toFixed(2)} s`);
  console.log(`hostile text dump (1 MB of dated headlines, prose and bylines): parsed in ${(f.hostileDumpMs / 1000).toFixed(2)} s`);
}
