import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { openDatabase } from '../../src/core/store/db.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';
import { ingestPaths } from '../../src/core/loader/ingest-paths.ts';

let dir: string;
let dbFile: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-timeline-'));
  dbFile = join(dir, 'seeds.db');
  const db = openDatabase(dbFile);
  const res = await ingestPaths(sqliteStores(db), ['seeds']);
  db.close();
  assert.equal(res.ingested, 5);
});
after(() => rmSync(dir, { recursive: true, force: true }));

function ask(line: string, ...flags: string[]) {
  const res = spawnSync(process.execPath, ['bin/newsbot.js', 'ask', line, '--db', dbFile, ...flags], { encoding: 'utf8', timeout: 60_000 });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

test('/timeline 烏克蘭 on the seeds: the dated events that name Ukraine, oldest first, seed 004 apart as day 15 of an unknown month', () => {
  const { code, out } = ask('/timeline 烏克蘭', '--json');
  assert.equal(code, 0);
  const reply = JSON.parse(out) as { kind: string; text: string; articles: number[]; events: { date: string | null; day: number | null; text: string; article_ids: number[] }[] };
  assert.equal(reply.kind, 'ok');
  const dated = reply.events.filter((e) => e.date);
  assert.deepEqual(
    dated.map((e) => e.date),
    ['2023-12-12', '2025-08-18', '2025-08-22', '2025-10-17'],
    "seed 002's 20th (Colby: 華府…參與…基輔) and 21st (Rutte briefs NATO) do not name Ukraine, though its lead does",
  );
  const undated = reply.events.filter((e) => !e.date);
  assert.deepEqual(undated.map((e) => e.day), [15]);
  assert.equal(reply.events.at(-1), undated[0], 'listed after the dated ones');
  assert.match(undated[0].text, /會談/);
  // Every event names its source articles, and `articles` lists them in the order shown.
  const shownOrder: number[] = [];
  for (const e of reply.events) for (const id of e.article_ids) if (!shownOrder.includes(id)) shownOrder.push(id);
  assert.deepEqual(reply.articles, shownOrder);
  assert.match(reply.text, /2023-12-12\n\s+美國總統拜登已經邀請烏克蘭總統澤倫斯基訪問白宮\n\s+中央社\n\s+https:\/\/www\.cna\.com\.tw\//);
  assert.match(reply.text, /15日（月份不明）/);
});

test('/timeline in English, for a person, and for something unknown', () => {
  const en = ask('/timeline rutte', '--json', '--lang', 'en');
  const reply = JSON.parse(en.out) as { text: string; events: { date: string }[] };
  assert.deepEqual(
    reply.events.map((e) => e.date),
    ['2025-08-21', '2025-08-22'],
    'the events that name Rutte: seed 002 mentions him, but its 18th (Trump) and 20th (Colby) do not',
  );
  assert.match(reply.text, /^Timeline: rutte/);
  const zel = JSON.parse(ask('/timeline 泽连斯基', '--json').out) as { events: { date: string | null }[] };
  assert.deepEqual(
    zel.events.map((e) => e.date),
    ['2023-12-12', '2025-08-22', '2025-10-17'],
    'Simplified spelling finds the Traditional 澤倫斯基/澤連斯基 events; events of articles only mentioning him in passing are not his',
  );
  const none = ask('/timeline 火星殖民', '--lang', 'en');
  assert.equal(none.code, 0);
  assert.match(none.out, /No dated events found for “火星殖民”/);
});

test('/timeline without a topic, or with control characters, gets a one-line usage reply and exit status 2', () => {
  const missing = ask('/timeline');
  assert.equal(missing.code, 2);
  assert.match(missing.out, /用法：\/timeline/);
  assert.equal(missing.out.trim().split('\n').length, 1);
  const ctrl = ask('/timeline 烏克蘭\u0007', '--lang', 'en');
  assert.equal(ctrl.code, 2);
  assert.match(ctrl.out, /control characters/);
  assert.doesNotMatch(ctrl.out + ctrl.err, /at \w+ \(/, 'no stack trace');
});
