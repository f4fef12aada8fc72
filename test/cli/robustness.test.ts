/** The command line under stress: pipes closed early, odd file names, newer databases, two ingests at once, npm start and signals. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/core/store/db.ts';
import { migrations } from '../../src/core/store/migrations/index.ts';
import { startFixtureServer, serve } from '../sources/fixture-server.ts';
import { run as sources } from '../../src/cli/sources.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'src', 'main.ts');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');

function newsbot(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function inProcess(args: string[], env: Record<string, string>) {
  const saved = { ...process.env };
  const out: string[] = [];
  const err: string[] = [];
  Object.assign(process.env, { LOG_LEVEL: 'silent' }, env);
  try {
    const code = await sources(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

test('two concurrent `newsbot ingest` of the corpus both succeed, and the final counts are right', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-two-'));
  const db = join(dir, 'n.db');
  openDatabase(db).close();
  const [a, b] = await Promise.all([newsbot(['ingest', CORPUS, '--db', db]), newsbot(['ingest', CORPUS, '--db', db])]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  const counts = [a, b].map((r) => r.stdout.match(/ingested (\d+), updated (\d+), unchanged (\d+), rejected (\d+)/)!.slice(1).map(Number));
  const files = 325;
  for (const c of counts) assert.equal(c[0] + c[1] + c[2] + c[3], files);
  const check = new Database(db, { readonly: true });
  const stored = check.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
  check.close();
  // Every file was stored once between the two runs: what one ingested the other found unchanged.
  assert.equal(counts[0][0] + counts[1][0], stored);
  assert.ok(stored >= files - counts[0][3], `stored ${stored}`);
});

test('a database from a newer schema is refused with one line naming both versions, and left untouched', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-newer-'));
  const file = join(dir, 'n.db');
  const raw = new Database(file);
  raw.pragma(`user_version = ${migrations.length + 5}`);
  raw.close();
  const before = readFileSync(file);
  assert.throws(() => openDatabase(file), new RegExp(`schema version ${migrations.length + 5} is newer than this newsbot's ${migrations.length}`));
  const r = await newsbot(['ingest', CORPUS, '--db', file]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, new RegExp(`n\\.db: database schema version ${migrations.length + 5} is newer than this newsbot's ${migrations.length}`));
  assert.deepEqual(readFileSync(file), before);
});

test('file names with a newline or a terminal escape are printed escaped in reject lines', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-names-'));
  const inbox = join(dir, 'in');
  mkdirSync(inbox);
  writeFileSync(join(inbox, 'evil\nname\u001b[31mred.md'), '');
  const r = await newsbot(['ingest', inbox, '--db', join(dir, 'n.db')]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, JSON.stringify(r.stderr));
  assert.ok(!r.stderr.includes('\u001b'), 'no raw escape reaches the terminal');
  assert.match(lines[0], /evil\\nname\\x1b\[31mred\.md: empty file$/);
});

test('sources add refuses URLs with credentials and addresses every poll would refuse; `sources add … | head -1` exits cleanly', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-add-'));
  const db = join(dir, 'n.db');
  const srv = await startFixtureServer({ '/rss.xml': serve('rss.xml') });
  try {
    const creds = await inProcess(['add', srv.base.replace('http://', 'http://alice:s3cret@') + '/rss.xml', '--db', db], { NEWSBOT_ALLOW_PRIVATE_NETWORKS: '1' });
    assert.equal(creds.code, 1);
    assert.match(creds.stderr, /user name or password are not supported/);
    assert.doesNotMatch(creds.stderr, /s3cret/);
    const priv = await inProcess(['add', srv.base + '/rss.xml', '--db', db], { NEWSBOT_ALLOW_PRIVATE_NETWORKS: '0' });
    assert.equal(priv.code, 1, priv.stdout);
    assert.match(priv.stderr, /127\.0\.0\.1 is loopback/);
    const list = await inProcess(['list', '--json', '--db', db], {});
    assert.equal(list.stdout, '', 'nothing was added');

    const piped = spawnSync('sh', ['-c', `"${process.execPath}" --import tsx "${MAIN}" sources add "${srv.base}/rss.xml" --db "${db}" | head -1`], {
      env: { ...process.env, NEWSBOT_ALLOW_PRIVATE_NETWORKS: '1', LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    assert.match(piped.stdout, /^added source #1 /);
    assert.doesNotMatch(piped.stderr, /EPIPE|Error/, piped.stderr);
  } finally {
    await srv.close();
  }
});

test('`sources poll` honours NEWSBOT_MAX_FILE_MB', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-max-'));
  const db = join(dir, 'n.db');
  const big = `<rss version="2.0"><channel><title>Big</title><item><title>Huge</title><guid>h</guid><description>${'x'.repeat(300_000)}</description></item></channel></rss>`;
  const srv = await startFixtureServer({ '/big.xml': (_q, res) => res.end(big) });
  try {
    const env = { NEWSBOT_ALLOW_PRIVATE_NETWORKS: '1', NEWSBOT_MAX_FILE_MB: '0.1' };
    assert.equal((await inProcess(['add', srv.base + '/big.xml', '--kind', 'feed', '--db', db], env)).code, 0);
    const poll = await inProcess(['poll', '--once', '--db', db], env);
    assert.equal(poll.code, 1);
    assert.match(poll.stderr, /response larger than 0\.1 MB/);
  } finally {
    await srv.close();
  }
});

test('`npm start` runs node itself (exec, no shell left between), so a signal to the started process reaches the bot', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  assert.match(pkg.scripts.start, /^exec node /);
  // npm runs the script with `sh -c`: with exec, the process it starts IS node (same pid), not a shell in between.
  const sh = spawnSync('sh', ['-c', `${pkg.scripts.start.replace(/ --import tsx src\/main\.ts start$/, ' -e "console.log(process.pid)"')} & echo $!; wait`], { encoding: 'utf8' });
  const [jobPid, nodePid] = sh.stdout.trim().split('\n');
  assert.equal(jobPid, nodePid);
});
