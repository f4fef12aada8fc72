/**
 * Local feeds for the cluster scenario's poll phase: `hosts` HTTP servers on distinct loopback
 * addresses (127.0.0.N), each serving `perHost` RSS feeds of `items` full-text items. Request
 * start times are recorded per host, to check that politeness per host holds across processes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedFarm {
  urls: string[];
  /** Arrival times (ms) of requests, by host:port. */
  hits: Map<string, number[]>;
  close(): Promise<void>;
}

function rss(host: string, feed: number, items: number): string {
  const now = Date.now();
  const body = Array.from({ length: items }, (_, i) => {
    const title = `Harbour ${host} feed ${feed} report ${i}: council weighs ferry plan`;
    const para = `<p>${title}. The council met again on Tuesday to weigh the proposal for route ${i}, with officials describing the talks as detailed and constructive while critics argued the plan left questions open about funding, timing and oversight.</p>`;
    return `<item><title>${title}</title><link>http://${host}/f${feed}/n${i}</link><guid isPermaLink="false">${host}-${feed}-${i}</guid>
<pubDate>${new Date(now - (i + 1) * 60_000).toUTCString()}</pubDate><content:encoded><![CDATA[${para.repeat(4)}]]></content:encoded></item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour ${host}</title><link>http://${host}/</link><description>Local news</description>${body}</channel></rss>`;
}

export async function startFeedFarm(hosts: number, perHost: number, items: number): Promise<FeedFarm> {
  const servers: Server[] = [];
  const urls: string[] = [];
  const hits = new Map<string, number[]>();
  for (let h = 0; h < hosts; h++) {
    const address = `127.0.0.${h + 1}`;
    const server = createServer((req, res) => {
      const host = req.headers.host ?? address;
      hits.set(host, [...(hits.get(host) ?? []), Date.now()]);
      const m = /^\/feed(\d+)\.xml$/.exec(req.url ?? '');
      if (!m) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss(host, Number(m[1]), items));
    });
    await new Promise<void>((r) => server.listen(0, address, r));
    servers.push(server);
    const port = (server.address() as AddressInfo).port;
    for (let f = 0; f < perHost; f++) urls.push(`http://${address}:${port}/feed${f}.xml`);
  }
  return {
    urls,
    hits,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    },
  };
}
