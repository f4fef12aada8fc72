import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/core/store/db.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';
import type { ExportedArticle } from '../../src/core/store/article-store.ts';

const ROOT = process.cwd();

function newsbot(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...cleanEnv(), ...env },
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** The test's environment without any NEWSBOT_* setting of the machine running it. */
function cleanEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => !e[0].startsWith('NEWSBOT_') && e[1] !== undefined));
}

/** Articles read in-process (cheaper than another subprocess where the export format is not the point). */
async function storedArticles(db: string): Promise<ExportedArticle[]> {
  const handle = openDatabase(db);
  try {
    const out: ExportedArticle[] = [];
    for await (const a of sqliteStores(handle).articles.iterate()) out.push(a);
    return out;
  } finally {
    handle.close();
  }
}

function exportRecords(db: string): Record<string, unknown>[] {
  const out = newsbot(['export', '--db', db]);
  assert.equal(out.code, 0, out.stderr);
  return out.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

const tmp = () => mkdtempSync(join(tmpdir(), 'newsbot-cli-'));

test('seeds ingest once; again, or under another name, adds nothing; a changed file updates its article; export has every field', async () => {
  const dir = tmp();
  try {
    const db = join(dir, 'n.db');
    const seeds = join(dir, 'seeds');
    cpSync(join(ROOT, 'seeds'), seeds, { recursive: true });
    const first = newsbot(['ingest', seeds, '--db', db]);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, 'ingested 5, updated 0, unchanged 0, rejected 0\n');
    assert.equal(first.stderr, '');

    const names = readdirSync(seeds).sort();
    const copy = join(dir, 'copy.txt');
    cpSync(join(seeds, names[3]), copy);
    const again = newsbot(['ingest', seeds, copy, '--db', db]);
    assert.equal(again.stdout, 'ingested 0, updated 0, unchanged 6, rejected 0\n');

    const before = exportRecords(db);
    assert.equal(before.length, 5);
    const rec = before.find((r) => r.source_file === `${seeds}/${names[3]}`)!;
    for (const key of ['id', 'source_file', 'title', 'url', 'outlet', 'agency', 'authors', 'translators', 'published_at', 'published_precision', 'dateline', 'languages', 'paragraphs', 'body', 'tags', 'related', 'content_hash']) {
      assert.ok(key in rec, `export lacks ${key}`);
    }
    // Timeline events and the story: the Berlin talks seed has only a day of month.
    assert.equal(typeof rec.story_id, 'number');
    const berlin = before.find((r) => (r.events as { precision: string }[]).some((e) => e.precision === 'day-of-month'))!;
    assert.deepEqual((berlin.events as { date: string }[]).map((e) => e.date), ['---15']);
    assert.ok(before.some((r) => (r.events as { date: string }[]).some((e) => e.date === '2023-12-12')));
    assert.equal(rec.body, (rec.paragraphs as string[]).join('\n\n'));

    // Edit the copy: it is the same file name no more, so it is the file's own article that changes.
    const seedPath = join(seeds, names[3]);
    writeFileSync(seedPath, readFileSync(seedPath, 'utf8').trimEnd() + '\n\n補充一段：記者會後，雙方同意再次會面。\n');
    const changed = newsbot(['ingest', seedPath, '--db', db]);
    assert.equal(changed.stdout, 'ingested 0, updated 1, unchanged 0, rejected 0\n');
    const after = await storedArticles(db);
    assert.equal(after.length, 5);
    const updated = after.find((r) => r.id === rec.id)!;
    assert.notEqual(updated.content_hash, rec.content_hash);
    assert.ok(updated.paragraphs.some((p) => p.text.includes('雙方同意再次會面')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad inputs: each one line naming the file, the batch carries on, stored articles stay as they were', async () => {
  const dir = tmp();
  try {
    const db = join(dir, 'n.db');
    const good = join(dir, 'good.txt');
    cpSync(join(ROOT, 'seeds', readdirSync(join(ROOT, 'seeds')).sort()[3]), good);
    assert.equal(newsbot(['ingest', good, '--db', db]).stdout, 'ingested 1, updated 0, unchanged 0, rejected 0\n');
    const stored = await storedArticles(db);

    const bad = join(dir, 'bad');
    mkdirSync(join(bad, 'sub'), { recursive: true });
    writeFileSync(join(bad, 'empty.md'), '');
    writeFileSync(join(bad, 'blank.txt'), ' \n\t\n  \n');
    writeFileSync(join(bad, 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 73 + 11) % 256)));
    const pwned = join(dir, 'pwned');
    writeFileSync(join(bad, 'code.md'), `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(pwned)}, 'x') }\n---\n<p>正文</p>\n`);
    writeFileSync(join(bad, 'huge.txt'), '標題\n\n2025-01-01\n\n' + '很長的內文。'.repeat(4000));
    symlinkSync(bad, join(bad, 'sub', 'loop'));
    symlinkSync(join(dir, 'missing.md'), join(bad, 'dangling.md'));
    writeFileSync(join(bad, 'skipped.bin'), 'not an article extension: skipped, not rejected');
    assert.equal(spawnSync('mkfifo', [join(bad, 'pipe.txt')]).status, 0, 'mkfifo');
    mkdirSync(join(bad, '.git'));
    writeFileSync(join(bad, '.git', 'HEAD.txt'), '');
    // The good file, now broken: the article stored from it must survive.
    writeFileSync(good, '');

    const run = newsbot(['ingest', bad, good, join(dir, 'nowhere.txt'), '--db', db], { NEWSBOT_MAX_FILE_MB: '0.05' });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'ingested 0, updated 0, unchanged 0, rejected 10\n');
    const lines = run.stderr.trimEnd().split('\n');
    const expected: [string, RegExp][] = [
      [`${bad}/binary.txt`, /binary/i],
      [`${bad}/blank.txt`, /empty|whitespace/i],
      [`${bad}/code.md`, /front matter/i],
      [`${bad}/dangling.md`, /broken symlink/],
      [`${bad}/empty.md`, /empty/],
      [`${bad}/huge.txt`, /too large/],
      [`${bad}/pipe.txt`, /not a regular file/],
      [`${bad}/sub/loop`, /symlink loop/],
      [good, /empty/],
      [join(dir, 'nowhere.txt'), /no such file/],
    ];
    assert.equal(lines.length, expected.length, run.stderr);
    expected.forEach(([file, reason], i) => {
      assert.ok(lines[i].startsWith(`${file}: `), `line ${i}: ${lines[i]}`);
      assert.match(lines[i].slice(file.length + 2), reason);
    });
    assert.equal(existsSync(pwned), false, 'front matter code must never run');
    assert.deepEqual(await storedArticles(db), stored);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a database that cannot be opened: one clear line and a non-zero exit', () => {
  const dir = tmp();
  try {
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const db = join(dir, 'not-a-folder', 'n.db');
    const run = newsbot(['ingest', join(ROOT, 'seeds'), '--db', db]);
    assert.notEqual(run.code, 0);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, new RegExp(`^newsbot ingest: cannot open database ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+\\n$`));
    if (existsSync('/proc/self')) {
      // A folder that cannot be created (Node's recursive mkdir used to spin forever here).
      const proc = newsbot(['ingest', join(ROOT, 'seeds'), '--db', '/proc/newsbot-test/n.db']);
      assert.equal(proc.code, 1);
      assert.match(proc.stderr, /^newsbot ingest: cannot open database \/proc\/newsbot-test\/n\.db: .+\n$/);
    }
    const viaEnv = newsbot(['export'], { NEWSBOT_DB: join(dir, 'absent.db') });
    assert.equal(viaEnv.code, 1);
    assert.match(viaEnv.stderr, /^newsbot export: no database at .*absent\.db\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
