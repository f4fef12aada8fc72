/**
 * `newsbot start` as a user runs it: a child process, no tokens, stdin from a pipe.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/start.ts';

const MAIN = join(import.meta.dirname, '../../src/main.ts');

/** The environment without any bot token, so start falls back to the terminal chat. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(DISCORD_|TELEGRAM_|NEWSBOT_|LOG_LEVEL)/.test(k)) delete env[k];
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

function startBot(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'start', ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  exited.finally(() => clearTimeout(killer));
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('with no token: seeds loaded once, /help and /latest answered on stdout, exit 0 at end of input and on SIGTERM', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'newsbot-start-')), 'bot.db');
  const run = startBot(['--db', db, '--lang', 'en'], cleanEnv());
  run.child.stdin.end('/help\n/latest\n');
  assert.equal(await run.exited, 0, run.err());
  assert.match(run.err(), /newsbot: 5 articles in .*\(seeds: 5 new/);
  assert.match(run.out(), /newsbot commands/);
  assert.match(run.out(), /\/latest/);
  assert.match(run.out(), /Latest stories\n\n1\. \S/, 'the seeded stories are listed');
  assert.match(run.out(), /澤倫斯基/);
  assert.ok(!existsSync(db + '-wal'), 'database closed cleanly (WAL checkpointed and removed)');

  // Second start on the same database: the seeds are not loaded again; SIGTERM while the chat
  // waits for input shuts down cleanly.
  const again = startBot(['--db', db], cleanEnv());
  again.child.stdin.write('/help\n');
  await until(() => /newsbot 指令/.test(again.out()), 'the /help answer');
  assert.match(again.err(), /5 articles .*0 new, 0 updated, 5 unchanged/);
  again.child.kill('SIGTERM');
  assert.equal(await again.exited, 0, again.err());
  assert.ok(!existsSync(db + '-wal'), 'database closed cleanly after SIGTERM');
});

test('configuration problems are listed together and the exit status is non-zero', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-start-'));
  const bad = { LOG_LEVEL: 'loud', NEWSBOT_MAX_FILE_MB: '-3', TELEGRAM_API_ROOT: 'not a url' };
  const saved = Object.fromEntries(Object.keys(bad).map((k) => [k, process.env[k]]));
  Object.assign(process.env, bad);
  let err = '';
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => ((err += chunk), true)) as typeof process.stderr.write;
  try {
    assert.equal(await run(['--db', join(dir, 'x.db')]), 2);
  } finally {
    process.stderr.write = write;
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  assert.match(err, /invalid configuration/);
  for (const v of Object.keys(bad)) assert.match(err, new RegExp(v));
  assert.ok(!existsSync(join(dir, 'x.db')), 'nothing created on a configuration error');
});
