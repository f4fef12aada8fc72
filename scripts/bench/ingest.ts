/**
 * Ingest benchmark (`npm run bench ingest`): `newsbot ingest <corpus>` as users run it, a whole
 * process each time (start-up, module loading, parse worker, read, parse, clean, store, index,
 * exit), on the real-posts corpus, in MB/s, against a floor measured in the same run.
 *
 * SQLite (default): the floor reads the same files and inserts their raw text into an FTS5 trigram
 * table, no cleaning, committed in batches of ingest's size (BATCH_FILES). Both the TypeScript
 * launcher (`bin/newsbot.js`, what `npx newsbot` runs) and, when `npm run build` has been run, the
 * compiled code (`node dist/src/main.js`, what `npm run start:prod` runs) are timed.
 * PostgreSQL (`-- --db postgres://…`): ingest into a fresh database, against COPY of the raw texts
 * into a table with a pg_trgm GIN index (the same indexing the search table pays), in the same run.
 * Target (SQLite): end to end at least half the floor's speed. Rounds: BENCH_ROUNDS (default 3).
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BATCH_FILES } from '../../src/core/loader/ingest-paths.ts';
import { copyFloorSeconds, withScratchDatabase } from './pg-floor.ts';

const CORPUS = 'test/fixtures/corpus';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((n) => !n.startsWith('.'))
    .sort()
    .map((n) => join(CORPUS, n));
}

/** Raw floor: read each file, insert its text into an FTS5 trigram table, BATCH_FILES files per transaction like ingest. */
function floorSeconds(dir: string, files: string[]): number {
  const t0 = performance.now();
  const db = new Database(join(dir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE VIRTUAL TABLE raw USING fts5(body, tokenize = 'trigram')`);
  const insert = db.prepare('INSERT INTO raw (body) VALUES (?)');
  const batch = db.transaction((names: string[]) => {
    for (const f of names) insert.run(readFileSync(f, 'utf8'));
  });
  for (let i = 0; i < files.length; i += BATCH_FILES) batch(files.slice(i, i + BATCH_FILES));
  db.close();
  return (performance.now() - t0) / 1000;
}

/** One whole `newsbot ingest` process; returns its wall time and last output line. */
function cliSeconds(entry: string[], db: string): { seconds: number; summary: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...entry, 'ingest', CORPUS, '--db', db], { encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`newsbot ingest exited ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').at(-1)}`);
  return { seconds, summary: r.stdout.trim().split('\n').at(-1) ?? '' };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the benchmark and prints MB/s for each way of running, the floor, and their ratios. */
export async function run(): Promise<void> {
  const files = corpusFiles();
  const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 1024 / 1024;
  const rate = (s: number) => `${(mb / s).toFixed(2)} MB/s (${s.toFixed(2)} s)`;
  const i = process.argv.indexOf('--db');
  const pgUrl = i >= 0 ? process.argv[i + 1] : undefined;
  const ways: Record<string, string[]> = { 'newsbot ingest (bin/newsbot.js, TypeScript via tsx)': ['bin/newsbot.js'] };
  if (existsSync('dist/src/main.js')) ways['node dist/src/main.js ingest (compiled, npm run build)'] = ['dist/src/main.js'];
  else console.log('dist/ not built: run `npm run build` first to time the compiled code too');
  console.log(`corpus: ${files.length} files, ${mb.toFixed(2)} MB (${CORPUS}); ${pgUrl ? 'PostgreSQL' : 'SQLite'}; ${ROUNDS} rounds after a warm-up`);

  const ratios: Record<string, number[]> = {};
  const floors: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-'));
    try {
      // Floor and ingest interleave so both see the same machine load; the ratio is taken per round.
      const floor = pgUrl ? await withScratchDatabase(pgUrl, (url) => copyFloorSeconds(url, files)) : floorSeconds(dir, files);
      const line: string[] = [`floor ${pgUrl ? 'COPY into a pg_trgm-indexed table' : 'raw text into FTS5 trigram'} ${rate(floor)}`];
      for (const [name, entry] of Object.entries(ways)) {
        const r = pgUrl ? await withScratchDatabase(pgUrl, async (url) => cliSeconds(entry, url)) : cliSeconds(entry, join(dir, `${entry[0].replace(/\W/g, '-')}.db`));
        if (round === 0) continue; // warm-up: OS file cache, tsx's transform cache
        (ratios[name] ??= []).push(floor / r.seconds);
        line.push(`${name}: ${rate(r.seconds)}, ratio ${(floor / r.seconds).toFixed(2)} [${r.summary}]`);
      }
      if (round > 0) {
        floors.push(floor);
        console.log(`round ${round}: ${line.join(' | ')}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`floor: median ${rate(median(floors))}`);
  for (const [name, rs] of Object.entries(ratios)) console.log(`ratio ${name} / floor: median ${median(rs).toFixed(2)}, best ${Math.max(...rs).toFixed(2)}${pgUrl ? '' : ' (target >= 0.5)'}`);
}
