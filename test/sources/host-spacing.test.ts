// Requests to one host are spaced out (the bot keeps a second between them); other hosts do not wait.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './fixture-server.ts';
import { createFetcher } from '../../src/sources/fetch/create-fetcher.ts';

test('requests to one host start at least hostIntervalMs apart, in order; another host is not held up', async () => {
  const arrivals: { host: string; at: number }[] = [];
  const srv = await startFixtureServer({
    '/x': (req, res) => {
      arrivals.push({ host: String(req.headers.host).split(':')[0], at: performance.now() });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    },
  });
  const fetcher = createFetcher({ allowPrivate: true, hostIntervalMs: 250 });
  try {
    const other = srv.base.replace('127.0.0.1', 'localhost');
    await Promise.all([fetcher.get(`${srv.base}/x`), fetcher.get(`${srv.base}/x`), fetcher.get(`${srv.base}/x`), fetcher.get(`${other}/x`)]);
    const a = arrivals.filter((r) => r.host === '127.0.0.1');
    assert.equal(a.length, 3);
    // Starts are 250 ms apart on the client; arrivals may be a little closer (the first one also set up the connection).
    for (let i = 1; i < a.length; i++) assert.ok(a[i].at - a[i - 1].at >= 125, `gap ${i}: ${(a[i].at - a[i - 1].at).toFixed(0)} ms`);
    const b = arrivals.findIndex((r) => r.host === 'localhost');
    assert.ok(b >= 0 && b < arrivals.indexOf(a[1]), 'the other host went out before the first host’s second request');
  } finally {
    await fetcher.close();
    await srv.close();
  }
});
