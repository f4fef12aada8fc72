// Contract: the seeds give the same answers on every backend. /who cites exactly the gold
// articles; /who, /timeline, /search (2-character, 3+ character, Simplified, English) and /latest
// reply identically on SQLite and PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ingestPaths } from '../../src/core/loader/ingest-paths.ts';
import { answerLine } from '../../src/adapters/terminal/run-line.ts';
import type { Reply } from '../../src/core/contract/types.ts';
import type { Stores } from '../../src/core/store/stores.ts';
import { BACKENDS, openBackend } from './backends.ts';

const gold = JSON.parse(readFileSync('test/fixtures/seeds.gold.json', 'utf8')) as { queries: Record<string, string[]> };
const LINES = [
  '/who zelensky', '/who 川普', '/who rutte', '/who 不存在的人',
  '/timeline 烏克蘭', '/timeline 澤倫斯基', '/timeline trump',
  '/search 普丁', '/search 泽连斯基', '/search Rutte', '/search 安全保障', '/search 火星殖民',
  '/latest', '/latest 3 川普', '/latest biden',
];
const now = () => new Date('2025-12-01T00:00:00Z');

/** What a reply says, without the picture (rendered bytes may differ by font hinting, never by data). */
function comparable(r: Reply): unknown {
  const { picture: _p, image: _i, ...rest } = r as Reply & { picture?: unknown; image?: unknown };
  return rest;
}

async function seedOf(stores: Stores, id: number): Promise<string> {
  const a = await stores.articles.get(id);
  return basename(String(a?.source_file)).slice(0, 3);
}

const answers = new Map<string, unknown>();

for (const backend of BACKENDS) {
  test(`seeds on ${backend}: gold /who answers, and the same replies as on every other backend`, async (t) => {
    const stores = await openBackend(t, backend);
    const summary = await ingestPaths(stores, ['seeds']);
    assert.equal(summary.ingested, 5, JSON.stringify(summary.rejects));
    const deps = { stores, now };

    for (const [q, expected] of Object.entries(gold.queries).filter(([q]) => q.startsWith('/who '))) {
      const reply = await answerLine(q, 'zh-TW', deps);
      assert.equal(reply.kind, 'ok', `${backend} ${q}`);
      const seeds = await Promise.all(reply.articles.map((id) => seedOf(stores, id)));
      assert.deepEqual(seeds.sort(), [...expected].sort(), `${backend} ${q}`);
    }
    for (const line of LINES) {
      for (const lang of ['zh-TW', 'en', 'zh-CN'] as const) {
        const got = comparable(await answerLine(line, lang, deps));
        const key = `${lang} ${line}`;
        if (!answers.has(key)) answers.set(key, got);
        else assert.deepEqual(got, answers.get(key), `${backend}: ${key} differs from ${BACKENDS[0]}`);
      }
    }
    assert.ok(((await answerLine('/search 普丁', 'zh-TW', deps)) as Reply).items.length > 0, `${backend}: a two-character query finds articles`);
  });
}
