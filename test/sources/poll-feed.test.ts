import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer, serve, fixture } from './fixture-server.ts';
import { createHarness } from './harness.ts';
import { pollSource, pollDueSources } from '../../src/sources/poll/poll-source.ts';

test('RSS, Atom and CDATA-HTML feeds become articles keeping GUID, link, dates, authors and the feed title as outlet', async () => {
  const srv = await startFixtureServer({ '/rss.xml': serve('rss.xml'), '/atom.xml': serve('atom.xml', 'application/atom+xml'), '/cdata.xml': serve('cdata.xml') });
  const h = createHarness();
  try {
    for (const [name, path] of [['rss', '/rss.xml'], ['atom', '/atom.xml'], ['cdata', '/cdata.xml']]) {
      const r = await pollSource(h.ctx, await h.addFeed(name, srv.base + path));
      assert.equal(r.ok, true, `${name}: ${r.error}`);
      assert.equal(r.counts!.stored, 2, name);
    }
    const rows = h.db.prepare('SELECT id, title, url, outlet, published_at, guid, body FROM articles ORDER BY id').all() as Record<string, string>[];
    assert.equal(rows.length, 6);
    // Oldest first within a feed: ids follow publication order.
    assert.deepEqual(rows.slice(0, 2).map((r) => r.title), ['Harbour bridge reopens after repairs', 'Rail workers call off strike']);
    const rss = rows[0];
    assert.equal(rss.outlet, 'The Daily Harbour');
    assert.equal(rss.guid, 'daily-1');
    assert.equal(rss.url, `${srv.base}/news/harbour-bridge?utm_source=rss&utm_medium=feed`);
    assert.equal(rss.published_at, '2025-11-03T08:00:00+08:00');
    assert.match(rss.body, /paragraph 4 reports/);
    const atom = rows.find((r) => r.title === 'Museum opens new wing')!;
    assert.equal(atom.outlet, 'Atom Observer');
    assert.equal(atom.guid, 'tag:atom.example,2025:museum');
    assert.equal(atom.url, `${srv.base}/atom/museum`);
    const zh = rows.find((r) => r.title === '電網韌性計畫獲得通過')!;
    assert.equal(zh.outlet, '中文新聞網');
    assert.match(zh.body, /離岸風電/);
    assert.doesNotMatch(zh.body, /alert|<p>|<script/);
    const paras = h.db.prepare('SELECT COUNT(*) AS n FROM paragraphs WHERE article_id = ?').get(zh.id) as { n: number };
    assert.equal(paras.n, 3);
  } finally {
    await h.close();
    await srv.close();
  }
});

test('second poll sends If-None-Match and If-Modified-Since and a 304 stores nothing', async () => {
  const etag = '"v1"';
  const lm = 'Mon, 10 Nov 2025 00:00:00 GMT';
  const srv = await startFixtureServer({
    '/feed': (req, res, base) => {
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': lm });
      res.end(fixture('rss.xml', base));
    },
  });
  const h = createHarness();
  try {
    const src = await h.addFeed('cond', srv.base + '/feed');
    assert.equal((await pollSource(h.ctx, src)).counts!.stored, 2);
    assert.equal((await h.source(src.id)).etag, etag);
    h.clock.t += 31 * 60_000;
    const second = await pollSource(h.ctx, await h.source(src.id));
    assert.equal(second.ok, true);
    assert.equal(second.notModified, true);
    const req = srv.requests.filter((r) => r.path === '/feed')[1];
    assert.equal(req.headers['if-none-match'], etag);
    assert.equal(req.headers['if-modified-since'], lm);
    assert.match(String(req.headers['user-agent']), /^newsbot\/\d+\.\d+\.\d+$/, 'name and version; a contact only when configured');
    assert.equal(h.articleCount(), 2);
    assert.equal((await h.source(src.id)).etag, etag, 'validators kept after a 304');
  } finally {
    await h.close();
    await srv.close();
  }
});

test('a feed that grows between polls stores only the new item, once; the first poll is back catalogue', async () => {
  let xml = '';
  const srv = await startFixtureServer({ '/grow': (_q, res) => (res.writeHead(200, { 'content-type': 'application/rss+xml' }), res.end(xml)) });
  const h = createHarness();
  try {
    const full = fixture('rss.xml', srv.base);
    // First the feed holds only its older item.
    xml = full.replace(/<item>\s*<title>Rail workers[\s\S]*?<\/item>/, '');
    const src = await h.addFeed('grow', srv.base + '/grow');
    assert.equal((await pollSource(h.ctx, src)).counts!.stored, 1);
    h.clock.t += 31 * 60_000;
    xml = full;
    const r2 = await pollSource(h.ctx, await h.source(src.id));
    assert.equal(r2.counts!.stored, 1);
    assert.equal(r2.counts!.unchanged, 1);
    h.clock.t += 31 * 60_000;
    const r3 = await pollSource(h.ctx, await h.source(src.id));
    assert.equal(r3.counts!.stored, 0);
    assert.equal(h.articleCount(), 2);
    const ids = h.db.prepare('SELECT id, title FROM articles ORDER BY id').all() as { id: number; title: string }[];
    assert.equal(await h.ctx.stores.sources.isBackfill(ids[0].id), true, 'first poll: back catalogue');
    // The new item is dated before the source was added, so it is back catalogue too…
    assert.equal(await h.ctx.stores.sources.isBackfill(ids[1].id), true);
    // …while an item published after the source was added is news.
    xml = full.replace('Tue, 04 Nov 2025 09:30:00 +0800', 'Tue, 04 Nov 2025 09:30:00 +0800').replace(/<guid isPermaLink="false">daily-2<\/guid>/, '<guid isPermaLink="false">daily-3</guid>').replace('/news/rail-strike', '/news/rail-strike-2').replace('Tue, 04 Nov 2025', 'Mon, 10 Nov 2025').replace(/call off strike/, 'return to work').replace(/paragraph (\d) reports/g, 'paragraph $1 now reports');
    h.clock.t += 31 * 60_000;
    assert.equal((await pollSource(h.ctx, await h.source(src.id))).counts!.stored, 1);
    const newest = h.db.prepare('SELECT id FROM articles ORDER BY id DESC LIMIT 1').get() as { id: number };
    assert.equal(await h.ctx.stores.sources.isBackfill(newest.id), false);
  } finally {
    await h.close();
    await srv.close();
  }
});

test('the same article in two feeds (tracking parameters, http vs https link) is stored once', async () => {
  const srv = await startFixtureServer({
    '/a.xml': serve('rss.xml'),
    '/b.xml': (_q, res, base) => {
      // Another outlet's feed carrying the same story under a different GUID and a cleaner link.
      const xml = fixture('rss.xml', base)
        .replaceAll('daily-', 'mirror-')
        .replaceAll('?utm_source=rss&amp;utm_medium=feed', '?fbclid=XYZ#top')
        .replaceAll(`${base}/news/`, `${base.replace('http:', 'https:')}/news/`)
        .replace('The Daily Harbour', 'Harbour Mirror');
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(xml);
    },
  });
  const h = createHarness();
  try {
    await pollSource(h.ctx, await h.addFeed('a', srv.base + '/a.xml'));
    const b = await pollSource(h.ctx, await h.addFeed('b', srv.base + '/b.xml'));
    assert.equal(b.counts!.stored, 0);
    assert.equal(b.counts!.duplicates, 2);
    assert.equal(h.articleCount(), 2);
    const links = h.db.prepare("SELECT COUNT(DISTINCT article_id) AS n FROM source_items WHERE status = 'duplicate'").get() as { n: number };
    assert.equal(links.n, 2);
  } finally {
    await h.close();
    await srv.close();
  }
});

test('a broken feed fails with a one-line reason and the other sources are still ingested', async () => {
  const srv = await startFixtureServer({ '/broken.xml': serve('broken.xml'), '/lol.xml': serve('billion-laughs.xml'), '/ok.xml': serve('atom.xml') });
  const h = createHarness();
  try {
    const broken = await h.addFeed('broken', srv.base + '/broken.xml');
    const lol = await h.addFeed('lol', srv.base + '/lol.xml');
    await h.addFeed('ok', srv.base + '/ok.xml');
    const reports = await pollDueSources(h.ctx);
    assert.equal(reports.length, 3);
    const byName = Object.fromEntries(reports.map((r) => [r.source, r]));
    assert.equal(byName.broken.ok, false);
    assert.match(byName.broken.error!, /^broken XML at line \d+, column \d+: /);
    assert.doesNotMatch(byName.broken.error!, /\n/);
    assert.equal(byName.lol.ok, false);
    assert.match(byName.lol.error!, /entities/);
    assert.equal(byName.ok.ok, true);
    assert.equal(h.articleCount(), 2);
    assert.equal((await h.source(broken.id)).last_error, byName.broken.error);
    assert.equal((await h.source(lol.id)).consecutive_failures, 1);
  } finally {
    await h.close();
    await srv.close();
  }
});

test('a corrected full-text item updates its article in place; removing the source keeps dedupe and backfill marks', async () => {
  let xml = '';
  const srv = await startFixtureServer({ '/feed': (_q, res) => (res.writeHead(200, { 'content-type': 'application/rss+xml' }), res.end(xml)) });
  const h = createHarness();
  try {
    xml = fixture('rss.xml', srv.base);
    const src = await h.addFeed('fix', srv.base + '/feed');
    await pollSource(h.ctx, src);
    const before = h.db.prepare("SELECT id, body FROM articles WHERE guid = 'daily-1'").get() as { id: number; body: string };
    xml = xml.replace('Harbour bridge reopens after repairs: paragraph 1 reports', 'Harbour bridge reopens after repairs: paragraph 1 (corrected) reports');
    h.clock.t += 31 * 60_000;
    const r = await pollSource(h.ctx, await h.source(src.id));
    assert.equal(r.counts!.updated, 1);
    assert.equal(r.counts!.stored, 0);
    const after = h.db.prepare("SELECT id, body FROM articles WHERE guid = 'daily-1'").get() as { id: number; body: string };
    assert.equal(after.id, before.id);
    assert.match(after.body, /\(corrected\)/);
    assert.equal(h.articleCount(), 2);
    assert.equal(await h.ctx.stores.sources.isBackfill(after.id), true);

    await h.ctx.stores.sources.remove(src.id);
    assert.equal(await h.ctx.stores.sources.isBackfill(after.id), true, 'backfill marks outlive the source');
    const again = await pollSource(h.ctx, await h.addFeed('fix-again', srv.base + '/feed'));
    assert.equal(again.counts!.stored, 0);
    assert.equal(again.counts!.duplicates, 2);
  } finally {
    await h.close();
    await srv.close();
  }
});
