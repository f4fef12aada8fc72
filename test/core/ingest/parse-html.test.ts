// HTML pages: our body is at least as good as plain Mozilla Readability, and metadata is extracted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parseHtml } from '../../../src/core/ingest/parse-html.ts';
import { parseDocument } from '../../../src/core/ingest/parse-document.ts';
import { IngestError } from '../../../src/core/article.ts';
import { bigramF1 } from './bigram.ts';

const PAGES = ['kyiv-talks', 'city-council', 'science-brief'];

interface Expected {
  title: string;
  url: string | null;
  page_url?: string;
  published_at: string | null;
  published_precision: string | null;
  authors: string[];
  outlet: string | null;
  tags: string[];
  related_min: number;
  languages: string[];
  paragraphs: string[];
  must_not_contain: string[];
}

function load(name: string): { html: string; exp: Expected } {
  return {
    html: readFileSync(`test/fixtures/html/${name}.html`, 'utf8'),
    exp: JSON.parse(readFileSync(`test/fixtures/html/${name}.expected.json`, 'utf8')) as Expected,
  };
}

for (const name of PAGES) {
  test(`${name}: body F1 >= plain Readability's, >= 0.97, and no furniture leaks`, () => {
    const { html, exp } = load(name);
    const ours = parseHtml(html, `${name}.html`, exp.page_url);
    const plain = new Readability(parseHTML(html).document as never).parse();
    const expected = [exp.paragraphs.join(' ')];
    const f1 = bigramF1([ours.paragraphs.map((p) => p.text).join(' ')], expected);
    const base = bigramF1([plain?.textContent ?? ''], expected);
    console.log(`# ${name}: ours ${f1.toFixed(4)} vs readability ${base.toFixed(4)}`);
    assert.ok(f1 >= base, `ours ${f1} < readability ${base}`);
    assert.ok(f1 >= 0.97, `F1 ${f1}`);
    const body = ours.paragraphs.map((p) => p.text).join('\n');
    for (const s of exp.must_not_contain) assert.ok(!body.includes(s), `leaks ${s}`);
  });

  test(`${name}: metadata from JSON-LD / Open Graph / meta / markup`, () => {
    const { html, exp } = load(name);
    const a = parseHtml(html, `${name}.html`, exp.page_url);
    assert.equal(a.shape, 'html');
    assert.equal(a.title, exp.title);
    assert.equal(a.url, exp.url);
    assert.equal(a.published_at, exp.published_at);
    assert.equal(a.published_precision, exp.published_precision);
    assert.deepEqual(a.authors, exp.authors);
    assert.equal(a.outlet, exp.outlet);
    assert.deepEqual(a.tags, exp.tags);
    assert.deepEqual(a.languages, exp.languages);
    assert.ok(a.related.length >= exp.related_min, `related ${a.related.length}`);
    for (const r of a.related) assert.match(r.url ?? '', /^https?:\/\//);
  });
}

test('parseDocument dispatches .html files to the HTML parser', () => {
  const { html } = load('kyiv-talks');
  const a = parseDocument(Buffer.from(html), 'page.html');
  assert.equal(a.shape, 'html');
  assert.equal(a.title, 'Allies press for details on Ukraine security guarantees');
});

test('an HTML page without a date stays undated and javascript: links never become related', () => {
  const html = `<html><head><title>Quiet story</title></head><body><article><h1>Quiet story</h1>
    <p>${'A long sentence about nothing in particular that goes on for a while. '.repeat(12)}</p>
    <div class="related"><a href="javascript:alert(1)">Click this related link</a><a href="/ok/story">A fine related story</a></div>
    </article></body></html>`;
  const a = parseHtml(html, 'quiet.html', 'https://site.example/a/b');
  assert.equal(a.published_at, null);
  assert.equal(a.published_precision, null);
  assert.deepEqual(a.related.map((r) => r.url), ['https://site.example/ok/story']);
});

test('an empty HTML page is an IngestError naming the file', () => {
  assert.throws(() => parseHtml('   ', 'blank.html'), (e: unknown) => e instanceof IngestError && e.file === 'blank.html');
});

test("a page's own last-modified time is read (JSON-LD dateModified, article:modified_time, og:updated_time) in the outlet's zone", () => {
  const page = (head: string) =>
    Buffer.from(
      `<html lang="zh-Hant"><head><title>立法院三讀通過新法案</title>${head}</head><body><article><h1>立法院三讀通過新法案</h1>` +
        '<p>立法院今天下午三讀通過新法案，朝野立委在議場內進行表決，最後以多數通過，行政院表示將盡快公布施行。</p>' +
        '<p>法案內容包括多項條文修正，主管機關將在三個月內訂定相關子法，並舉辦說明會向民眾說明。</p></article></body></html>',
    );
  const ld = (o: object) => `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: '立法院三讀通過新法案', ...o })}</script>`;
  const a = parseDocument(page(ld({ datePublished: '2025-03-01T08:00:00+08:00', dateModified: '2025-03-01T10:30:00+08:00' })), 'a.html');
  assert.equal(a.modified_at, '2025-03-01T10:30:00+08:00');
  const b = parseDocument(page('<meta property="article:published_time" content="2025-03-01 08:00"><meta property="article:modified_time" content="2025-03-02 09:15">'), 'b.html');
  assert.equal(b.published_at, '2025-03-01T08:00:00+08:00');
  assert.equal(b.modified_at, '2025-03-02T09:15:00+08:00', 'no zone given: the Chinese page is read at UTC+8');
  const c = parseDocument(page('<meta property="og:updated_time" content="2025-03-03T01:00:00Z">'), 'c.html');
  assert.equal(c.modified_at, '2025-03-03T09:00:00+08:00', 'a UTC time is given in the outlet zone, the same instant');
  const d = parseDocument(page('<meta property="article:published_time" content="2025-03-02T16:30:00.000Z">'), 'e.html');
  assert.equal(d.published_at, '2025-03-03T00:30:00+08:00', 'the local day can differ from the UTC day');
  assert.equal(parseDocument(page(''), 'd.html').modified_at ?? null, null, 'a page that does not say has no modified time');
});

test("an embedded video player's labels and card are not body text, however short the report; a video-classed wrapper of prose stays", () => {
  const report = '新華社台北訊 市政府今天宣布，捷運新線將在明年三月通車，沿線十二個車站同步啟用，首月票價打八折。';
  const player = `<div class="pic-video"><div class="video-card"><span>捷運新線明年通車</span><span>時長：01:45</span><span>來源：市政台</span></div>
    <div class="video-player"><div class="mplayer"><div class="hintTip">正在為您切換到高清 480P,請稍候...</div><div>設置成功</div>
    <span>循環播放</span><span>跳過片頭</span><div>很抱歉，當前視頻播放失敗</div><div>錯誤代碼：QVS.4100</div></div></div></div>`;
  const html = `<html><head><title>捷運新線明年通車</title></head><body><div id="content"><h1>捷運新線明年通車</h1>${player}<p>${report}</p></div></body></html>`;
  const a = parseHtml(html, 'video.html');
  assert.deepEqual(a.paragraphs.map((p) => p.text), [report]);

  const long = '這是一段很長的報導文字，說明市政府的交通政策如何改變通勤者的日常生活，並引述多位專家的評論與數據分析。'.repeat(3);
  const wrapped = `<html><head><title>交通政策</title></head><body><div class="video-story"><h1>交通政策</h1><p>${long}</p><p>${long}</p></div></body></html>`;
  assert.equal(parseHtml(wrapped, 'wrapped.html').paragraphs.length, 2);
});

test('a Chinese page that names no reporter is credited to its editor in charge; a reporter wins over the editor', () => {
  const body = '<p>' + '武汉市今天公布了新的防疫措施，全市社区继续实行封闭管理，居民生活物资由社区统一配送。'.repeat(6) + '</p>';
  const page = (byline: string) =>
    `<html lang="zh-CN"><head><title>武汉公布新措施</title></head><body><h1>武汉公布新措施</h1>${byline}<div class="content">${body}</div>` +
    '<div class="foot"><span>责任编辑： 焦鹏 </span></div></body></html>';
  assert.deepEqual(parseHtml(page(''), 'a.html').authors, ['焦鹏']);
  assert.deepEqual(parseHtml(page('<meta name="author" content="王小明">'), 'b.html').authors, ['王小明']);
  assert.ok(!parseHtml(page(''), 'a.html').paragraphs.some((p) => p.text.includes('责任编辑')), 'the credit line stays out of the body');
});
