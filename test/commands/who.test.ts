import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openDatabase, type Db } from '../../src/core/store/db.ts';
import { ingestPaths } from '../../src/core/loader/ingest-paths.ts';
import { parseCommandLine } from '../../commands/parse.ts';
import { executeCommand } from '../../commands/execute.ts';
import { whoCommand } from '../../commands/who.ts';
import type { CommandInput, Reply, ReplyLang } from '../../src/core/contract/types.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

let dir: string;
let db: Db;
const gold = JSON.parse(readFileSync(new URL('../fixtures/seeds.gold.json', import.meta.url), 'utf8')) as { queries: Record<string, string[]> };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-who-'));
  db = openDatabase(join(dir, 'seeds.db'));
  const summary = await ingestPaths(sqliteStores(db), ['seeds']);
  assert.equal(summary.ingested, 5, JSON.stringify(summary.rejects));
});
after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const chat = { platform: 'terminal' as const, chatId: 't', userId: 'u', isGroup: false, isAdmin: async () => true };
const deps = () => ({ stores: sqliteStores(db), now: () => new Date('2025-12-01T00:00:00Z') });

async function who(line: string, lang: ReplyLang = 'zh-TW'): Promise<Reply> {
  const parsed = parseCommandLine(line);
  assert.ok(parsed.ok, `${line} parses`);
  return executeCommand(parsed.command, { args: parsed.args, lang, chat }, deps());
}
/** Seed numbers ("000") of the cited articles, through their source file names. */
function seedsOf(ids: number[]): string[] {
  const file = db.prepare('SELECT source_file FROM articles WHERE id = ?').pluck();
  return ids.map((id) => basename(String(file.get(id))).slice(0, 3));
}

test('every gold /who query cites exactly the gold articles, newest first', async () => {
  const whoQueries = Object.entries(gold.queries).filter(([q]) => q.startsWith('/who '));
  assert.ok(whoQueries.length >= 10);
  for (const [q, expected] of whoQueries) {
    const reply = await who(q);
    assert.equal(reply.kind, 'ok', q);
    assert.deepEqual(seedsOf(reply.articles).sort(), [...expected].sort(), q);
  }
  // Newest first, the undated seed 004 last.
  assert.deepEqual(seedsOf((await who('/who zelensky')).articles), ['003', '001', '002', '000', '004']);
});

test('the reply says who it is in the chat language: names, role, spellings, coverage, co-mentions, headlines', async () => {
  const zh = await who('/who 泽连斯基');
  assert.equal(zh.title, '澤倫斯基（Volodymyr Zelenskyy）');
  assert.match(zh.intro!, /^烏克蘭總統。/);
  assert.match(zh.intro!, /報導中的寫法：.*澤倫斯基.*澤連斯基/);
  assert.match(zh.intro!, /5 篇報導提及（\d+ 則新聞），首見 2023-12-11，最近 2025-10-19。/);
  assert.match(zh.intro!, /最常一起出現：.*川普（4）/);
  assert.equal(zh.items.length, 5);
  assert.equal(zh.items[3].url, 'https://www.cna.com.tw/news/aopl/202312110006.aspx');
  const en = await who('/who Mark Rutte', 'en');
  assert.equal(en.title, 'Mark Rutte (呂特)');
  assert.match(en.intro!, /^NATO Secretary General\./);
  assert.match(en.intro!, /Mentioned in 2 articles/);
  const learned = await who('/who 尚皮耶');
  assert.match(learned.intro!, /白宮發言人/);
});

test('misspelt and Simplified names find the person; ambiguous names say so', async () => {
  // A misspelling is a guess: offered as "did you mean", never shown as the answer.
  const r = await who('/who zelenski', 'en');
  assert.match(r.intro!, /I don't know “zelenski”. Did you mean/);
  assert.equal(r.items[0].heading, 'Volodymyr Zelenskyy (澤倫斯基)');
  assert.deepEqual(r.articles, []);
  assert.equal(r.data?.match, 'fuzzy');
  assert.equal(r.data?.entity, null);
  assert.equal((r.data?.suggestions as { id: string }[])[0].id, 'zelensky');
  assert.deepEqual(seedsOf((await who('/who 普京')).articles).sort(), ['000', '001', '002', '004']);
  const kirby = await who('/who 柯比');
  assert.equal(kirby.title, '柯比（Elbridge Colby）');
  assert.match(kirby.intro!, /也可能是：柯比（John Kirby）/);
});

test('an unknown name gets close matches, not an error', async () => {
  const r = await who('/who lavrovski', 'en');
  assert.equal(r.kind, 'ok');
  assert.match(r.intro!, /Did you mean/);
  assert.equal(r.items[0].heading, 'Sergei Lavrov (拉夫羅夫)');
  assert.deepEqual(r.articles, []);
  const none = await who('/who qqqqqqqq');
  assert.match(none.intro!, /找不到「qqqqqqqq」/);
});

test('bad arguments get a friendly one-line usage reply', async () => {
  const run = (args: CommandInput['args']) => executeCommand(whoCommand, { args, lang: 'en', chat }, deps());
  for (const args of [{}, { name: '   ' }, { name: 'x'.repeat(5 * 1024 * 1024) }, { name: 'putin\u0007' }]) {
    const r = await run(args);
    assert.equal(r.kind, 'usage');
    assert.match(r.intro!, /\/who <name>/);
    assert.ok(!r.intro!.includes('\n'));
  }
  const parsed = parseCommandLine('/who');
  assert.equal(parsed.ok, false);
});

test('--json data: match kind, entity with names per script, article ids newest first', async () => {
  const exact = await who('/who 澤倫斯基');
  assert.equal(exact.data?.match, 'exact');
  const entity = exact.data?.entity as { id: string; type: string; names: Record<string, string[]> };
  assert.equal(entity.id, 'zelensky');
  assert.equal(entity.type, 'person');
  assert.ok(entity.names['zh-Hant'].includes('澤倫斯基'));
  assert.ok(entity.names['zh-Hans'].includes('泽连斯基'));
  assert.ok(entity.names.latin.some((n) => /Zelensk/.test(n)));
  assert.equal(exact.data?.article_count, 5);
  assert.deepEqual(exact.data?.articles, exact.articles);
  const alias = await who('/who Zelenskyy');
  assert.equal(alias.data?.match, 'alias');
  const none = await who('/who qqqqqqqq');
  assert.equal(none.data?.match, 'none');
});

test('names no alias lists are found in the text, and answer /who as themselves', async () => {
  // The seeds name people no curated entry has; one found in the text answers exactly, in either script.
  const row = db.prepare(`SELECT n.name, n.entity_id FROM entity_names n JOIN entity_mentions m ON m.entity_id = n.entity_id WHERE n.entity_id LIKE 'n:%' LIMIT 1`).get() as { name: string; entity_id: string } | undefined;
  assert.ok(row, 'some name was found in the seeds');
  const r = await who(`/who ${row.name}`);
  assert.equal(r.data?.match, 'exact');
  assert.equal((r.data?.entity as { id: string }).id, row.entity_id);
  assert.ok((r.data?.article_count as number) >= 1);
});
