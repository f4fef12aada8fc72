import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../src/cli/sources.ts';
import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer, serve } from './fixture-server.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `newsbot sources …` in this process with `env` applied, capturing its output. */
async function newsbot(args: string[], env: Record<string, string>): Promise<Run> {
  const saved = { ...process.env };
  const out: string[] = [];
  const err: string[] = [];
  Object.assign(process.env, { LOG_LEVEL: 'silent', NEWSBOT_ALLOW_PRIVATE_NETWORKS: '' }, env);
  try {
    const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

test('newsbot sources add / list / poll --once / remove, and the private-network switch', async () => {
  const srv = await startFixtureServer({
    '/rss.xml': serve('rss.xml'),
    '/atom.xml': serve('atom.xml', 'application/atom+xml'),
    '/sitemap.xml': (_q, res) => (res.writeHead(200, { 'content-type': 'application/xml' }), res.end('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>')),
    '/home.html': (_q, res) => (res.writeHead(200, { 'content-type': 'text/html' }), res.end('<html><head><title>Observer home</title><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body>hi</body></html>')),
  });
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-cli-'));
  const db = join(dir, 'n.db');
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  writeFileSync(join(inbox, 'note.md'), `---\ntitle: "Filed from the inbox"\ndate: 2025-11-09\n---\n\nThe inbox story has a body long enough to be an article about the harbour and the council.\n`);
  // The rescan defers files modified in the last 2 s (they may be half-written); this one is finished.
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(inbox, 'note.md'), past, past);
  const allow = { NEWSBOT_ALLOW_PRIVATE_NETWORKS: '1' };
  try {
    const feed = await newsbot(['add', srv.base + '/rss.xml', '--db', db, '--every', '15'], allow);
    assert.equal(feed.code, 0, feed.stderr);
    assert.match(feed.stdout, /^added source #1 127\.0\.0\.1\/rss: feed http:\/\/127\.0\.0\.1:\d+\/rss\.xml, every 15 min — "The Daily Harbour"/);
    assert.match(feed.stdout, /RSS feed with 2 items/);

    const home = await newsbot(['add', srv.base + '/home.html', '--db', db, '--name', 'observer'], allow);
    assert.equal(home.code, 0, home.stderr);
    assert.match(home.stdout, /added source #2 observer: feed http:\/\/127\.0\.0\.1:\d+\/atom\.xml, every 30 min/);
    assert.match(home.stdout, /page announces its feed/);

    const folder = await newsbot(['add', inbox, '--db', db], allow);
    assert.match(folder.stdout, /added source #3 inbox: folder /);
    const missing = await newsbot(['add', join(dir, 'nope'), '--db', db], allow);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr.trim().split('\n').length, 1);
    assert.match(missing.stderr, /no such folder/);
    const sitemap = await newsbot(['add', srv.base + '/sitemap.xml', '--db', db], allow);
    assert.equal(sitemap.code, 1);
    assert.match(sitemap.stderr, /sitemap\.xml: not an RSS\/Atom feed: no <rss>, <feed> or <rdf:RDF> root element/);
    const dup = await newsbot(['add', srv.base + '/rss.xml', '--db', db], allow);
    assert.match(dup.stderr, /already source #1/);

    const poll = await newsbot(['poll', '--once', '--db', db], allow);
    assert.equal(poll.code, 0, poll.stderr);
    assert.match(poll.stdout, /#1 127\.0\.0\.1\/rss: 2 new, 0 duplicates, 0 already seen; next poll /);
    assert.match(poll.stdout, /#2 observer: 2 new/);
    assert.match(poll.stdout, /#3 inbox: 1 new/);

    const list = await newsbot(['list', '--db', db], allow);
    assert.match(list.stdout, /#1 127\.0\.0\.1\/rss {2}\[feed\]/);
    assert.match(list.stdout, /every 15 min · status ok · last poll \d{4}-\d\d-\d\d \d\d:\d\dZ · next poll \d{4}/);
    assert.match(list.stdout, /outlet The Daily Harbour · 2 stored, 0 duplicates, 0 rejected/);
    assert.match(list.stdout, /#3 inbox {2}\[folder\][\s\S]*1 files seen/);

    const removed = await newsbot(['remove', 'observer', '--db', db], allow);
    assert.match(removed.stdout, /removed source #2 observer/);
    assert.doesNotMatch((await newsbot(['list', '--db', db], allow)).stdout, /observer/);

    // Private networks off (the default): the local feed is refused, and list shows why.
    const refused = await newsbot(['poll', '--once', '--db', db], { NEWSBOT_ALLOW_PRIVATE_NETWORKS: '0' });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /#1 127\.0\.0\.1\/rss: FAILED: .*127\.0\.0\.1 is loopback; private networks are not allowed/);
    const after = await newsbot(['list', '--db', db], {});
    assert.match(after.stdout, /failing \(1 in a row, backing off\)/);
    assert.match(after.stdout, /last error: .*private networks are not allowed/);
  } finally {
    await srv.close();
  }
});
