import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer, serve } from './fixture-server.ts';
import { createHarness } from './harness.ts';
import { pollSource } from '../../src/sources/poll/poll-source.ts';

const pageRoutes = {
  '/summary.xml': serve('summary.xml'),
  '/pages/port-expansion.html': serve('page-port-expansion.html', 'text/html; charset=utf-8'),
  '/pages/school-meals.html': serve('page-school-meals.html', 'text/html; charset=utf-8'),
};

test('a summary-only feed: each article page is fetched and cleaned by the HTML extractor, keeping the feed GUID, link and date', async () => {
  const srv = await startFixtureServer(pageRoutes);
  const h = createHarness();
  try {
    const src = await h.addFeed('teasers', srv.base + '/summary.xml');
    const r = await pollSource(h.ctx, src);
    assert.equal(r.ok, true, r.error ?? '');
    assert.equal(r.counts!.stored, 2, r.counts!.rejects.join('; '));
    const pages = srv.requests.filter((q) => q.path.startsWith('/pages/'));
    assert.equal(pages.length, 2);
    assert.match(String(pages[0].headers['user-agent']), /^newsbot\/0\.1/);
    const a = h.db.prepare("SELECT * FROM articles WHERE title = 'Port expansion approved'").get() as Record<string, string>;
    assert.ok(a, 'article stored under the page title');
    assert.equal(a.url, `${srv.base}/pages/port-expansion.html`);
    assert.equal(a.guid, `${srv.base}/pages/port-expansion.html`);
    assert.equal(a.outlet, 'Teaser Times');
    assert.ok(a.published_at?.startsWith('2025-11-07'), a.published_at);
    assert.match(a.body, /paragraph 5 reports/);
    assert.doesNotMatch(a.body, /the short version|Copyright Teaser Times|Something else/);
    // Second poll: the items are known, no page is fetched again.
    h.clock.t += 31 * 60_000;
    const again = await pollSource(h.ctx, await h.source(src.id));
    assert.equal(again.counts!.stored, 0);
    assert.equal(srv.requests.filter((q) => q.path.startsWith('/pages/')).length, 2);
  } finally {
    await h.close();
    await srv.close();
  }
});

test('page fetches per poll are capped (the rest wait for the next poll); a missing page: the item is stored from the feed summary with the reason', async () => {
  const srv = await startFixtureServer(pageRoutes);
  const h = createHarness();
  h.ctx.maxPagesPerPoll = 1;
  try {
    const src = await h.addFeed('teasers', srv.base + '/summary.xml');
    const first = await pollSource(h.ctx, src);
    assert.equal(first.counts!.stored, 1);
    assert.equal(first.counts!.deferred, 1);
    h.clock.t += 31 * 60_000;
    srv.routes.delete('/pages/school-meals.html');
    const second = await pollSource(h.ctx, await h.source(src.id));
    assert.equal(second.counts!.stored, 1);
    assert.equal(second.counts!.rejected, 0);
    const why = h.db.prepare("SELECT reason FROM source_items WHERE guid LIKE '%school-meals%' ORDER BY id DESC").pluck().get() as string;
    assert.match(why, /^from the feed summary: .*school-meals\.html: HTTP 404$/);
    assert.equal(h.articleCount(), 2);
    // Items predating the source are back catalogue even when they arrive on a later poll.
    const ids = h.db.prepare('SELECT id FROM articles').all() as { id: number }[];
    assert.ok((await Promise.all(ids.map((r) => h.ctx.stores.sources.isBackfill(r.id)))).every(Boolean));
    h.clock.t += 31 * 60_000;
    const third = await pollSource(h.ctx, await h.source(src.id));
    assert.equal(third.counts!.rejected + third.counts!.stored, 0, 'an item stored from its summary after a 404 is not fetched every poll');
  } finally {
    await h.close();
    await srv.close();
  }
});

test('a page source is fetched conditionally and stored once until it changes', async () => {
  let etagHits = 0;
  const srv = await startFixtureServer({
    '/story.html': (req, res, base) => {
      if (req.headers['if-none-match'] === '"p1"') {
        etagHits++;
        res.writeHead(304, { etag: '"p1"' });
        return void res.end();
      }
      serve('page-port-expansion.html', 'text/html', { etag: '"p1"' })(req, res, base);
    },
  });
  const h = createHarness();
  try {
    const src = await h.addFeed('story', srv.base + '/story.html', 60, 'page');
    const r = await pollSource(h.ctx, src);
    assert.equal(r.counts!.stored, 1, r.error ?? '');
    h.clock.t += 61 * 60_000;
    const r2 = await pollSource(h.ctx, await h.source(src.id));
    assert.equal(r2.notModified, true);
    assert.equal(etagHits, 1);
    assert.equal(h.articleCount(), 1);
  } finally {
    await h.close();
    await srv.close();
  }
});
