/** `newsbot ingest`: a later file with the same URL and a rewritten headline is counted `updated`, and the revision shows in /story. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { encoding: 'utf8' });

test('a re-fetched page with the same URL and a new headline: updated 1, and /story shows the change', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-rev-cli-'));
  try {
    const db = join(dir, 'n.db');
    mkdirSync(join(dir, 'later'));
    const original = readFileSync('seeds/000_856e471e8d2d5f8d.txt', 'utf8');
    const rewritten = original.split('烏克蘭戰費枯竭 白宮：拜登邀澤倫斯基再訪').join('白宮：拜登邀澤倫斯基12日訪問 討論援烏');
    assert.notEqual(rewritten, original);
    writeFileSync(join(dir, 'later', 'cna-refetch.txt'), rewritten);
    assert.match(run('ingest', 'seeds', '--db', db).stdout, /ingested 5, updated 0, unchanged 0, rejected 0/);
    assert.match(run('ingest', join(dir, 'later'), '--db', db).stdout, /ingested 0, updated 1, unchanged 0, rejected 0/);
    assert.match(run('ingest', join(dir, 'later'), '--db', db).stdout, /ingested 0, updated 0, unchanged 1, rejected 0/, 'the same file again is unchanged');
    const story = run('ask', '/story 1', '--db', db, '--lang', 'en', '--pictures', join(dir, 'pics'));
    assert.equal(story.status, 0, story.stderr);
    assert.match(story.stdout, /^Story #1: 白宮：拜登邀澤倫斯基12日訪問 討論援烏$/m);
    assert.match(story.stdout, /headline changed: 烏克蘭戰費枯竭 白宮：拜登邀澤倫斯基再訪 → 白宮：拜登邀澤倫斯基12日訪問 討論援烏/);
    assert.match(story.stdout, /^picture: .*\.png$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
