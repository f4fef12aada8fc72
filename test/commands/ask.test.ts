import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { openDatabase, type Db } from '../../src/core/store/db.ts';
import { ingestPaths } from '../../src/core/loader/ingest-paths.ts';
import { storyIndexingDone } from '../../src/core/knowledge/index-article.ts';
import { createTerminalChat } from '../../src/adapters/terminal/terminal-chat.ts';
import { renderPlain } from '../../src/adapters/terminal/render-plain.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

let dir: string;
let dbFile: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-ask-'));
  dbFile = join(dir, 'seeds.db');
  const db = openDatabase(dbFile);
  await ingestPaths(db, ['seeds']);
  await storyIndexingDone(db); // TRANSITIONAL (stories branch): see core/knowledge/index-article.ts
  db.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

const ask = (...args: string[]) => spawnSync(process.execPath, ['bin/newsbot.js', 'ask', ...args], { encoding: 'utf8', timeout: 60_000 });

test('newsbot ask prints plain text; --json gives text, kind and the cited article ids as in export', () => {
  const plain = ask('/latest 2', '--db', dbFile, '--lang', 'en');
  assert.equal(plain.status, 0, plain.stderr);
  assert.match(plain.stdout, /^Latest stories\n\n1\. /);
  const json = ask('/search 呂特', '--db', dbFile, '--json');
  const reply = JSON.parse(json.stdout) as { kind: string; text: string; articles: number[]; events?: unknown };
  assert.equal(reply.kind, 'ok');
  assert.equal(reply.events, undefined, 'events only for /timeline');
  const db = openDatabase(dbFile);
  const ids = db.prepare("SELECT id FROM articles WHERE body LIKE '%呂特%' ORDER BY id").pluck().all();
  db.close();
  assert.deepEqual([...reply.articles].sort(), ids);
  assert.match(reply.text, /^搜尋：呂特/);
});

test('newsbot ask: one-line errors for a missing line, a bad --lang, a missing database, an unknown command', () => {
  const none = ask('--db', dbFile);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /missing command line/);
  const lang = ask('/latest', '--db', dbFile, '--lang', 'fr');
  assert.equal(lang.status, 2);
  assert.match(lang.stderr, /--lang must be zh-TW, zh-CN or en/);
  const missing = ask('/latest', '--db', join(dir, 'nope.db'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no database at .*nope\.db/);
  const unknown = ask('/weather', '--db', dbFile, '--lang', 'en');
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stdout.trim(), 'Unknown command /weather. Type /help for the list.');
});

test('the terminal chat answers each line, hints on plain text, and ends on /quit', async () => {
  const db: Db = openDatabase(dbFile);
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c) => (text += c));
  const chat = createTerminalChat({ stores: sqliteStores(db), input, output, lang: 'en', prompt: '' });
  input.write('/timeline 烏克蘭\nhello\n/quit\n/latest\n');
  await chat.done;
  db.close();
  assert.match(text, /Timeline: 烏克蘭\n\n1\. 2023-12-12/);
  assert.match(text, /Type a command starting with \//);
  assert.doesNotMatch(text, /Latest stories/, 'nothing answered after /quit');
});

test('renderPlain removes terminal escapes from article text and prints only http(s) links', () => {
  const out = renderPlain({ kind: 'ok', title: 'T\u001b[2J', items: [{ heading: 'h\u0007', text: 'a\u202eb', url: 'javascript:alert(1)' }, { heading: 'x', url: 'https://e.test/a' }], articles: [] });
  assert.equal(out, 'T\n\n1. h\n   ab\n2. x\n   https://e.test/a');
});
