import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = process.cwd();

function newsbot(args: string[], input = '', extra: Record<string, string> = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => !e[0].startsWith('NEWSBOT_') && e[1] !== undefined));
  const res = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, input, env: { ...env, ...extra } });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

test('newsbot entities --jsonl: one line out per line in, code-point offsets, a bad line named on stderr', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-entities-cli-'));
  try {
    const input = [JSON.stringify({ id: 'a', text: '😀澤倫斯基會見毛澤東' }), 'not json', JSON.stringify({ id: 2, text: 'no names here' })].join('\n') + '\n';
    const r = newsbot(['entities', '--jsonl', '--db', join(dir, 'none.db')], input);
    assert.equal(r.code, 1, 'missing --db file is an error');
    assert.match(r.stderr, /no database at/);
    // Without a database file: curated aliases and the recogniser only.
    const ok = newsbot(['entities', '--jsonl'], input, { NEWSBOT_DB: join(dir, 'absent.db') });
    const lines = ok.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 2);
    assert.deepEqual(lines[0].entities.map((e: { start: number; end: number; type: string; entity_id: string }) => [e.start, e.end, e.type, e.entity_id]), [
      [1, 5, 'PER', 'zelensky'],
      [7, 10, 'PER', 'n:毛泽东'],
    ]);
    assert.deepEqual(lines[1], { id: 2, entities: [] });
    assert.match(ok.stderr, /stdin line 2: not JSON/);
    assert.equal(ok.code, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
