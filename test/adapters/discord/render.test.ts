import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown, safeHttpUrl } from '../../../src/adapters/discord/escape.ts';
import { packBlocks, splitText } from '../../../src/adapters/discord/pack-blocks.ts';
import { renderReplyPages, embedLength, LIMITS } from '../../../src/adapters/discord/render-reply.ts';
import { decodePageId, encodePageId, createPageCache, pageButtons } from '../../../src/adapters/discord/paging.ts';
import { messageNonce } from '../../../src/adapters/discord/send.ts';
import { resolveApiBase } from '../../../src/adapters/discord/api-base.ts';
import type { Reply } from '../../../src/core/contract/types.ts';
import { unescapeDiscord } from './setup.ts';


const HOSTILE = ['  - indented list', '+ plus', 'a - b # c > d', '<b>bold</b> </code>', '@everyone @here', '[x](javascript:alert(1))', '**bold** __u__ ~~s~~ `code` ||spoiler||', '<@123> <#456> <@&789>', '> quote', '# heading', '-# small', '1. list', 'back\\slash'];

test('escapeMarkdown shows hostile text literally and breaks mentions', () => {
  for (const raw of HOSTILE) {
    const out = escapeMarkdown(raw);
    assert.equal(unescapeDiscord(out), raw, `round trip of ${raw}`);
    assert.doesNotMatch(out, /(^|[^\\])[*_~`|<\[\]()]/, `unescaped markdown in ${out}`);
    assert.doesNotMatch(out, /@(everyone|here)/);
    assert.doesNotMatch(out, /^(\s*)(-|#|>|\d+\.)/m);
  }
});

test('safeHttpUrl keeps only absolute http(s) URLs and cannot close a markdown link', () => {
  assert.equal(safeHttpUrl('javascript:alert(1)'), null);
  assert.equal(safeHttpUrl('data:text/html,<b>'), null);
  assert.equal(safeHttpUrl('mailto:a@b.c'), null);
  assert.equal(safeHttpUrl('/relative/path'), null);
  assert.equal(safeHttpUrl('https://user:pw@example.com/'), null);
  assert.equal(safeHttpUrl('https://example.com/a_(b)'), 'https://example.com/a_%28b%29');
  assert.equal(safeHttpUrl('http://例子.tw/新聞'), 'http://xn--fsqu00a.tw/%E6%96%B0%E8%81%9E');
});

test('splitText cuts at whitespace, never inside an escape, and loses nothing', () => {
  const text = Array.from({ length: 400 }, (_, i) => `w${i}*_`).join(' ');
  const parts = splitText(text, 100, escapeMarkdown);
  for (const p of parts) assert.ok(escapeMarkdown(p).length <= 100);
  assert.equal(parts.join(' '), text);
  const word = '*'.repeat(250);
  const cut = splitText(word, 101, escapeMarkdown);
  for (const p of cut) assert.ok(escapeMarkdown(p).length <= 101);
  assert.equal(cut.join(''), word);
});

test('packBlocks keeps blocks whole, in order, under the limit', () => {
  const blocks = Array.from({ length: 50 }, (_, i) => [`**item ${i}**`, 'x'.repeat(i * 10)]);
  const pages = packBlocks(blocks, 1000, 10);
  for (const p of pages) assert.ok(p.length <= 1000);
  const joined = pages.join('\n\n');
  let at = -1;
  for (let i = 0; i < 50; i++) {
    const next = joined.indexOf(`**item ${i}**\n`);
    assert.ok(next > at, `item ${i} present and in order`);
    at = next;
  }
});

test('renderReplyPages spreads an over-long reply over pages within every Discord limit', () => {
  const items = Array.from({ length: 40 }, (_, i) => ({ heading: `Story ${i}`, text: `body ${i} `.repeat(60), url: `https://news.example/${i}`, meta: `outlet ${i}` }));
  items.push({ heading: 'Huge', text: 'huge '.repeat(2000), url: 'https://news.example/huge', meta: 'm' });
  const reply: Reply = { kind: 'ok', title: 'T'.repeat(400), intro: 'intro', items, footer: 'F'.repeat(3000), articles: [] };
  const pages = renderReplyPages(reply, { lang: 'en' });
  assert.ok(pages.length > 3);
  for (const p of pages) {
    assert.ok(p.description.length <= LIMITS.description);
    assert.ok((p.title ?? '').length <= LIMITS.title);
    assert.ok((p.footer?.text ?? '').length <= LIMITS.footer);
    assert.ok(embedLength(p) <= LIMITS.embed);
  }
  const all = pages.map((p) => p.description).join('\n');
  for (let i = 0; i < 40; i++) assert.ok(all.includes(`[news.example](https://news.example/${i})`), `link ${i}`);
  assert.equal((unescapeDiscord(all).match(/huge/g) ?? []).length, 2000 + 1);
  assert.match(pages[1].footer!.text, /Page 2\/\d+$/);
});

test('paragraphs keep one blank line between them; empty lines do not pile up', () => {
  const [page] = renderReplyPages({ kind: 'ok', intro: 'first\n\n\n\nsecond\nthird', items: [{ heading: 'h', text: 'p1\n \np2' }], articles: [] }, { lang: 'en' });
  assert.equal(page.description, 'first\n\nsecond\nthird\n\n**h**\np1\n\np2');
});

test('page ids fit Discord custom_id and the cache expires', () => {
  let t = 0;
  const cache = createPageCache({ ttlMs: 1000, now: () => t });
  const key = cache.put({ pages: [], lang: 'en' });
  const id = encodePageId(key, 12);
  assert.ok(id.length <= 100);
  assert.deepEqual(decodePageId(id), { key, page: 12, byCommand: false });
  // A command-paged reply's buttons (re-run the command): same key, their own prefix.
  const [prev, next] = pageButtons(key, 3, 20, 'en', true)[0].components as { custom_id: string; disabled: boolean }[];
  assert.deepEqual(decodePageId(next.custom_id), { key, page: 4, byCommand: true });
  assert.deepEqual([prev.disabled, next.disabled], [false, false]);
  assert.ok(next.custom_id.length <= 100);
  assert.equal(decodePageId('other:thing'), null);
  assert.ok(cache.get(key));
  t = 1000;
  assert.equal(cache.get(key), undefined);
});

test('message nonces are at most 25 characters, stable per key and part, distinct across both', () => {
  const a = messageNonce('digest:42:2025-08-25T00:00:00.000Z', 0);
  assert.ok(a.length <= 25);
  assert.equal(a, messageNonce('digest:42:2025-08-25T00:00:00.000Z', 0));
  assert.notEqual(a, messageNonce('digest:42:2025-08-25T00:00:00.000Z', 1));
  assert.notEqual(a, messageNonce('digest:43:2025-08-25T00:00:00.000Z', 0));
  assert.ok(messageNonce('k', 999).length <= 25);
});

test('DISCORD_API_URL accepts the REST base or a bare origin', () => {
  assert.equal(resolveApiBase(undefined), 'https://discord.com/api');
  assert.equal(resolveApiBase('http://127.0.0.1:9/api/'), 'http://127.0.0.1:9/api');
  assert.equal(resolveApiBase('http://127.0.0.1:9'), 'http://127.0.0.1:9/api');
  assert.equal(resolveApiBase('http://127.0.0.1:9/api/v10'), 'http://127.0.0.1:9/api');
});
