// JSON Feed 1.0/1.1: parsed to the same items as RSS/Atom, polled like them, recognised by `sources add`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer, serve, fixture } from './fixture-server.ts';
import { createHarness } from './harness.ts';
import { pollSource } from '../../src/sources/poll/poll-source.ts';
import { parseJsonFeed } from '../../src/sources/feed/parse-json-feed.ts';
import { parseAnyFeed } from '../../src/sources/feed/parse-any-feed.ts';
import { FeedError } from '../../src/sources/feed/feed-types.ts';
import { detectKind } from '../../src/sources/detect-kind.ts';
import { createFetcher } from '../../src/sources/fetch/create-fetcher.ts';

const JSON_TYPE = 'application/feed+json; charset=utf-8';

test('JSON Feed items map to the common item shape; plain text is escaped, wrong types are dropped', () => {
  const feed = parseJsonFeed(fixture('json-feed.json', 'https://harbour.example'));
  assert.equal(feed.format, 'json');
  assert.deepEqual([feed.title, feed.link, feed.language], ['Harbour JSON', 'https://harbour.example/', 'zh-TW']);
  assert.equal(feed.items.length, 4, 'the string entry is skipped');
  const [a, b, c, d] = feed.items;
  assert.deepEqual([a.guid, a.link, a.published, a.authors, a.categories], ['harbour-1', 'https://harbour.example/news/1', '2025-11-07T09:30:00+08:00', ['王小明'], ['港口', '市議會']]);
  assert.deepEqual([b.guid, b.updated, b.authors], ['2', '2025-11-08T10:00:00Z', ['Kim Lee']]);
  assert.match(b.contentHtml!, /^<p>The council met on Friday.*&lt;script&gt;alert\(1\)&lt;\/script&gt;.*<\/p>\n<p>A second paragraph/s);
  assert.deepEqual([c.contentHtml, c.summaryHtml], [null, '<p>The short version…</p>']);
  assert.deepEqual([d.title, d.link], [null, null]);
  assert.equal(parseAnyFeed(fixture('json-feed.json', 'https://h.example')).format, 'json');
  assert.equal(parseAnyFeed(fixture('rss.xml', 'https://h.example')).format, 'rss');
});

test('documents that are not JSON Feeds are refused with one line', () => {
  const reason = (text: string) => {
    try {
      parseJsonFeed(text);
    } catch (err) {
      assert.ok(err instanceof FeedError);
      assert.doesNotMatch(err.reason, /\n/);
      return err.reason;
    }
    assert.fail('expected a FeedError');
  };
  assert.match(reason('{"version": "1.1", "items": []}'), /not a JSON Feed: version/);
  assert.match(reason('{"version": "https://jsonfeed.org/version/1.1"}'), /not a JSON Feed: items/);
  assert.match(reason('{"version": '), /broken JSON/);
});

test('a JSON Feed is polled like any feed: full items stored, a summary-only item from its page, hostile text stays text', async () => {
  const srv = await startFixtureServer({
    '/feed.json': serve('json-feed.json', JSON_TYPE),
    '/pages/port-expansion.html': serve('page-port-expansion.html', 'text/html; charset=utf-8'),
    '/home': (_req, res, base) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><head><title>Harbour</title><link rel="alternate" type="application/feed+json" href="${base}/feed.json"></head><body>Home</body></html>`);
    },
  });
  const h = createHarness();
  const fetcher = createFetcher({ allowPrivate: true });
  try {
    const direct = await detectKind(fetcher, `${srv.base}/feed.json`);
    assert.deepEqual([direct.kind, direct.title, direct.note], ['feed', 'Harbour JSON', 'JSON feed with 4 items']);
    const discovered = await detectKind(fetcher, `${srv.base}/home`);
    assert.deepEqual([discovered.kind, discovered.location], ['feed', `${srv.base}/feed.json`]);

    const src = await h.addFeed('harbour', `${srv.base}/feed.json`);
    const r = await pollSource(h.ctx, src);
    assert.equal(r.ok, true, r.error ?? '');
    assert.equal(r.counts!.stored, 4, r.counts!.rejects.join('; '));
    const rows = h.db.prepare('SELECT title, body, outlet FROM articles').all() as { title: string; body: string; outlet: string }[];
    const byTitle = (t: string) => rows.find((x) => x.title === t)!;
    assert.match(byTitle('港口擴建計畫通過').body, /新增四座深水碼頭/);
    assert.equal(byTitle('港口擴建計畫通過').outlet, 'Harbour JSON');
    assert.match(byTitle('Plain text only <script>alert(1)</script>').body, /<script>alert\(1\)<\/script> stays text/, 'the escaped text reads back as the literal text');
    assert.match(byTitle('Port expansion approved').body, /paragraph 5 reports/, 'fetched from the article page');
    assert.ok(rows.some((x) => x.title.startsWith('Wrong types are dropped')), 'an item without title or link is titled from its text');
  } finally {
    await fetcher.close();
    await h.close();
    await srv.close();
  }
});
