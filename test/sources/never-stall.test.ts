/**
 * Hostile or slow input never stalls the bot: pages are parsed on the parse thread (the event
 * loop stays free), one slow source holds up no other, and stopping ends a poll of slow pages
 * within seconds. Lags and durations here are correctness bounds with wide margins, not benchmarks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { startFixtureServer } from './fixture-server.ts';
import { createHarness } from './harness.ts';
import { pollSource } from '../../src/sources/poll/poll-source.ts';
import { startSources } from '../../src/sources/start-sources.ts';
import { createLogger } from '../../src/core/logger.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

function summaryFeed(base: string, slugs: string[]): string {
  return `<rss version="2.0"><channel><title>Slow</title>${slugs
    .map((s) => `<item><title>Item ${s}</title><link>${base}/p/${s}</link><guid>${base}/p/${s}</guid><description>Teaser of ${s}.</description></item>`)
    .join('')}</channel></rss>`;
}

/** Sends a page one byte a second, for ever (until the client goes away). */
function trickle(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html' });
  const t = setInterval(() => res.write('<'), 1000);
  res.on('close', () => clearInterval(t));
}

test('a hostile 1 MB page (unclosed tags) is parsed off the event loop: timers keep firing while it is parsed', async () => {
  const hostile = '<html><head><title>x</title></head><body>' + '<b>unclosed '.repeat(Math.floor((1024 * 1024) / 12)) + '</body></html>';
  const srv = await startFixtureServer({});
  srv.routes.set('/rss.xml', (_q, res) => res.end(summaryFeed(srv.base, ['evil'])));
  srv.routes.set('/p/evil', (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(hostile);
  });
  const h = createHarness();
  // Warm the parse thread first, so the measurement covers the hostile parse, not thread start-up.
  await h.ctx.sinks.parse.run({ kind: 'item', item: { guid: null, link: null, title: 'w', published: null, updated: null, contentHtml: '<p>w</p>', summaryHtml: null, authors: [], categories: [] }, outlet: null });
  let maxLag = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const t = performance.now();
    maxLag = Math.max(maxLag, t - last - 20);
    last = t;
  }, 20);
  try {
    const r = await pollSource(h.ctx, await h.addFeed('evil', srv.base + '/rss.xml'));
    assert.equal(r.ok, true, r.error ?? '');
    assert.equal(r.counts!.stored, 1, 'stored: from the page, or from the feed summary when the page is past the parse limits');
    assert.ok(maxLag < 1000, `event loop blocked for ${maxLag.toFixed(0)} ms`);
  } finally {
    clearInterval(probe);
    await h.close();
    await srv.close();
  }
});

test('sources are polled independently: a feed of trickling pages does not hold up another source; stop() ends within 5 s', async () => {
  const srv = await startFixtureServer({});
  const slugs = Array.from({ length: 12 }, (_, i) => `s${i}`);
  srv.routes.set('/slow.xml', (_q, res) => res.end(summaryFeed(srv.base, slugs)));
  for (const s of slugs) srv.routes.set(`/p/${s}`, (_q, res) => trickle(res));
  srv.routes.set('/fast.xml', (_q, res) =>
    res.end(`<rss version="2.0"><channel><title>Fast</title><item><title>Quick news</title><guid>q1</guid><description><![CDATA[<p>${'Full text of the quick story, long enough to be an article. '.repeat(12)}</p>]]></description></item></channel></rss>`),
  );
  const h = createHarness();
  const store = h.ctx.stores.sources;
  await store.add({ name: 'slow', kind: 'feed', location: srv.base + '/slow.xml', every_minutes: 30 }, new Date(Date.now() - 60_000));
  await store.add({ name: 'fast', kind: 'feed', location: srv.base + '/fast.xml', every_minutes: 30 }, new Date(Date.now() - 60_000));
  const rt = startSources({ stores: sqliteStores(h.db), config: { NEWSBOT_ALLOW_PRIVATE_NETWORKS: true, NEWSBOT_CONTACT: undefined }, log: createLogger('silent'), tickMs: 0, watch: false, fetcher: { hostIntervalMs: 0 }, poll: { pageDelayMs: 0 } });
  try {
    void rt.tick();
    const t0 = Date.now();
    while (h.articleCount() === 0 && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(h.db.prepare('SELECT title FROM articles').pluck().all(), ['Quick news'], 'the fast source was stored while the slow one is still polling');
    const slowPolls = srv.requests.filter((r) => r.path.startsWith('/p/')).length;
    assert.ok(slowPolls >= 1, 'the slow feed is mid-poll');
    const s0 = Date.now();
    await rt.stop();
    assert.ok(Date.now() - s0 < 5000, `stop took ${Date.now() - s0} ms`);
    // Stopping is not the source's fault: no failure recorded.
    assert.equal((await store.find('slow'))!.consecutive_failures, 0);
  } finally {
    await rt.stop();
    await h.close();
    await srv.close();
  }
});

test('SIGTERM ends `newsbot sources poll` within 5 s while it is fetching slow pages', async () => {
  const srv = await startFixtureServer({});
  const slugs = Array.from({ length: 8 }, (_, i) => `t${i}`);
  srv.routes.set('/slow.xml', (_q, res) => res.end(summaryFeed(srv.base, slugs)));
  for (const s of slugs) srv.routes.set(`/p/${s}`, (_q, res) => trickle(res));
  const h = createHarness();
  await h.addFeed('slow', srv.base + '/slow.xml');
  await h.close();
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'src', 'main.ts'), 'sources', 'poll', '--db', join(h.dir, 'test.db')], {
    env: { ...process.env, NEWSBOT_ALLOW_PRIVATE_NETWORKS: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const t0 = Date.now();
    while (!srv.requests.some((r) => r.path.startsWith('/p/')) && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 100));
    assert.ok(srv.requests.some((r) => r.path.startsWith('/p/')), 'the poll reached the slow pages');
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const s0 = Date.now();
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 8000))]);
    assert.notEqual(code, 'hung', 'still running 8 s after SIGTERM');
    assert.ok(Date.now() - s0 < 5000, `exited ${Date.now() - s0} ms after SIGTERM`);
  } finally {
    child.kill('SIGKILL');
    await srv.close();
  }
});
