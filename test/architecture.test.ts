import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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

/** Imports of `file` that resolve into `dir` (a path from the repository root). */
function importsInto(file: string, dir: string): string[] {
  return importsOf(file).filter((s) => s.startsWith('.') && (resolve(dirname(file), s) + '/').startsWith(resolve(dir) + '/'));
}

test('the core never imports commands, sources, adapters, the scheduler, the cluster, ops or the CLI', () => {
  const offenders = sourceFiles('src/core').flatMap((f) =>
    ['commands', 'src/sources', 'src/adapters', 'src/scheduler', 'src/cluster', 'src/ops', 'src/cli'].flatMap((d) => importsInto(f, d).map((s) => `${f} imports ${s}`)),
  );
  assert.deepEqual(offenders, []);
});

test('the scheduler and the cluster see only the adapter interface, never a concrete adapter', () => {
  const offenders = [...sourceFiles('src/scheduler'), ...sourceFiles('src/cluster')].flatMap((f) =>
    importsInto(f, 'src/adapters')
      .filter((s) => !s.endsWith('/adapters/types.ts'))
      .map((s) => `${f} imports ${s}`),
  );
  assert.deepEqual(offenders, []);
});

test('no adapter imports another adapter', () => {
  const platforms = readdirSync('src/adapters').filter((n) => statSync(join('src/adapters', n)).isDirectory());
  const offenders = platforms.flatMap((p) =>
    sourceFiles(join('src/adapters', p)).flatMap((f) =>
      platforms.filter((o) => o !== p).flatMap((o) => importsInto(f, join('src/adapters', o)).map((s) => `${f} imports ${s}`)),
    ),
  );
  assert.deepEqual(offenders, []);
});

test('adapters hold no command knowledge: no command is named in them', () => {
  const names = readdirSync('commands').filter((n) => n.endsWith('.ts')).map((n) => n.replace(/\.ts$/, ''));
  const offenders = sourceFiles('src/adapters').flatMap((f) => {
    const src = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    return names.filter((n) => new RegExp(`['"\`]/?${n}['"\`]`).test(src)).map((n) => `${f} names the command '${n}'`);
  });
  assert.deepEqual(offenders, []);
});

test('no source file is over 400 lines', () => {
  const offenders = [...sourceFiles('src'), ...sourceFiles('commands'), ...sourceFiles('scripts')]
    .map((f) => ({ f, lines: readFileSync(f, 'utf8').split('\n').length }))
    .filter((x) => x.lines > 400)
    .map((x) => `${x.f}: ${x.lines} lines`);
  assert.deepEqual(offenders, []);
});

test('only src/config.ts reads process.env', () => {
  const offenders = [...sourceFiles('src'), ...sourceFiles('commands')].filter(
    (f) => !f.endsWith('config.ts') && /process\.env\b/.test(readFileSync(f, 'utf8')),
  );
  assert.deepEqual(offenders, []);
});

test('SQL lives only in store modules and migrations (src/core/store/), and no database handle type leaves them', () => {
  const SQL = /\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|VIRTUAL)|PRAGMA\s)/;
  const HANDLE = /\b(better-sqlite3|from\s+['"]pg['"]|\bDatabase\b|\bDb\b|\bSql\b|prepareCached|legacyDb)\b/;
  const inStore = (f: string) => f.startsWith(join('src', 'core', 'store') + '/');
  const offenders = [...sourceFiles('src'), ...sourceFiles('commands')]
    .filter((f) => !inStore(f))
    .flatMap((f) => {
      const src = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      return [...(SQL.test(src) ? [`${f}: SQL`] : []), ...(HANDLE.test(src) ? [`${f}: ${HANDLE.exec(src)![0]}`] : [])];
    });
  assert.deepEqual(offenders, []);
});

/** Imports that exist at run time (`import type` is erased). */
function valueImportsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8').replace(/^\s*(import|export) type [^;]*;/gm, '');
  return [...src.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

test('no import cycles among the scheduler, adapters, sources and store modules', () => {
  const files = [...sourceFiles('src/scheduler'), ...sourceFiles('src/cluster'), ...sourceFiles('src/ops'), ...sourceFiles('src/adapters'), ...sourceFiles('src/sources'), ...sourceFiles('src/core/store')].map((f) => resolve(f));
  const known = new Set(files);
  const edges = new Map(files.map((f) => [f, valueImportsOf(f).filter((s) => s.startsWith('.')).map((s) => resolve(dirname(f), s)).filter((t) => known.has(t))]));
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const walk = (f: string, path: string[]): void => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') {
      cycles.push([...path.slice(path.indexOf(f)), f].map((p) => p.slice(resolve('.').length + 1)).join(' → '));
      return;
    }
    state.set(f, 'open');
    for (const t of edges.get(f) ?? []) walk(t, [...path, f]);
    state.set(f, 'done');
  };
  for (const f of files) walk(f, []);
  assert.deepEqual(cycles, []);
});
