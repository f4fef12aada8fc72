/** /language zh-CN: every command's reply in Simplified characters (what the user typed stays as typed). */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { openDatabase, type Db } from '../../src/core/store/db.ts';
import { ingestPaths } from '../../src/core/loader/ingest-paths.ts';
import { answerLine } from '../../src/adapters/terminal/run-line.ts';
import { commands } from '../../commands/index.ts';
import type { Reply } from '../../src/core/contract/types.ts';
import { toSimplified } from '../../src/core/text/script.ts';
import { langFromClient, parseLangChoice } from '../../src/core/chat-settings/resolve-lang.ts';
import { parseCommandLine } from '../../commands/parse.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

let dir: string;
let db: Db;
const deps = () => ({ stores: sqliteStores(db), now: () => new Date('2025-11-01T00:00:00Z') });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-zhcn-'));
  db = openDatabase(join(dir, 'x.db'));
  await ingestPaths(sqliteStores(db), ['seeds']);
});
after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const textOf = (r: Reply) => [r.title, r.intro, r.footer, ...r.items.flatMap((i) => [i.heading, i.text, i.meta])].filter(Boolean).join('\n');
const HAN = /\p{Script=Han}/u;

test('every example of every command answers in Simplified for a zh-CN chat', async () => {
  let checked = 0;
  for (const c of commands) {
    for (const line of [...c.examples, `/${c.name}`]) {
      const reply = await answerLine(line, 'zh-CN', deps());
      if (reply.lang && reply.lang !== 'zh-CN') continue; // /language en|zh-TW answers in the language it just chose
      const parsed = parseCommandLine(line);
      const typed = parsed.ok ? Object.values(parsed.args).filter((v): v is string => typeof v === 'string') : [];
      let text = textOf(reply);
      for (const t of typed) text = text.split(t).join('');
      assert.ok(HAN.test(text), `${line}: a Chinese reply (${text.slice(0, 60)})`);
      assert.equal(toSimplified(text), text, `${line}: nothing left in Traditional`);
      checked++;
    }
  }
  assert.ok(checked >= commands.length * 2);
  // What the user typed stays as typed in the echo; article lines are converted.
  const tl = await answerLine('/timeline 烏克蘭', 'zh-CN', deps());
  assert.equal(tl.title, '时间轴：烏克蘭');
  assert.ok(tl.items.some((i) => i.text?.includes('乌克兰')));
});

test('/language zh-CN answers in Simplified and sticks; zh-TW and en come back', async () => {
  const set = await answerLine('/language zh-CN', 'zh-TW', deps());
  assert.equal(set.intro, '本聊天室之后将以简体中文回复。');
  const show = await answerLine('/language', 'zh-CN', deps());
  assert.match(show.intro!, /简体中文 \(zh-CN\)/);
  assert.equal((await answerLine('/language zh-TW', 'zh-CN', deps())).intro, '本聊天室之後將以繁體中文回覆。', 'answered in the new language, not converted');
  assert.equal((await answerLine('/language en', 'zh-TW', deps())).intro, 'This chat now gets replies in English.');
});

test('client languages: zh-hans, zh-CN, zh-SG → zh-CN; zh-hant, zh-TW, zh-HK, zh → zh-TW', () => {
  for (const t of ['zh-hans', 'zh-CN', 'zh-cn', 'zh-SG', 'zh-Hans-CN']) assert.equal(langFromClient(t), 'zh-CN', t);
  for (const t of ['zh-hant', 'zh-TW', 'zh-HK', 'zh']) assert.equal(langFromClient(t), 'zh-TW', t);
  assert.equal(langFromClient('zhx'), 'en');
  assert.equal(parseLangChoice('简体'), 'zh-CN');
  assert.equal(parseLangChoice('zh-cn'), 'zh-CN');
});

test('newsbot ask --lang zh-CN: the timeline picture is saved to a file and its path printed', () => {
  const pics = join(dir, 'pics');
  const file = join(dir, 'x.db');
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'ask', '/timeline 烏克蘭', '--db', file, '--lang', 'zh-CN', '--pictures', pics], { encoding: 'utf8' });
  assert.equal(res.status, 0, res.stderr);
  const m = /图片：(\S+\.png)$/m.exec(res.stdout);
  assert.ok(m, res.stdout.slice(-200));
  assert.ok(existsSync(m[1]) && m[1].startsWith(pics));
  assert.deepEqual([...readFileSync(m[1]).subarray(1, 4)], [80, 78, 71]);
});
