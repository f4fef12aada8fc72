/**
 * End to end: the real discord.js client, logged in to the fake Discord over real sockets,
 * answers slash commands, autocomplete and page buttons. Checks the callback bodies Discord would get.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { commands } from '../../../commands/index.ts';
import type { CommandDef, Reply } from '../../../src/core/contract/types.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { PERMS } from '../../helpers/fake-discord.ts';
import { ingestPaths } from '../../../src/core/loader/ingest-paths.ts';
import { ingestBytes } from '../../../src/core/loader/ingest-bytes.ts';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CANARY_TOKEN, startHarness, unescapeDiscord, type Harness } from './setup.ts';

const EPHEMERAL = 1 << 6;
const MANAGE = (PERMS.ViewChannel | PERMS.SendMessages | PERMS.ManageChannels).toString();

const def = (name: string, run: CommandDef['run']): CommandDef => ({ name, description: { en: name, 'zh-TW': name }, options: [], examples: [`/${name}`], run });

const hostileReply: Reply = {
  kind: 'ok',
  title: '@everyone <b>title</b>',
  intro: '[x](javascript:alert(1)) @here',
  items: [
    { heading: '**<@123>**', text: '<b>bold</b> </code> @everyone [x](javascript:alert(1)) # h\n> quote', url: 'javascript:alert(1)', meta: '<#456> ||spoiler||' },
    { heading: 'fine', url: 'https://news.example/a_(b)' },
  ],
  footer: '@everyone footer',
  articles: [],
};
const HOSTILE_TITLE = '<b>Breaking</b> @everyone [x](javascript:alert(1)) <@123> </code>';
const HOSTILE_DOC = `---\nlayout: post\ntitle: "${HOSTILE_TITLE}"\ndate: 2025-08-24 10:00:00 +0800\n---\n\nThe body has **markdown**, @here, ||spoiler|| and <#456> in it, and more words so it counts as an article body.\n`;
const LONG_TEXT = Array.from({ length: 900 }, (_, i) => `word${i}`).join(' ');
const longReply: Reply = {
  kind: 'ok',
  title: 'Long list',
  items: Array.from({ length: 35 }, (_, i) => ({ heading: `Story ${i}`, text: i === 3 ? LONG_TEXT : `text ${i}`, url: `https://news.example/${i}` })),
  articles: [],
};
const testCommands: CommandDef[] = [
  ...commands,
  def('hostile', () => hostileReply),
  def('long', () => longReply),
  def('boom', () => {
    throw new Error('kaboom');
  }),
  def('ctx', async ({ chat, lang }) => ({
    kind: 'ok',
    intro: JSON.stringify({ chatId: chat.chatId, threadId: chat.threadId ?? null, isGroup: chat.isGroup, isAdmin: await chat.isAdmin(), canPost: (await chat.canPost?.()) ?? null, lang }),
    items: [],
    articles: [],
  })),
];

function sampleArgs(c: CommandDef): Record<string, string | number> {
  const args: Record<string, string | number> = {};
  for (const o of c.options.filter((o) => o.required)) args[o.name] = o.type === 'integer' ? (o.min ?? 1) : 'zelensky';
  return args;
}

describe('discord interactions', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ commands: testCommands });
    // The embedded seed articles, so the real commands answer with real content.
    const loaded = await ingestPaths(sqliteStores(h.db), ['seeds']);
    assert.ok(loaded.ingested >= 5, JSON.stringify(loaded));
    const stored = await ingestBytes(sqliteStores(h.db), { bytes: Buffer.from(HOSTILE_DOC), name: 'hostile.md', url: 'javascript:alert(1)' });
    assert.equal(stored.status, 'ingested', JSON.stringify(stored));
  });
  after(async () => {
    await h?.close();
  });

  test('every command is acknowledged at once, then answered with one embed within limits', async () => {
    for (const c of commands) {
      const id = h.fake.slash(c.name, sampleArgs(c));
      const reply = await h.fake.waitForReply(id);
      const cb = h.fake.callbacks.find((x) => x.interactionId === id)!;
      assert.equal(cb.type, 5, `/${c.name} deferred first`);
      assert.equal(reply.body.embeds.length, 1, `/${c.name} one embed`);
      const embed = reply.body.embeds[0];
      assert.ok(embed.description.length > 0 && embed.description.length <= 4096, `/${c.name} description size`);
      assert.deepEqual(reply.body.allowed_mentions, { parse: [] }, `/${c.name} allowed_mentions`);
      assert.equal(typeof embed.color, 'number');
    }
  });

  test('/help lists every command with its description', async () => {
    const reply = await h.fake.waitForReply(h.fake.slash('help'));
    assert.equal(reply.ephemeral, false);
    const embed = reply.body.embeds[0];
    assert.equal(embed.title, 'newsbot commands');
    // More commands than fit one page (10 items): follow the Next button through the pages.
    const pages = [embed.description];
    for (let components = reply.body.components; components?.[0] && !components[0].components[1].disabled; ) {
      const cb = await h.fake.waitForCallback(h.fake.button(components[0].components[1].custom_id));
      pages.push(cb.body.data.embeds[0].description);
      components = cb.body.data.components;
    }
    const shown = unescapeDiscord(pages.join('\n'));
    for (const c of commands) {
      assert.ok(shown.includes(`**/${c.name}`), `/${c.name} listed`);
      assert.ok(shown.includes(c.description.en), `/${c.name} described`);
    }
  });

  test('real answers over the seed articles: /search and /latest render linked, escaped stories', async () => {
    const search = await h.fake.waitForReply(h.fake.slash('search', { query: '澤倫斯基' }));
    assert.equal(search.ephemeral, false);
    const embed = search.body.embeds[0];
    const headings = [...embed.description.matchAll(/^\*\*(.+)\*\*$/gm)].map((m) => unescapeDiscord(m[1]));
    assert.ok(headings.length >= 3, `${headings.length} results`);
    assert.ok(unescapeDiscord(embed.description).includes('澤倫斯基'));
    const links = [...embed.description.matchAll(/(?<!\\)\[([^\]]+)\]\(([^)]+)\)/g)];
    assert.ok(links.length >= 1, 'at least one source link');
    for (const [, label, url] of links) {
      assert.match(url, /^https?:\/\//);
      assert.equal(label, new URL(url).hostname.replace(/^www\./, ''));
    }
    const latest = await h.fake.waitForReply(h.fake.slash('latest', { count: 3 }, { locale: 'zh-TW' }));
    assert.equal(latest.ephemeral, false);
    assert.equal([...latest.body.embeds[0].description.matchAll(/^\*\*.+\*\*$/gm)].length, 3);
  });

  test('/who over the seeds: the person across scripts, with the articles that mention them', async () => {
    const en = await h.fake.waitForReply(h.fake.slash('who', { name: 'zelensky' }));
    assert.equal(en.ephemeral, false);
    const title = unescapeDiscord(en.body.embeds[0].title);
    assert.match(title, /Zelensky/);
    assert.match(title, /澤倫斯基/);
    const d = en.body.embeds[0].description;
    assert.ok([...d.matchAll(/^\*\*.+\*\*$/gm)].length >= 3, 'articles listed');
    assert.match(d, /\[cna\.com\.tw\]\(https:\/\/www\.cna\.com\.tw\//);
    const zh = await h.fake.waitForReply(h.fake.slash('who', { name: '泽连斯基' }, { locale: 'zh-TW' }));
    assert.match(unescapeDiscord(zh.body.embeds[0].title), /^澤倫斯基/);
  });

  test('a zh-TW or zh-CN client gets Chinese, others English', async () => {
    for (const [locale, title] of [['zh-TW', 'newsbot 指令'], ['zh-CN', 'newsbot 指令'], ['de', 'newsbot commands']]) {
      const reply = await h.fake.waitForReply(h.fake.slash('help', {}, { locale }));
      assert.equal(reply.body.embeds[0].title, title, locale);
    }
  });

  test('a per-chat /language override wins over the user locale', async () => {
    const channelId = '510000000000000001';
    const set = await h.fake.waitForReply(h.fake.slash('language', { language: 'en' }, { channelId, locale: 'zh-TW', memberPermissions: MANAGE }));
    assert.equal(set.ephemeral, false);
    const help = await h.fake.waitForReply(h.fake.slash('help', {}, { channelId, locale: 'zh-TW' }));
    assert.equal(help.body.embeds[0].title, 'newsbot commands');
    const elsewhere = await h.fake.waitForReply(h.fake.slash('help', {}, { locale: 'zh-TW' }));
    assert.equal(elsewhere.body.embeds[0].title, 'newsbot 指令');
  });

  test('usage replies are ephemeral and replace the public deferral', async () => {
    const id = h.fake.slash('language', { language: 'klingon' });
    const reply = await h.fake.waitForReply(id);
    assert.equal(reply.ephemeral, true);
    assert.equal(reply.via, 'followup');
    assert.match(unescapeDiscord(reply.body.embeds[0].description), /klingon/);
    const token = h.fake.callbacks.find((c) => c.interactionId === id)!.token;
    assert.ok(h.fake.webhooks.some((w) => w.token === token && w.method === 'DELETE' && w.messageId === '@original'));
  });

  test('a failing command gets an ephemeral apology and a log line, no stack trace in chat', async () => {
    const reply = await h.fake.waitForReply(h.fake.slash('boom'));
    assert.equal(reply.ephemeral, true);
    assert.match(reply.body.embeds[0].description, /Sorry/);
    assert.doesNotMatch(JSON.stringify(reply.body), /kaboom|at .*\.ts/);
    assert.ok(h.lines.some((l) => l.includes('command /boom failed') && l.includes('kaboom')));
  });

  test('unknown commands and expired page buttons get ephemeral notices', async () => {
    const unknown = await h.fake.waitForReply(h.fake.slash('nosuch'));
    assert.equal(unknown.ephemeral, true);
    assert.match(unknown.body.embeds[0].description, /nosuch/);
    const expired = await h.fake.waitForReply(h.fake.button('nbp:AAAAAAAAAAAA:1'));
    assert.equal(expired.ephemeral, true);
    assert.match(expired.body.embeds[0].description, /expired/);
  });

  test('hostile article text cannot inject markdown, links or mentions', async () => {
    const reply = await h.fake.waitForReply(h.fake.slash('hostile'));
    const body = reply.body;
    assert.deepEqual(body.allowed_mentions, { parse: [] });
    const embed = body.embeds[0];
    const raw = JSON.stringify(embed);
    assert.doesNotMatch(raw, /@everyone|@here/, 'mass mentions broken');
    assert.doesNotMatch(embed.description, /\]\((?!https?:)/, 'no link target other than http(s)');
    assert.doesNotMatch(embed.description, /(^|[^\\])<(@|#|b>|\/code)/, 'no raw < left');
    assert.doesNotMatch(embed.description, /^(#|>)/m, 'no heading or quote lines');
    // The only link is the http(s) one, with parentheses encoded and its host as the label.
    assert.deepEqual(embed.description.match(/(?<!\\)\[[^\]]*\]\([^)]*\)/g), ['[news.example](https://news.example/a_%28b%29)']);
    // Displayed text is exactly the article text.
    const shown = unescapeDiscord(embed.description);
    assert.ok(shown.includes('<b>bold</b> </code> @everyone [x](javascript:alert(1)) # h'));
    assert.ok(shown.includes('> quote'));
    assert.equal(unescapeDiscord(embed.title), '@everyone <b>title</b>');
    assert.equal(embed.footer.text.replace(/\u200b/g, ''), '@everyone footer');
  });

  test('a hostile article ingested for real is shown literally by /search, with no link from it', async () => {
    const reply = await h.fake.waitForReply(h.fake.slash('search', { query: 'Breaking' }));
    assert.deepEqual(reply.body.allowed_mentions, { parse: [] });
    const d = reply.body.embeds[0].description;
    assert.ok(unescapeDiscord(d).includes(HOSTILE_TITLE), d);
    assert.doesNotMatch(d, /@everyone|@here/);
    assert.doesNotMatch(d, /(?<!\\)[<|\[]/, 'every <, | and [ from the article is escaped');
    assert.doesNotMatch(d, /(?<!\\)\]\(/, 'no markdown link at all: the article URL was not http(s)');
  });

  test('a long answer is paged with buttons; clicking through shows every item once, in order', async () => {
    const first = await h.fake.waitForReply(h.fake.slash('long'));
    const seen: string[] = [first.body.embeds[0].description];
    let components = first.body.components;
    assert.equal(components.length, 1);
    assert.equal(components[0].components[0].disabled, true, 'Prev disabled on page 1');
    for (let guard = 0; guard < 20; guard++) {
      const next = components[0].components[1];
      if (next.disabled) break;
      assert.ok(next.custom_id.length <= 100);
      const id = h.fake.button(next.custom_id);
      const cb = await h.fake.waitForCallback(id);
      assert.equal(cb.type, 7, 'button answered by updating the message');
      seen.push(cb.body.data.embeds[0].description);
      components = cb.body.data.components;
    }
    assert.ok(seen.length >= 4, `35 items at 10 per page: ${seen.length} pages`);
    const all = unescapeDiscord(seen.join('\n'));
    let at = -1;
    for (let i = 0; i < 35; i++) {
      const pos = all.indexOf(`**Story ${i}**`);
      assert.ok(pos > at, `Story ${i} once, in order`);
      assert.equal(all.indexOf(`**Story ${i}**`, pos + 1), -1);
      at = pos;
    }
    assert.ok(all.replace(/\s+/g, ' ').includes(LONG_TEXT), 'the 900-word item is complete');
    // Prev goes back.
    const back = await h.fake.waitForCallback(h.fake.button(components[0].components[0].custom_id));
    assert.equal(back.body.data.embeds[0].description, seen[seen.length - 2]);
  });

  test('DM, guild channel and thread contexts', async () => {
    const ctx = async (origin: Parameters<Harness['fake']['slash']>[2]) => {
      const r = await h.fake.waitForReply(h.fake.slash('ctx', {}, origin));
      return JSON.parse(unescapeDiscord(r.body.embeds[0].description));
    };
    assert.deepEqual(await ctx({ channelType: 1, channelId: '520000000000000001' }), { chatId: '520000000000000001', threadId: null, isGroup: false, isAdmin: true, canPost: true, lang: 'en' });
    assert.deepEqual(await ctx({ channelType: 0, channelId: '520000000000000002' }), { chatId: '520000000000000002', threadId: null, isGroup: true, isAdmin: false, canPost: true, lang: 'en' });
    assert.deepEqual(await ctx({ channelType: 0, channelId: '520000000000000002', memberPermissions: MANAGE, appPermissions: PERMS.ViewChannel.toString() }), {
      chatId: '520000000000000002', threadId: null, isGroup: true, isAdmin: true, canPost: false, lang: 'en',
    });
    assert.deepEqual(await ctx({ channelType: 11, channelId: '520000000000000003', parentId: '520000000000000002', locale: 'zh-TW' }), {
      chatId: '520000000000000002', threadId: '520000000000000003', isGroup: true, isAdmin: false, canPost: true, lang: 'zh-TW',
    });
  });

  test('autocomplete suggests names across scripts from the alias data, in the user\'s language', async () => {
    const typed = await h.fake.waitForCallback(h.fake.autocomplete('timeline', 'topic', '泽连'));
    assert.equal(typed.type, 8);
    assert.equal(typed.body.data.choices[0].value, 'Volodymyr Zelenskyy');
    assert.match(typed.body.data.choices[0].name, /澤倫斯基/);
    const zh = await h.fake.waitForCallback(h.fake.autocomplete('timeline', 'topic', 'zelensk', {}, { locale: 'zh-TW' }));
    assert.equal(zh.body.data.choices[0].value, '澤倫斯基');
    const empty = await h.fake.waitForCallback(h.fake.autocomplete('latest', 'topic', ''));
    const n = empty.body.data.choices.length;
    assert.ok(n >= 5 && n <= 25, `an empty prefix lists the most mentioned names (${n})`);
    for (const c of empty.body.data.choices) assert.ok(c.name.length <= 100 && c.value.length <= 100);
    assert.equal(new Set(empty.body.data.choices.map((c: { value: string }) => c.value)).size, n, 'no duplicates');
    const none = await h.fake.waitForCallback(h.fake.autocomplete('search', 'query', 'ze'));
    assert.deepEqual(none.body.data.choices, [], 'options without autocomplete get nothing');
  });

  test('the bot token is used on the wire but never logged', async () => {
    assert.equal(h.fake.identifies[0].token, CANARY_TOKEN);
    assert.ok(h.fake.requests.some((r) => r.authorization === `Bot ${CANARY_TOKEN}`));
    assert.ok(h.lines.length > 10, 'debug logging was on');
    for (const line of h.lines) assert.ok(!line.includes(CANARY_TOKEN), `token in log line: ${line.slice(0, 80)}`);
  });

  // Last: it adds 80 corpus posts to the database the tests above read.
  test('/search pages its own results: Next re-runs the search for hits 6–10, Prev goes back', async () => {
    await ingestPaths(sqliteStores(h.db), readdirSync('test/fixtures/corpus').sort().slice(0, 80).map((n) => join('test/fixtures/corpus', n)));
    const first = await h.fake.waitForReply(h.fake.slash('search', { query: '中国' }, { locale: 'en-US' }));
    assert.match(first.body.embeds[0].footer?.text ?? first.body.embeds[0].description, /Results 1–5 of \d+/);
    const [prev, next] = first.body.components[0].components;
    assert.equal(prev.disabled, true);
    assert.match(next.custom_id, /^nbq:[A-Za-z0-9_-]+:1$/);
    const page2 = await h.fake.waitForCallback(h.fake.button(next.custom_id));
    assert.equal(page2.type, 7, 'answered by updating the message');
    const embed2 = page2.body.data.embeds[0];
    assert.match(embed2.footer?.text ?? embed2.description, /Results 6–10 of/);
    assert.notEqual(embed2.description, first.body.embeds[0].description);
    const back = await h.fake.waitForCallback(h.fake.button(page2.body.data.components[0].components[0].custom_id));
    assert.equal(back.body.data.embeds[0].description, first.body.embeds[0].description);
  });
});
