/**
 * Ingest benchmark (`npm run bench ingest`): the real-posts corpus end to end (read, parse, clean,
 * store, index: ingestPaths into a fresh database) in MB/s, against a floor measured in the same
 * run: reading the same files and inserting their raw text into an FTS5 trigram table, no cleaning,
 * committed in batches of the same size as ingest's (BATCH_FILES).
 * Target: end to end at least half the floor's speed. Rounds (BENCH_ROUNDS, default 3) follow a warm-up.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/core/store/db.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';
import { BATCH_FILES, ingestPaths } from '../../src/core/loader/ingest-paths.ts';
import { parseCounts, startParseWorker } from '../../src/core/loader/parse-ahead.ts';
import { parseDocument } from '../../src/core/ingest/parse-document.ts';

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
  const db = new Database(join(dir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE VIRTUAL TABLE raw USING fts5(body, tokenize = 'trigram')`);
  const insert = db.prepare('INSERT INTO raw (body) VALUES (?)');
  const batch = db.transaction((names: string[]) => {
    for (const f of names) insert.run(readFileSync(f, 'utf8'));
  });
  const t0 = performance.now();
  for (let i = 0; i < files.length; i += BATCH_FILES) batch(files.slice(i, i + BATCH_FILES));
  const s = (performance.now() - t0) / 1000;
  db.close();
  return s;
}

async function ingestSeconds(dir: string, parseWorker: boolean): Promise<{ seconds: number; waited: number; byWorker: number; summary: string }> {
  const db = openDatabase(join(dir, parseWorker ? 'ingest.db' : 'ingest-one-thread.db'));
  const c0 = parseCounts();
  const t0 = performance.now();
  const r = await ingestPaths(sqliteStores(db), [CORPUS], { parseWorker });
  const s = (performance.now() - t0) / 1000;
  const c1 = parseCounts();
  db.close();
  return { seconds: s, waited: (c1.waitMs - c0.waitMs) / 1000, byWorker: c1.byWorker - c0.byWorker, summary: `ingested ${r.ingested}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${r.rejected}` };
}

/** Runs the benchmark and prints MB/s for both, and their ratio. */
export async function run(): Promise<void> {
  const files = corpusFiles();
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const mb = bytes / 1024 / 1024;
  // Warm-up: module loading, OpenCC dictionaries, JIT, and the parse worker's start-up (it lives
  // for the process, like a running bot's).
  if (!(await startParseWorker())) console.log('the parse worker did not start: ingest runs on one thread');
  for (const parseWorker of [true, false]) {
    const warm = openDatabase(':memory:');
    await ingestPaths(sqliteStores(warm), files.slice(0, 60), { parseWorker });
    warm.close();
  }
  // Rounds interleave floor and ingest so both see the same machine load; the ratio is taken per round.
  const rounds: { floor: number; ingest: number; waited: number; byWorker: number; oneThread: number; parse: number }[] = [];
  let summary = '';
  for (let i = 0; i < ROUNDS; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-'));
    try {
      const floor = floorSeconds(dir, files);
      const r = await ingestSeconds(dir, true);
      summary = r.summary;
      const oneThread = (await ingestSeconds(dir, false)).seconds;
      const t0 = performance.now();
      for (const f of files) parseDocument(readFileSync(f), f);
      rounds.push({ floor, ingest: r.seconds, waited: r.waited, byWorker: r.byWorker, oneThread, parse: (performance.now() - t0) / 1000 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const rate = (s: number) => `${(mb / s).toFixed(2)} MB/s (${s.toFixed(2)} s)`;
  console.log(`corpus: ${files.length} files, ${mb.toFixed(2)} MB (${CORPUS}); ${summary}`);
  rounds.forEach((r, i) =>
    console.log(
      `round ${i + 1}: ingest end to end ${rate(r.ingest)} (worker parsed ${r.byWorker} files; loader waited ${r.waited.toFixed(2)} s) | floor, raw text into FTS5 trigram ${rate(r.floor)} | ratio ${(r.floor / r.ingest).toFixed(2)}` +
        ` | ingest without the parse worker ${rate(r.oneThread)}, ratio ${(r.floor / r.oneThread).toFixed(2)} | read+parse+clean alone ${rate(r.parse)}`,
    ),
  );
  const best = rounds.reduce((a, b) => (b.floor / b.ingest > a.floor / a.ingest ? b : a));
  const ratios = rounds.map((r) => r.floor / r.ingest).sort((a, b) => a - b);
  console.log(`ingest end to end: ${rate(Math.min(...rounds.map((r) => r.ingest)))} best; floor: ${rate(Math.min(...rounds.map((r) => r.floor)))} best`);
  console.log(`ratio ingest/floor: median ${ratios[Math.floor(ratios.length / 2)].toFixed(2)}, best ${(best.floor / best.ingest).toFixed(2)} (target >= 0.5)`);
  const single = rounds.map((r) => r.floor / r.oneThread).sort((a, b) => a - b);
  console.log(`ratio without the parse worker (one thread): median ${single[Math.floor(single.length / 2)].toFixed(2)}`);
}
