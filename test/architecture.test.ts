import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

const PLATFORM = /^(discord\.js|@discordjs\/|grammy|@grammyjs\/|node-cron)/;

test('the core and the commands never import a chat platform library or node-cron', () => {
  const offenders = [...sourceFiles('src/core'), ...sourceFiles('commands')].flatMap((f) =>
    importsOf(f)
      .filter((s) => PLATFORM.test(s))
      .map((s) => `${f} imports ${s}`),
  );
  assert.deepEqual(offenders, []);
});

test('the core never imports adapters, the scheduler or the CLI', () => {
  const offenders = sourceFiles('src/core').flatMap((f) =>
    importsOf(f)
      .filter((s) => /\/(adapters|scheduler|cli)\//.test(s))
      .map((s) => `${f} imports ${s}`),
  );
  assert.deepEqual(offenders, []);
});

test('only src/config.ts reads process.env', () => {
  const offenders = [...sourceFiles('src'), ...sourceFiles('commands')].filter(
    (f) => !f.endsWith('config.ts') && /process\.env\b/.test(readFileSync(f, 'utf8')),
  );
  assert.deepEqual(offenders, []);
});
