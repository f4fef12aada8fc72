import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed, parseFeedDate } from '../../src/sources/feed/parse-feed.ts';
import { hasFullContent, itemToArticle } from '../../src/sources/feed/item-article.ts';
import { FeedError } from '../../src/sources/feed/feed-types.ts';

function reason(xml: string): string {
  try {
    parseFeed(xml);
  } catch (err) {
    assert.ok(err instanceof FeedError);
    return err.reason;
  }
  assert.fail('expected the feed to be rejected');
}

test('RSS 1.0 (RDF), Atom xhtml content and RSS permalink GUIDs map to the same item shape', () => {
  const rdf = parseFeed(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel><title>RDF Wire</title><link>https://rdf.example/</link></channel>
  <item><title>One &amp; only</title><link>https://rdf.example/1</link><dc:date>2025-11-01T09:00:00+09:00</dc:date><dc:creator>Kim</dc:creator><description>Short.</description></item>
</rdf:RDF>`);
  assert.equal(rdf.format, 'rdf');
  assert.equal(rdf.title, 'RDF Wire');
  assert.deepEqual([rdf.items[0].title, rdf.items[0].link, rdf.items[0].published, rdf.items[0].authors], ['One & only', 'https://rdf.example/1', '2025-11-01T09:00:00+09:00', ['Kim']]);

  const atom = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &amp;lt;b&amp;gt;</title>
<entry><id>urn:uuid:1</id><title>X</title><link href="https://a.example/x"/><updated>2025-11-02T00:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First <b>bold</b> line.</p><p>Second line.</p></div></content></entry></feed>`);
  assert.equal(atom.items[0].published, '2025-11-02T00:00:00Z');
  assert.deepEqual(itemToArticle(atom.items[0], atom.title).paragraphs.map((p) => p.text), ['First bold line.', 'Second line.']);

  const rss = parseFeed(`<rss version="2.0"><channel><title>P</title><item><title>No link</title><guid>https://p.example/a</guid><pubDate>Sun, 02 Nov 2025 10:00:00 GMT</pubDate></item></channel></rss>`);
  assert.equal(rss.items[0].link, 'https://p.example/a');
  assert.equal(rss.items[0].published, '2025-11-02T10:00:00Z');
});

test('dates in feed formats keep their offset; unreadable ones become null', () => {
  assert.equal(parseFeedDate('Wed, 05 Nov 2025 14:00:00 +0800'), '2025-11-05T14:00:00+08:00');
  assert.equal(parseFeedDate('Wed, 05 Nov 2025 14:00:00 GMT'), '2025-11-05T14:00:00Z');
  assert.equal(parseFeedDate('2025-11-05T14:00:00.123+08:00'), '2025-11-05T14:00:00.123+08:00');
  assert.equal(parseFeedDate('yesterday-ish'), null);
});

test('not-feeds and unsafe documents are rejected with one line', () => {
  assert.equal(reason('<!doctype html><html><body>Home</body></html>'), 'not an RSS/Atom feed: got an HTML page');
  assert.equal(reason('{"items": []}'), 'not an RSS/Atom feed: no <rss>, <feed> or <rdf:RDF> root element');
  assert.match(reason('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>'), /declares XML entities/);
  assert.match(reason('<rss version="2.0"><channel><title>x</title><item><title>a</item></channel></rss>'), /^broken XML at line 1, column \d+: .+/);
});

test('teasers are told from full text', () => {
  const item = { guid: null, link: 'https://x.example/1', title: 'T', published: null, updated: null, authors: [], categories: [] };
  assert.equal(hasFullContent({ ...item, contentHtml: null, summaryHtml: '<p>A short teaser…</p>' }), false);
  assert.equal(hasFullContent({ ...item, contentHtml: `<p>${'Long sentence about the news. '.repeat(30)}</p>`, summaryHtml: null }), true);
  assert.equal(hasFullContent({ ...item, contentHtml: `<p>${'立法院今天三讀通過預算案，'.repeat(20)}</p>`, summaryHtml: null }), true);
});

test('feeds in Big5 (declared in the XML prolog or the Content-Type) decode correctly', async () => {
  const iconv = (await import('iconv-lite')).default;
  const { decodeBody } = await import('../../src/sources/fetch/decode-body.ts');
  const xml = `<?xml version="1.0" encoding="big5"?><rss version="2.0"><channel><title>中央通訊社</title><item><title>總統出席國慶大會</title><link>https://big5.example/1</link></item></channel></rss>`;
  const bytes = iconv.encode(xml, 'big5');
  assert.equal(parseFeed(decodeBody(bytes, 'text/xml')).items[0].title, '總統出席國慶大會');
  const noProlog = iconv.encode(xml.replace(/<\?xml[^>]*\?>/, ''), 'big5');
  assert.equal(parseFeed(decodeBody(noProlog, 'application/rss+xml; charset=Big5')).title, '中央通訊社');
});

test('full-text items go through the same cleaning as HTML files: dateline read, trailer code and credits out', () => {
  const feed = parseFeed(`<rss version="2.0"><channel><title>中央社</title><item><title>立法院三讀通過預算</title><link>https://cna.example/news/1</link>
<pubDate>Wed, 05 Nov 2025 14:00:00 +0800</pubDate><description><![CDATA[<p>（中央社記者王大明台北5日電）立法院今天三讀通過明年度總預算案，朝野立委經過多次協商，在院會表決後完成審議程序，行政院表示將儘速執行各項計畫。</p><p>行政院長在院會後表示，感謝立法院支持，預算將優先用於國防、社福與基礎建設，並會定期向立法院報告執行進度，接受監督。</p><p>（編輯：李小華）1141105</p>]]></description></item></channel></rss>`);
  const a = itemToArticle(feed.items[0], feed.title);
  assert.deepEqual(a.dateline, { place: '台北', day: 5 });
  assert.ok(a.languages.includes('zh-Hant'));
  assert.equal(a.paragraphs.length, 2);
  assert.doesNotMatch(a.paragraphs.map((p) => p.text).join(''), /1141105|編輯/);
  assert.equal(a.outlet, '中央社');
  assert.equal(a.published_at, '2025-11-05T14:00:00+08:00');
});
