/**
 * `npm run bench startup`: time from spawning `newsbot start` until it is ready (its "terminal
 * chat" line, seeds already loaded), through tsx as `npm start` runs it (the baseline: TypeScript
 * compiled at run time) and as compiled JavaScript (`npm run build`, then `npm run start:prod`).
 * Median of 5 runs each, alternated so both see the same machine load.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const RUNS = 5;

function timeToReady(args: string[], db: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  const env = { ...process.env, NEWSBOT_DB: db, TELEGRAM_TOKEN: '', DISCORD_TOKEN: '', NEWSBOT_REDIS_URL: '', NEWSBOT_DATABASE_URL: '' };
  const child = spawn(process.execPath, [...args, 'start'], { cwd: ROOT, env, stdio: ['pipe', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      buf += d;
      if (buf.includes('terminal chat')) {
        resolve(Number(process.hrtime.bigint() - t0) / 1e6);
        child.stdin.end(); // end of input: the chat leaves
      }
    });
    child.on('exit', (code) => (buf.includes('terminal chat') ? undefined : reject(new Error(`newsbot start exited with ${code}: ${buf.slice(-300)}`))));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/src/main.js'))) {
    console.log('  building (npm run build) …');
    const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('npm run build failed');
  }
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-startup-'));
  const db = join(dir, 'startup.db');
  try {
    await timeToReady(['--import', 'tsx', 'src/main.ts'], db); // loads the seeds once
    const tsx: number[] = [];
    const js: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      tsx.push(await timeToReady(['--import', 'tsx', 'src/main.ts'], db));
      js.push(await timeToReady(['dist/src/main.js'], db));
    }
    console.log(`  start-up to ready, median of ${RUNS}: tsx (npm start) ${median(tsx).toFixed(0)} ms, compiled (npm run start:prod) ${median(js).toFixed(0)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
