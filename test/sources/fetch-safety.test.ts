import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { startFixtureServer, serve } from './fixture-server.ts';
import { createHarness } from './harness.ts';
import { createFetcher } from '../../src/sources/fetch/create-fetcher.ts';
import { FetchError } from '../../src/sources/fetch/fetch-error.ts';
import { classifyAddress } from '../../src/sources/fetch/address-policy.ts';
import type { Resolver } from '../../src/sources/fetch/guarded-lookup.ts';
import { pollSource } from '../../src/sources/poll/poll-source.ts';

async function rejection(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof FetchError, `expected FetchError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the fetch to be refused');
}

// 127.0.0.1 stands in for a public web host; every other address is judged by the real policy.
const publicLoopback = (ip: string) => (ip === '127.0.0.1' ? null : classifyAddress(ip));
// Names resolved without DNS: "intranet.test" is a private address, "news.test" our stand-in public host.
const resolver: Resolver = (host, _o, cb) => {
  const table: Record<string, string> = { 'intranet.test': '10.1.2.3', 'metadata.test': '169.254.169.254', 'news.test': '127.0.0.1' };
  const ip = table[host];
  if (ip) cb(null, [{ address: ip, family: 4 }]);
  else cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
};

test('with private networks not allowed, a loopback feed is refused before any request', async () => {
  const srv = await startFixtureServer({ '/rss.xml': serve('rss.xml') });
  const f = createFetcher({ allowPrivate: false });
  try {
    const err = await rejection(f.get(srv.base + '/rss.xml'));
    assert.match(err.reason, /127\.0\.0\.1 is loopback; private networks are not allowed/);
    assert.equal(err.permanent, true);
    assert.equal(srv.requests.length, 0);
    const v6 = await rejection(f.get('http://[::ffff:127.0.0.1]:1/x'));
    assert.match(v6.reason, /loopback/);
    assert.match((await rejection(f.get('file:///etc/passwd'))).reason, /only http and https/);
  } finally {
    await f.close();
    await srv.close();
  }
});

test('a redirect to a private address is refused at the hop, both as an IP literal and as a name resolving there', async () => {
  const srv = await startFixtureServer({
    '/to-literal': (_q, res, base) => (res.writeHead(302, { location: `http://10.0.0.7:${new URL(base).port}/secret` }), res.end()),
    '/to-name': (_q, res, base) => (res.writeHead(301, { location: `http://metadata.test:${new URL(base).port}/latest/meta-data` }), res.end()),
    '/to-public-name': (_q, res, base) => (res.writeHead(307, { location: `http://news.test:${new URL(base).port}/rss.xml` }), res.end()),
    '/to-file': (_q, res) => (res.writeHead(302, { location: 'file:///etc/passwd' }), res.end()),
    '/loop': (_q, res) => (res.writeHead(302, { location: '/loop' }), res.end()),
    '/rss.xml': serve('rss.xml'),
  });
  const guarded = createFetcher({ allowPrivate: false, addressPolicy: publicLoopback, resolver });
  const open = createFetcher({ allowPrivate: true, resolver });
  try {
    assert.match((await rejection(guarded.get(srv.base + '/to-literal'))).reason, /10\.0\.0\.7 is private; private networks are not allowed/);
    assert.match((await rejection(guarded.get(srv.base + '/to-name'))).reason, /metadata\.test resolves to 169\.254\.169\.254 \(link-local\)/);
    assert.match((await rejection(guarded.get(srv.base + '/to-file'))).reason, /only http and https/);
    assert.match((await rejection(guarded.get(srv.base + '/loop'))).reason, /more than 5 redirects/);
    assert.equal(srv.requests.filter((r) => r.path === '/loop').length, 6);
    // A redirect to a public host is followed and the final URL reported.
    const ok = await guarded.get(srv.base + '/to-public-name');
    assert.equal(ok.status, 200);
    assert.match(ok.url, /^http:\/\/news\.test:\d+\/rss\.xml$/);
    // With the operator's switch on, loopback is reachable and redirects are still followed.
    assert.equal((await open.get(srv.base + '/to-public-name')).status, 200);
  } finally {
    await guarded.close();
    await open.close();
    await srv.close();
  }
});

test('a gzip bomb is aborted at the decoded-size cap, and its feed source fails with that reason', async () => {
  const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20));
  assert.ok(bomb.length < 100 * 1024, 'the bomb is small on the wire');
  const srv = await startFixtureServer({
    '/bomb.xml': (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      res.end(bomb);
    },
    '/big.xml': (_q, res) => (res.writeHead(200, { 'content-length': String(3 * 1024 * 1024) }), res.end(Buffer.alloc(3 * 1024 * 1024, 0x20))),
    '/big-chunked.xml': (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      for (let i = 0; i < 3; i++) res.write(Buffer.alloc(1024 * 1024, 0x20));
      res.end();
    },
    '/gz.xml': (_q, res, base) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.from(`<rss version="2.0"><channel><title>Zipped</title></channel></rss>`.replace('BASE', base))));
    },
  });
  const h = createHarness({ maxBytes: 2 * 1024 * 1024 });
  try {
    const err = await rejection(h.ctx.fetcher.get(srv.base + '/bomb.xml'));
    assert.match(err.reason, /larger than 2\.0 MB after decompression/);
    assert.match((await rejection(h.ctx.fetcher.get(srv.base + '/big.xml'))).reason, /larger than 2\.0 MB \(Content-Length 3145728\)/);
    assert.match((await rejection(h.ctx.fetcher.get(srv.base + '/big-chunked.xml'))).reason, /larger than 2\.0 MB after decompression/);
    const ok = await h.ctx.fetcher.get(srv.base + '/gz.xml');
    assert.match(ok.body.toString(), /Zipped/);
    const r = await pollSource(h.ctx, await h.addFeed('bomb', srv.base + '/bomb.xml'));
    assert.equal(r.ok, false);
    assert.match(r.error!, /after decompression/);
  } finally {
    await h.close();
    await srv.close();
  }
});

test('a server that never answers is cut off at the time cap', async () => {
  const srv = await startFixtureServer({ '/slow': () => {} });
  const f = createFetcher({ allowPrivate: true, timeoutMs: 300 });
  try {
    assert.match((await rejection(f.get(srv.base + '/slow'))).reason, /timed out/);
  } finally {
    await f.close();
    await srv.close();
  }
});
