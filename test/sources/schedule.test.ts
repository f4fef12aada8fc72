import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer, fixture } from './fixture-server.ts';
import { createHarness } from './harness.ts';
import { pollDueSources, pollSource } from '../../src/sources/poll/poll-source.ts';
import { parseMaxAge, parseRetryAfter } from '../../src/sources/fetch/cache-headers.ts';

const MIN = 60_000;

test('429 with Retry-After: the next poll is not before the time the server asked for', async () => {
  let limited = true;
  const srv = await startFixtureServer({
    '/feed': (_q, res, base) => {
      if (limited) {
        res.writeHead(429, { 'retry-after': '7200' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(fixture('atom.xml', base));
    },
  });
  const h = createHarness();
  try {
    const src = await h.addFeed('limited', srv.base + '/feed', 30);
    const t0 = h.clock.t;
    const r = await pollDueSources(h.ctx);
    assert.equal(r[0].ok, false);
    assert.equal(r[0].error, `${srv.base}/feed: HTTP 429`);
    assert.equal((await h.source(src.id)).next_poll_at, new Date(t0 + 7200_000).toISOString());
    // An hour later (past the backoff, before Retry-After) nothing is requested.
    h.clock.t = t0 + 119 * MIN;
    assert.equal((await pollDueSources(h.ctx)).length, 0);
    assert.equal(srv.requests.length, 1);
    limited = false;
    h.clock.t = t0 + 120 * MIN;
    const again = await pollDueSources(h.ctx);
    assert.equal(again.length, 1);
    assert.equal(again[0].ok, true);
    assert.equal((await h.source(src.id)).consecutive_failures, 0);
  } finally {
    await h.close();
    await srv.close();
  }
});

test('Cache-Control max-age longer than the interval defers the next poll; a shorter one does not hasten it', async () => {
  let cc = 'public, max-age=10800';
  const srv = await startFixtureServer({ '/feed': (_q, res, base) => (res.writeHead(200, { 'content-type': 'application/atom+xml', 'cache-control': cc }), res.end(fixture('atom.xml', base))) });
  const h = createHarness();
  try {
    const src = await h.addFeed('cached', srv.base + '/feed', 30);
    await pollSource(h.ctx, src);
    assert.equal((await h.source(src.id)).next_poll_at, new Date(h.clock.t + 180 * MIN).toISOString());
    cc = 'max-age=60';
    h.clock.t += 180 * MIN;
    await pollSource(h.ctx, await h.source(src.id));
    assert.equal((await h.source(src.id)).next_poll_at, new Date(h.clock.t + 30 * MIN).toISOString());
  } finally {
    await h.close();
    await srv.close();
  }
});

test('repeated failures back off exponentially, then pause the source with its reason until resumed', async () => {
  let fail = true;
  const srv = await startFixtureServer({
    '/flaky': (_q, res, base) => {
      if (fail) return void (res.writeHead(500), res.end('oops'));
      res.writeHead(200, { 'content-type': 'application/atom+xml' });
      res.end(fixture('atom.xml', base));
    },
  });
  const h = createHarness();
  try {
    const src = await h.addFeed('flaky', srv.base + '/flaky', 10);
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = h.clock.t;
      const [r] = await pollDueSources(h.ctx);
      assert.equal(r.ok, false);
      const next = Date.parse((await h.source(src.id)).next_poll_at!);
      delays.push((next - before) / MIN);
      h.clock.t = next;
    }
    assert.deepEqual(delays, [20, 40, 80, 160]);
    const [fifth] = await pollDueSources(h.ctx);
    assert.equal(fifth.paused, `paused after 5 consecutive failures; last: ${srv.base}/flaky: HTTP 500`);
    const row = await h.source(src.id);
    assert.equal(row.paused_reason, fifth.paused);
    assert.equal(row.next_poll_at, null);
    h.clock.t += 7 * 24 * 60 * MIN;
    assert.equal((await pollDueSources(h.ctx)).length, 0, 'a paused source is not polled');
    fail = false;
    await h.ctx.stores.sources.resume(src.id, new Date(h.clock.t));
    const [ok] = await pollDueSources(h.ctx);
    assert.equal(ok.ok, true);
    assert.equal((await h.source(src.id)).consecutive_failures, 0);
    assert.equal((await h.source(src.id)).last_error, null);
  } finally {
    await h.close();
    await srv.close();
  }
});

test('Retry-After and max-age header parsing', () => {
  const now = Date.parse('2025-11-10T00:00:00Z');
  assert.equal(parseRetryAfter('120', now), now + 120_000);
  assert.equal(parseRetryAfter('Mon, 10 Nov 2025 01:00:00 GMT', now), now + 3600_000);
  assert.equal(parseRetryAfter('soon', now), null);
  assert.equal(parseMaxAge('public, max-age=600', '100'), 500);
  assert.equal(parseMaxAge('s-maxage=900, max-age=60', null), 900);
  assert.equal(parseMaxAge('no-cache', null), 0);
  assert.equal(parseMaxAge(undefined, null), null);
});

test('a permanent redirect moves the source to its new address; 410 Gone pauses it at once', async () => {
  const srv = await startFixtureServer({
    '/old.xml': (_q, res) => (res.writeHead(301, { location: '/new.xml' }), res.end()),
    '/new.xml': (_q, res, base) => (res.writeHead(200, { 'content-type': 'application/atom+xml' }), res.end(fixture('atom.xml', base))),
    '/temp.xml': (_q, res) => (res.writeHead(302, { location: '/new.xml' }), res.end()),
    '/gone.xml': (_q, res) => (res.writeHead(410), res.end()),
  });
  const h = createHarness();
  try {
    const moved = await h.addFeed('moved', srv.base + '/old.xml');
    const temp = await h.addFeed('temp', srv.base + '/temp.xml');
    const gone = await h.addFeed('gone', srv.base + '/gone.xml');
    await pollDueSources(h.ctx);
    assert.equal((await h.source(moved.id)).location, srv.base + '/new.xml');
    assert.equal((await h.source(temp.id)).location, srv.base + '/temp.xml', 'a temporary redirect keeps the address');
    assert.equal((await h.source(gone.id)).paused_reason, 'paused: the server says it is gone (HTTP 410)');
  } finally {
    await h.close();
    await srv.close();
  }
});
