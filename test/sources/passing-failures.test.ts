import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { mkdirSync, writeFileSync, utimesSync } from 'node:fs';
import { startFixtureServer, type Handler } from './fixture-server.ts';
import { createHarness } from './harness.ts';
import { pollSource } from '../../src/sources/poll/poll-source.ts';

const PAGE = (title: string, body: string) =>
  `<!doctype html><html><head>${title ? `<title>${title}</title>` : ''}</head><body><article>${title ? `<h1>${title}</h1>` : ''}${Array.from({ length: 5 }, (_, i) => `<p>${body} — paragraph ${i + 1} reports what happened in enough words to be an article body.</p>`).join('')}</article></body></html>`;

function feed(base: string, items: { slug: string; title: string; summary: string; date: string }[]): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>${base}/</link>${items
    .map((i) => `<item><title>${i.title}</title><link>${base}/p/${i.slug}</link><guid>${base}/p/${i.slug}</guid><pubDate>${i.date}</pubDate><description>${i.summary}</description></item>`)
    .join('')}</channel></rss>`;
}

const html = (body: string, status = 200): Handler => (_q, res) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
};

test('a page that fails for a passing reason (503, robots.txt 503): stored from the feed title and summary, upgraded when the page arrives', async () => {
  const items = [
    { slug: 'a', title: 'Dam inspection finds cracks', summary: 'Inspectors found cracks in the old dam.', date: 'Mon, 10 Nov 2025 08:00:00 GMT' },
  ];
  const srv = await startFixtureServer({});
  srv.routes.set('/rss.xml', (_q, res) => res.end(feed(srv.base, items)));
  srv.routes.set('/p/a', html('busy', 503));
  const h = createHarness();
  try {
    const src = await h.addFeed('wire', srv.base + '/rss.xml');
    const first = await pollSource(h.ctx, src);
    assert.equal(first.counts!.stored, 1, JSON.stringify(first));
    let a = h.db.prepare('SELECT id, title, body FROM articles').get() as { id: number; title: string; body: string };
    assert.equal(a.title, 'Dam inspection finds cracks');
    assert.match(a.body, /Inspectors found cracks/);
    // The page comes back: the same article is upgraded in place with the page's text.
    srv.routes.set('/p/a', html(PAGE('Dam inspection finds cracks', 'The engineers said')));
    h.clock.t += 31 * 60_000;
    const second = await pollSource(h.ctx, await h.source(src.id));
    assert.equal(second.counts!.updated, 1, JSON.stringify(second));
    a = h.db.prepare('SELECT id, title, body FROM articles').get() as typeof a;
    assert.match(a.body, /paragraph 5 reports/);
    assert.equal(h.articleCount(), 1);
    // Upgraded: not fetched again.
    const fetched = srv.requests.filter((r) => r.path === '/p/a').length;
    h.clock.t += 31 * 60_000;
    await pollSource(h.ctx, await h.source(src.id));
    assert.equal(srv.requests.filter((r) => r.path === '/p/a').length, fetched);
  } finally {
    await h.close();
    await srv.close();
  }

  // robots.txt answering 503 closes the site for now: summary now, page later.
  const srv2 = await startFixtureServer({});
  srv2.routes.set('/rss.xml', (_q, res) => res.end(feed(srv2.base, items)));
  srv2.routes.set('/robots.txt', html('down', 503));
  srv2.routes.set('/p/a', html(PAGE('Dam inspection finds cracks', 'The engineers said')));
  const h2 = createHarness();
  h2.ctx.robots = (await import('../../src/sources/fetch/robots.ts')).createRobotsCheck(h2.ctx.fetcher, { now: h2.ctx.now, retryMs: 60_000 });
  try {
    const src = await h2.addFeed('wire', srv2.base + '/rss.xml');
    const r = await pollSource(h2.ctx, src);
    assert.equal(r.counts!.stored, 1);
    const why = h2.db.prepare('SELECT reason FROM source_items ORDER BY id DESC').pluck().get() as string;
    assert.match(why, /^from the feed summary; page pending: robots\.txt .* could not be read/);
    srv2.routes.set('/robots.txt', html('User-agent: *\nAllow: /\n'));
    h2.clock.t += 31 * 60_000;
    const again = await pollSource(h2.ctx, await h2.source(src.id));
    assert.equal(again.counts!.updated, 1, JSON.stringify(again));
    assert.match(h2.db.prepare('SELECT body FROM articles').pluck().get() as string, /paragraph 5 reports/);
  } finally {
    await h2.close();
    await srv2.close();
  }
});

test('a page without <title> and an item with only a title: both stored from the feed; distinct items behind one interstitial page stay distinct', async () => {
  const srv = await startFixtureServer({});
  const items = [
    { slug: 'notitle', title: 'Council approves budget', summary: 'The council approved the budget.', date: 'Mon, 10 Nov 2025 08:00:00 GMT' },
    { slug: 'c1', title: 'Storm closes airport', summary: 'The airport closed for the storm.', date: 'Mon, 10 Nov 2025 09:00:00 GMT' },
    { slug: 'c2', title: 'Museum reopens', summary: 'The museum reopened after repairs.', date: 'Mon, 10 Nov 2025 10:00:00 GMT' },
  ];
  srv.routes.set('/rss.xml', (_q, res) => res.end(feed(srv.base, items)));
  srv.routes.set('/p/notitle', html('<html><body><p>x</p></body></html>'));
  const consent = PAGE('Before you continue', 'We use cookies and data to deliver and maintain our services');
  srv.routes.set('/p/c1', html(consent));
  srv.routes.set('/p/c2', html(consent));
  const h = createHarness();
  try {
    const r = await pollSource(h.ctx, await h.addFeed('wire', srv.base + '/rss.xml'));
    assert.equal(r.counts!.stored, 3, JSON.stringify(r.counts));
    const titles = (h.db.prepare('SELECT title FROM articles ORDER BY id').pluck().all() as string[]).sort();
    assert.deepEqual(titles, ['Council approves budget', 'Museum reopens', 'Storm closes airport']);
    const bodies = h.db.prepare('SELECT body FROM articles').pluck().all() as string[];
    assert.ok(bodies.every((b) => !/cookies/.test(b)), 'the interstitial is nobody’s article');
  } finally {
    await h.close();
    await srv.close();
  }
});

test('at most N new items per poll, the newest first; the rest wait for the next poll', async () => {
  const srv = await startFixtureServer({});
  const long = (n: number) => `<![CDATA[<p>${`Full text of story ${n}, long enough to be the article itself. `.repeat(14)}</p>]]>`;
  const xml = `<rss version="2.0"><channel><title>Many</title>${[1, 2, 3, 4, 5]
    .map((n) => `<item><title>Story ${n}</title><guid>s${n}</guid><pubDate>Mon, 0${n} Nov 2025 08:00:00 GMT</pubDate><description>${long(n)}</description></item>`)
    .join('')}</channel></rss>`;
  srv.routes.set('/rss.xml', (_q, res) => res.end(xml));
  const h = createHarness();
  h.ctx.maxNewItemsPerPoll = 2;
  try {
    const src = await h.addFeed('many', srv.base + '/rss.xml');
    const first = await pollSource(h.ctx, src);
    assert.deepEqual([first.counts!.stored, first.counts!.deferred], [2, 3]);
    assert.deepEqual(h.db.prepare('SELECT title FROM articles ORDER BY id').pluck().all(), ['Story 4', 'Story 5']);
    h.clock.t += 31 * 60_000;
    const second = await pollSource(h.ctx, await h.source(src.id));
    assert.deepEqual([second.counts!.stored, second.counts!.deferred, second.counts!.unchanged], [2, 1, 2]);
    h.clock.t += 31 * 60_000;
    await pollSource(h.ctx, await h.source(src.id));
    assert.equal(h.articleCount(), 5);
  } finally {
    await h.close();
    await srv.close();
  }
});

test('a locked database (another process writing) defers feed items and folder files; nothing is marked seen or rejected, and the next poll stores them', async () => {
  const srv = await startFixtureServer({});
  const xml = `<rss version="2.0"><channel><title>Lock</title><item><title>Locked out</title><guid>l1</guid><description><![CDATA[<p>${'A full text item that arrives while another process holds the write lock. '.repeat(10)}</p>]]></description></item></channel></rss>`;
  srv.routes.set('/rss.xml', (_q, res) => res.end(xml));
  const h = createHarness();
  h.db.pragma('busy_timeout = 200');
  const folder = join(h.dir, 'inbox');
  mkdirSync(folder);
  const file = join(folder, 'story.md');
  writeFileSync(file, '---\ntitle: Folder story under lock\ndate: 2025-11-01\n---\n\n' + 'A paragraph of the story, long enough to be a body. '.repeat(8) + '\n');
  utimesSync(file, new Date('2025-11-01'), new Date('2025-11-01'));
  const other = new Database(join(h.dir, 'test.db'));
  try {
    const feedSrc = await h.addFeed('lock', srv.base + '/rss.xml');
    const folderSrc = await h.addFeed('inbox', folder, 5, 'folder');
    other.exec('BEGIN IMMEDIATE');
    const f1 = await pollSource(h.ctx, feedSrc);
    const d1 = await pollSource(h.ctx, folderSrc);
    other.exec('COMMIT');
    assert.equal(f1.counts!.deferred, 1, JSON.stringify(f1));
    assert.equal(d1.counts!.deferred, 1, JSON.stringify(d1));
    assert.equal(h.db.prepare('SELECT COUNT(*) FROM source_items').pluck().get(), 0);
    assert.equal(h.db.prepare('SELECT COUNT(*) FROM source_files').pluck().get(), 0);
    assert.equal(h.db.prepare('SELECT COUNT(*) FROM rejects').pluck().get(), 0);
    h.clock.t += 31 * 60_000;
    assert.equal((await pollSource(h.ctx, await h.source(feedSrc.id))).counts!.stored, 1);
    assert.equal((await pollSource(h.ctx, await h.source(folderSrc.id))).counts!.stored, 1);
    assert.equal(h.articleCount(), 2);
  } finally {
    other.close();
    await h.close();
    await srv.close();
  }
});
