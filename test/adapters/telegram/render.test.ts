import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Reply } from '../../../src/core/contract/types.ts';
import { renderReplyMessages } from '../../../src/adapters/telegram/send-reply.ts';
import { escapeAttr, escapeHtml, safeHttpUrl } from '../../../src/adapters/telegram/html.ts';
import { renderReplyBlocks } from '../../../src/adapters/telegram/render-reply.ts';
import { linesToText, packBlocks, splitLine } from '../../../src/adapters/telegram/split-message.ts';
import { parseTelegramHtml } from '../../helpers/telegram-harness.ts';

const HOSTILE = [
  '<b>bold?</b>',
  '</code><script>alert(1)</script>',
  '@everyone and @here ping',
  '[x](javascript:alert(1))',
  '<a href="javascript:alert(1)">click</a>',
  '**markdown** _under_ `code` & &amp; &lt;',
];

function reply(items: Reply['items'], extra: Partial<Reply> = {}): Reply {
  return { kind: 'ok', items, articles: [], ...extra };
}

test('escapes the three HTML characters and both quotes in attributes', () => {
  assert.equal(escapeHtml('a < b && c > d "q"'), 'a &lt; b &amp;&amp; c &gt; d "q"');
  assert.equal(escapeAttr(`x"y'z<&>`), 'x&quot;y&#39;z&lt;&amp;&gt;');
});

test('only absolute http(s) URLs survive as links', () => {
  assert.equal(safeHttpUrl('https://example.com/a?b=1&c=<2>'), 'https://example.com/a?b=1&c=%3C2%3E');
  for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'tg://user?id=1', '/relative', 'ftp://x.org/', 'https://user:pw@example.com/', '']) {
    assert.equal(safeHttpUrl(bad), null, bad);
  }
});

test('hostile article text stays text: no markup, no foreign link, no mention', () => {
  const r = reply(
    HOSTILE.map((t) => ({ heading: t, text: t, meta: t, url: t.includes('javascript') ? 'javascript:alert(1)' : 'https://example.com/"onmouseover="x' })),
    { title: HOSTILE[0], intro: HOSTILE.join('\n'), footer: HOSTILE[2] },
  );
  const messages = renderReplyMessages(r, 'en');
  const parsed = messages.map(parseTelegramHtml); // throws on any tag we did not mean
  const text = parsed.map((p) => p.text).join('\n');
  for (const t of HOSTILE) assert.ok(text.includes(t.replace(/@/g, '@\u2060')), `shown literally: ${t}`);
  assert.doesNotMatch(text, /@(everyone|here)/, 'mentions are broken by a word joiner');
  const links = parsed.flatMap((p) => p.links);
  assert.ok(links.length > 0);
  for (const l of links) assert.match(l, /^https:\/\/example\.com\//);
  for (const m of messages) {
    assert.doesNotMatch(m, /<(?!\/?(b|i|a)[ >])/, 'only our own tags');
    assert.doesNotMatch(m, /<a href="(?!https:)/i);
  }
});

test('a reply longer than 4096 characters is split on line boundaries, in order, nothing lost', () => {
  const items = Array.from({ length: 120 }, (_, i) => ({ heading: `Story ${i} <${i}>`, text: `Line ${i}: ` + '新聞 & news '.repeat(8), url: `https://example.com/${i}` }));
  const r = reply(items, { title: 'Digest', footer: 'end' });
  const messages = renderReplyMessages(r, 'en');
  assert.ok(messages.length > 1);
  const texts = messages.map((m) => parseTelegramHtml(m).text);
  for (const t of texts) assert.ok(t.length <= 4096);
  const expected = linesToText(packBlocks(renderReplyBlocks(r, 'en'), { maxChars: 1e9 })[0]);
  assert.equal(texts.join('\n\n'), expected, 'joining the parts gives back the whole reply');
  // Items are never cut in half when they fit in a message.
  for (const t of texts) assert.match(t, /^(Digest|\d+\. Story \d+)/);
});

test('one over-long line is cut inside, at a space, without splitting a surrogate pair or an entity', () => {
  const long = ('😀 <&> ' + 'x'.repeat(50) + ' ').repeat(200);
  const r = reply([{ text: long, url: 'https://example.com/' }]);
  const messages = renderReplyMessages(r, 'en');
  assert.ok(messages.length >= 2);
  const texts = messages.map((m) => parseTelegramHtml(m).text);
  assert.equal(texts.join('\n').replace(/\n/g, ''), (long + 'Read more').replace(/\n/g, ''));
  for (const t of texts) assert.ok(!/[\ud800-\udbff]$/.test(t), 'no lone high surrogate at a cut');
  const pieces = splitLine([{ text: 'ab😀cd', style: 'b' }], 3);
  assert.deepEqual(pieces.map((p) => p.map((s) => s.text).join('')), ['ab', '😀c', 'd']);
});

test('paging packs at most N items per message', () => {
  const items = Array.from({ length: 25 }, (_, i) => ({ heading: `Item ${i}` }));
  const pages = packBlocks(renderReplyBlocks(reply(items, { title: 'T' }), 'en'), { maxItems: 10 });
  assert.equal(pages.length, 3);
  assert.deepEqual(pages.map((p) => p.filter((l) => l.length > 1 && l[1].text.startsWith('Item')).length), [10, 10, 5]);
});

test('paging buttons carry the command line when it fits in 64 bytes, else a cache key', async () => {
  const { lineRef, pageKeyboard, parsePageData } = await import('../../../src/adapters/telegram/paging.ts');
  const short = lineRef('/search 澤倫斯基', 12)!;
  const kb = pageKeyboard(short, 5, 12, 'en').inline_keyboard.flat();
  assert.deepEqual(kb.map((b) => b.text), ['◀ Previous', '6/12', 'Next ▶']);
  for (const b of kb) assert.ok(Buffer.byteLength(b.callback_data) <= 64);
  assert.deepEqual(parsePageData(kb[2].callback_data), { line: '/search 澤倫斯基', page: 6, byCommand: false });
  assert.equal(lineRef('/search ' + '烏克蘭'.repeat(10), 12), null, 'too long for callback data');
  assert.deepEqual(parsePageData(pageKeyboard({ key: 'ab12' }, 0, 3, 'zh-TW').inline_keyboard[0][1].callback_data), { key: 'ab12', page: 1, byCommand: false });
  // Pages the command renders itself (/search): their own prefixes, so a press re-runs it with `page`.
  const byCommand = lineRef('/search 中国', 20, true)!;
  const next = pageKeyboard(byCommand, 0, 20, 'en').inline_keyboard.flat().at(-1)!;
  assert.equal(next.callback_data, 'sp:1:/search 中国');
  assert.deepEqual(parsePageData(next.callback_data), { line: '/search 中国', page: 1, byCommand: true });
  assert.deepEqual(parsePageData(pageKeyboard({ key: 'k9', byCommand: true }, 1, 20, 'en').inline_keyboard[0][0].callback_data), { key: 'k9', page: 0, byCommand: true });
  assert.equal(parsePageData('pl:1:not a command'), null);
  assert.equal(parsePageData('something else'), null);
});
