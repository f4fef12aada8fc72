// robots.txt for the pages newsbot fetches on its own (item pages, page sources), and the User-Agent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer, serve, type Handler } from './fixture-server.ts';
import { createHarness } from './harness.ts';
import { pollSource } from '../../src/sources/poll/poll-source.ts';
import { createRobotsCheck } from '../../src/sources/fetch/robots.ts';
import { createFetcher, userAgent } from '../../src/sources/fetch/create-fetcher.ts';
import { loadConfig } from '../../src/config.ts';

const text =
  (body: string, status = 200): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(body);
  };

test('robots.txt: our group and * are obeyed, a missing file allows all, an erroring one closes the site; one fetch per origin', async () => {
  const srv = await startFixtureServer({
    '/robots.txt': text('User-agent: *\nDisallow: /private/\n\nUser-agent: newsbot\nDisallow: /no-bots/\nAllow: /no-bots/ok.html\n'),
  });
  const fetcher = createFetcher({ allowPrivate: true });
  try {
    const robots = createRobotsCheck(fetcher);
    assert.equal(await robots.refusal(`${srv.base}/news/a.html`), null);
    assert.match((await robots.refusal(`${srv.base}/no-bots/b.html`))!, /robots\.txt of http:\/\/127\.0\.0\.1:\d+ disallows \/no-bots\/b\.html/);
    assert.equal(await robots.refusal(`${srv.base}/no-bots/ok.html`), null, 'Allow wins for the longer match');
    // Our own group replaces *: /private/ is not listed in it.
    assert.equal(await robots.refusal(`${srv.base}/private/c.html`), null);
    assert.equal(srv.requests.filter((r) => r.path === '/robots.txt').length, 1, 'cached per origin');

    srv.routes.delete('/robots.txt');
    const fresh = createRobotsCheck(fetcher);
    assert.equal(await fresh.refusal(`${srv.base}/no-bots/b.html`), null, '404: everything allowed');

    srv.routes.set('/robots.txt', text('oops', 503));
    const failing = createRobotsCheck(fetcher);
    assert.match((await failing.refusal(`${srv.base}/news/a.html`))!, /robots\.txt of .* could not be read/);
  } finally {
    await fetcher.close();
    await srv.close();
  }
});

test('a summary-only feed on a site that disallows its pages: stored from the feed summary, no page fetched; a disallowed page source fails with the reason', async () => {
  const srv = await startFixtureServer({
    '/robots.txt': text('User-agent: newsbot\nDisallow: /pages/\n'),
    '/summary.xml': serve('summary.xml'),
    '/pages/port-expansion.html': serve('page-port-expansion.html', 'text/html; charset=utf-8'),
    '/pages/school-meals.html': serve('page-school-meals.html', 'text/html; charset=utf-8'),
  });
  const h = createHarness();
  h.ctx.robots = createRobotsCheck(h.ctx.fetcher, { now: h.ctx.now });
  try {
    const src = await h.addFeed('teasers', srv.base + '/summary.xml');
    const r = await pollSource(h.ctx, src);
    assert.equal(r.ok, true, r.error ?? '');
    assert.equal(r.counts!.stored, 2, r.counts!.rejects.join('; '));
    assert.equal(srv.requests.filter((q) => q.path.startsWith('/pages/')).length, 0, 'no disallowed page was requested');
    const a = h.db.prepare("SELECT body, url FROM articles WHERE title = 'Port expansion approved'").get() as { body: string; url: string };
    assert.ok(a, 'stored from the summary');
    assert.equal(a.url, `${srv.base}/pages/port-expansion.html`);
    assert.doesNotMatch(a.body, /paragraph 5 reports/, 'the page text was never fetched');

    const page = await h.addFeed('one page', srv.base + '/pages/school-meals.html', 60, 'page');
    const p = await pollSource(h.ctx, page);
    assert.equal(p.ok, false);
    assert.match(p.error ?? '', /robots\.txt .* disallows \/pages\/school-meals\.html/);
  } finally {
    await h.close();
    await srv.close();
  }
});

test('the User-Agent names the bot and version, and the operator’s contact when configured (never a made-up address)', async () => {
  assert.match(userAgent(), /^newsbot\/\d+\.\d+\.\d+$/);
  assert.match(userAgent('mailto:ops@example.org'), /^newsbot\/\d+\.\d+\.\d+ \(\+mailto:ops@example\.org\)$/);
  assert.equal(loadConfig({ NEWSBOT_CONTACT: 'https://example.org/bot' }).NEWSBOT_CONTACT, 'https://example.org/bot');
  assert.throws(() => loadConfig({ NEWSBOT_CONTACT: 'call me maybe' }), /NEWSBOT_CONTACT/);
  const srv = await startFixtureServer({ '/robots.txt': text('') });
  const fetcher = createFetcher({ allowPrivate: true, userAgent: userAgent('https://example.org/bot') });
  try {
    await fetcher.get(`${srv.base}/robots.txt`);
    assert.equal(srv.requests[0].headers['user-agent'], `${userAgent()} (+https://example.org/bot)`);
  } finally {
    await fetcher.close();
    await srv.close();
  }
});
