/**
 * The ops HTTP server of one process (node:http, no framework): /healthz (liveness), /readyz
 * (the process's dependencies answer), /metrics (Prometheus) and extra POST routes mounted by exact
 * path, such as the Telegram webhook. Load balancers and orchestrators poll the first two.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/logger.ts';
import { redact } from '../core/logger.ts';
import { registry } from './metrics.ts';

/** One readiness check's outcome; `detail` is a one-line reason, shown to anyone who asks. */
export interface CheckResult {
  ok: boolean;
  detail?: string;
}

/**
 * A POST route. The server has already read the body (within the size limit), so a handler never
 * sees an unbounded stream; `req` is only for headers.
 */
export type OpsRoute = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>;

export interface OpsServerOptions {
  /** 0 lets the OS pick (tests); the chosen port is returned. */
  port: number;
  host?: string;
  log: Logger;
  /** The readiness checks by name; each is cut off after `checkTimeoutMs`. */
  ready?: () => Promise<Record<string, CheckResult | Promise<CheckResult>>> | Record<string, CheckResult | Promise<CheckResult>>;
  routes?: Map<string, OpsRoute>;
  /** POST bodies larger than this get 413 (default 1 MiB; a Telegram update is a few KiB). */
  maxBodyBytes?: number;
  /** Per-check limit for /readyz (default 2 s), so a hung database cannot hang the probe. */
  checkTimeoutMs?: number;
}

export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

const ONE_MIB = 1024 * 1024;

/** A one-line, secret-free reason: registered secrets redacted, URL passwords dropped, 200 chars. */
export function oneLine(text: string): string {
  const line = redact(text.split('\n')[0] ?? '').replace(/\/\/[^/@\s]*:[^/@\s]*@/g, '//[REDACTED]@');
  return line.length > 200 ? line.slice(0, 199) + '…' : line;
}

/** Settles `check` into a CheckResult within `ms`: a throw or a timeout is a failed check. */
async function settleCheck(check: CheckResult | Promise<CheckResult>, ms: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${ms} ms` }), ms);
    timer.unref();
  });
  try {
    const r = await Promise.race([Promise.resolve(check), timeout]);
    return r.detail === undefined ? { ok: Boolean(r.ok) } : { ok: Boolean(r.ok), detail: oneLine(r.detail) };
  } catch (err) {
    return { ok: false, detail: oneLine(err instanceof Error ? err.message : String(err)) };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check at once; all ok → 200, else 503 (the body names each check either way). */
export async function runChecks(opts: Pick<OpsServerOptions, 'ready' | 'checkTimeoutMs'>): Promise<{ ok: boolean; checks: Record<string, CheckResult> }> {
  const ms = opts.checkTimeoutMs ?? 2000;
  let pending: Record<string, CheckResult | Promise<CheckResult>>;
  try {
    pending = opts.ready ? await settleCheckList(opts.ready, ms) : {};
  } catch (err) {
    pending = { ready: { ok: false, detail: err instanceof Error ? err.message : String(err) } };
  }
  const names = Object.keys(pending);
  const results = await Promise.all(names.map((n) => settleCheck(pending[n], ms)));
  const checks = Object.fromEntries(names.map((n, i) => [n, results[i]]));
  return { ok: results.every((r) => r.ok), checks };
}

/** Calls `ready()` itself under the same time limit (it may await before listing its checks). */
async function settleCheckList(ready: NonNullable<OpsServerOptions['ready']>, ms: number): Promise<Record<string, CheckResult | Promise<CheckResult>>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([Promise.resolve().then(ready), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function reply(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

/**
 * Reads the body up to `max` bytes; resolves undefined after answering 413 itself (and closing
 * the connection, so a client still uploading gets no further).
 */
function readBody(req: IncomingMessage, res: ServerResponse, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const refuse = () => {
      res.once('finish', () => req.destroy());
      reply(res, 413, 'payload too large\n', undefined, { connection: 'close' });
      resolve(undefined);
    };
    if (Number(req.headers['content-length'] ?? 0) > max) return refuse();
    const parts: Buffer[] = [];
    let size = 0;
    const onData = (b: Buffer) => {
      size += b.length;
      if (size > max) {
        req.off('data', onData);
        req.off('end', onEnd);
        req.resume(); // drain until the connection closes rather than stall the socket
        return refuse();
      }
      parts.push(b);
    };
    const onEnd = () => resolve(Buffer.concat(parts));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', reject);
  });
}

/** Starts the server; resolves once it listens. close() also drops idle keep-alive connections. */
export async function startOpsServer(opts: OpsServerOptions): Promise<OpsServer> {
  const { log } = opts;
  const routes = opts.routes ?? new Map<string, OpsRoute>();
  const maxBody = opts.maxBodyBytes ?? ONE_MIB;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = req.method ?? 'GET';
    const route = routes.get(path);
    if (route) {
      if (method !== 'POST') return reply(res, 405, 'method not allowed\n', undefined, { allow: 'POST' });
      const body = await readBody(req, res, maxBody);
      if (body === undefined) return;
      return await route(req, res, body);
    }
    if (path !== '/healthz' && path !== '/readyz' && path !== '/metrics') return reply(res, 404, 'not found\n');
    if (method !== 'GET' && method !== 'HEAD') return reply(res, 405, 'method not allowed\n', undefined, { allow: 'GET, HEAD' });
    if (path === '/healthz') return reply(res, 200, 'ok\n');
    if (path === '/readyz') {
      const r = await runChecks(opts);
      if (!r.ok) log.warn(`ops: not ready: ${Object.entries(r.checks).filter(([, c]) => !c.ok).map(([n, c]) => `${n} (${c.detail ?? 'failed'})`).join(', ')}`);
      return reply(res, r.ok ? 200 : 503, JSON.stringify({ status: r.ok ? 'ok' : 'unavailable', checks: r.checks }) + '\n', 'application/json');
    }
    return reply(res, 200, await registry.metrics(), registry.contentType);
  };

  let closing = false;
  const server = createServer((req, res) => {
    // While closing, no connection is kept alive, so close() does not wait on idle clients.
    if (closing) res.setHeader('connection', 'close');
    handle(req, res).catch((err: unknown) => {
      // A route's path may itself be secret-ish (a webhook path), so it is not printed.
      const what = routes.has(new URL(req.url ?? '/', 'http://localhost').pathname) ? 'POST route' : (req.url ?? '/').slice(0, 40);
      log.error(`ops: ${what} failed: ${oneLine(err instanceof Error ? err.message : String(err))}`);
      if (!res.headersSent) reply(res, 500, 'internal error\n');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  log.info(`ops: listening on ${opts.host ?? '127.0.0.1'}:${port} (/healthz, /readyz, /metrics and ${routes.size} POST route(s))`);
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
