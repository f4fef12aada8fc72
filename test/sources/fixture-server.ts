/** A local HTTP server on 127.0.0.1:0 for source tests: routes map paths to handlers; every request is logged. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse, base: string) => void;

export interface FixtureServer {
  base: string;
  routes: Map<string, Handler>;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'feeds');

/** Reads a fixture with {{BASE}} replaced by the server's base URL. */
export function fixture(name: string, base: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8').replaceAll('{{BASE}}', base);
}

/** A handler serving a fixture file with a content type and optional extra headers. */
export function serve(name: string, type = 'application/rss+xml; charset=utf-8', headers: Record<string, string> = {}): Handler {
  return (_req, res, base) => {
    res.writeHead(200, { 'content-type': type, ...headers });
    res.end(fixture(name, base));
  };
}

/** Starts the server; routes can be changed while it runs. */
export async function startFixtureServer(routes: Record<string, Handler> = {}): Promise<FixtureServer> {
  const map = new Map(Object.entries(routes));
  const requests: FixtureServer['requests'] = [];
  let base = '';
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push({ path, headers: req.headers });
    const h = map.get(path);
    if (!h) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    h(req, res, base);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    routes: map,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
