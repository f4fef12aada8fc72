// Hostile HTML (thousands of unclosed tags) parses to a sane article: nesting is bounded before any DOM is built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../src/core/ingest/parse-document.ts';
import { limitNesting, MAX_HTML_DEPTH } from '../../../src/core/ingest/limit-nesting.ts';
import { hostilePage } from '../../../scripts/eval/extraction-figures.ts';

const textLength = (ps: { text: string }[]) => ps.reduce((n, p) => n + p.text.replace(/\s/g, '').length, 0);

test('a page of 300 KB of unclosed <b> tags keeps its title and all its text', () => {
  const html = hostilePage(300);
  const units = html.split('<b>').length - 1;
  const a = parseDocument(Buffer.from(html), 'hostile.html');
  assert.equal(a.title, '測試頁面標題');
  assert.equal(textLength(a.paragraphs), units * 2);
});

test('unclosed <div>, <span> and <font> nest no deeper than the limit and lose no text', () => {
  const html = `<html><head><title>深層巢狀頁面</title></head><body>${'<span><i><div><font>段落文字 '.repeat(20000)}</body></html>`;
  const limited = limitNesting(html);
  let depth = 0;
  let max = 0;
  for (const m of limited.matchAll(/<(\/?)(div|span|i|font)\b/g)) {
    depth += m[1] ? -1 : 1;
    max = Math.max(max, depth);
  }
  assert.ok(max <= MAX_HTML_DEPTH, `depth ${max}`);
  const a = parseDocument(Buffer.from(html), 'deep.html');
  assert.equal(textLength(a.paragraphs), 20000 * 4);
});

test('ordinary markup passes unchanged, and tags inside scripts are not counted', () => {
  const page = `<html><body><div><p>a<b>b</b></p><script>${'<b>'.repeat(500)}</script><span>${'<i>x</i>'.repeat(300)}</span></div></body></html>`;
  assert.equal(limitNesting(page), page);
});

test('closing an outer element closes what was left open inside it', () => {
  const page = `<html><body>${'<div><span>text</div>'.repeat(1000)}<h1>end</h1></body></html>`;
  assert.equal(limitNesting(page), page);
});
