/**
 * Polite, guarded HTTP GET for feeds and article pages: a User-Agent naming the bot, conditional
 * requests, redirects followed by hand (each hop re-checked), and caps on time, redirects and
 * decoded size. Only http(s); non-public addresses refused unless the operator allows them.
 */
import { Agent, request, type Dispatcher } from 'undici';
import { isIP } from 'node:net';
import { readFileSync } from 'node:fs';
import { projectFile } from '../../core/project-files.ts';
import { createGunzip, createInflate, createBrotliDecompress } from 'node:zlib';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { classifyAddress } from './address-policy.ts';
import { createGuardedLookup, BLOCKED_CODE, type AddressPolicy, type Resolver } from './guarded-lookup.ts';
import { parseRetryAfter } from './cache-headers.ts';
import { FetchError } from './fetch-error.ts';

const VERSION = (JSON.parse(readFileSync(projectFile('package.json'), 'utf8')) as { version: string }).version;

/** The bot's name and version; without a contact given, nothing else (a made-up address would mislead site operators). */
export const USER_AGENT = `newsbot/${VERSION}`;

/** The User-Agent naming the bot and, when the operator gives one (NEWSBOT_CONTACT), where to reach them. */
export function userAgent(contact?: string): string {
  return contact ? `${USER_AGENT} (+${contact})` : USER_AGENT;
}

/** The spacing the bot keeps between requests to one host (see FetcherOptions.hostIntervalMs). */
export const HOST_INTERVAL_MS = 1000;

export interface FetcherOptions {
  allowPrivate: boolean;
  /** Cap on the body after decompression (default 5 MB). */
  maxBytes?: number;
  /** Cap on one fetch including redirects and body (default 30 s). */
  timeoutMs?: number;
  maxRedirects?: number;
  userAgent?: string;
  now?: () => Date;
  /** Which addresses are reachable when private networks are not allowed (public unicast by default). */
  addressPolicy?: AddressPolicy;
  /** Host name resolution (node:dns by default). */
  resolver?: Resolver;
  /**
   * Least time between the starts of two requests to one host (default 0). The running bot uses
   * a second, so several feeds on one site, their article pages and robots.txt arrive spaced out.
   */
  hostIntervalMs?: number;
  /**
   * Reserves the host's next request slot in a store shared by every process of a deployment and
   * answers how long to wait for it (cluster/host-slots.ts); without it the spacing is per process.
   */
  hostSlot?: (host: string, intervalMs: number) => Promise<number>;
}

export interface ConditionalHeaders {
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** Aborts the request (and any wait for its turn at the host): a stopping bot or a poll past its deadline. */
  signal?: AbortSignal;
}

export interface FetchResult {
  /** 200-class status or 304. */
  status: number;
  /** The URL after redirects. */
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  /** True when redirects happened and every one was permanent (301/308): callers may update their URL. */
  movedPermanently: boolean;
}

export interface Fetcher {
  /** GETs `url`; resolves with a 2xx/304 result, rejects with FetchError otherwise. */
  get(url: string, cond?: ConditionalHeaders): Promise<FetchResult>;
  close(): Promise<void>;
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function decoderFor(encoding: string | undefined): Transform | null {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === '' || e === 'identity') return null;
  if (e === 'gzip' || e === 'x-gzip') return createGunzip();
  if (e === 'deflate') return createInflate();
  if (e === 'br') return createBrotliDecompress();
  throw new Error(`unsupported content-encoding "${e}"`);
}

function describeNetworkError(err: unknown): { reason: string; blocked: boolean } {
  let e: unknown = err;
  for (let i = 0; i < 5 && e; i++) {
    const x = e as NodeJS.ErrnoException & { cause?: unknown };
    if (x.code === BLOCKED_CODE) return { reason: x.message, blocked: true };
    if (!x.cause) break;
    e = x.cause;
  }
  const x = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = x.cause?.code ?? x.code;
  const msg = x.cause?.message ?? x.message ?? String(err);
  return { reason: code && !msg.includes(code) ? `${code}: ${msg}` : msg, blocked: false };
}

async function readCapped(body: Readable, encoding: string | undefined, maxBytes: number, url: string): Promise<Buffer> {
  const decoder = decoderFor(encoding);
  const source: Readable = decoder ? (pipeline(body, decoder, () => {}) as unknown as Readable) : body;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        throw new FetchError(url, `response larger than ${(maxBytes / 1048576).toFixed(1)} MB after decompression`, null, null, true);
      }
      chunks.push(chunk as Buffer);
    }
  } finally {
    if (total > maxBytes || !body.readableEnded) {
      body.destroy();
      decoder?.destroy();
    }
  }
  return Buffer.concat(chunks);
}

/** Creates a fetcher with its own connection pool; `close()` it when done. */
export function createFetcher(opts: FetcherOptions): Fetcher {
  const maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const maxRedirects = opts.maxRedirects ?? 5;
  const now = opts.now ?? (() => new Date());
  const policy = opts.addressPolicy ?? classifyAddress;
  const lookup = createGuardedLookup(policy, opts.resolver);
  const agent = new Agent({
    connect: opts.allowPrivate ? { timeout: 10_000, ...(opts.resolver ? { lookup: opts.resolver as never } : {}) } : { timeout: 10_000, lookup: lookup as never },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });

  function checkTarget(url: URL, original: string): void {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(original, `only http and https are allowed, not ${url.protocol.replace(/:$/, '')}`, null, null, true);
    if (url.username || url.password) throw new FetchError(original, 'URLs with credentials are not allowed', null, null, true);
    if (opts.allowPrivate) return;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      const why = policy(host);
      if (why) throw new FetchError(original, `${host} is ${why}; private networks are not allowed (NEWSBOT_ALLOW_PRIVATE_NETWORKS=1 allows them)`, null, null, true);
    } else if (host === 'localhost' || host.endsWith('.localhost')) {
      throw new FetchError(original, `${host} is loopback; private networks are not allowed (NEWSBOT_ALLOW_PRIVATE_NETWORKS=1 allows them)`, null, null, true);
    }
  }

  // Per host, when the next request may start; a request reserves its slot before waiting, so
  // concurrent ones queue up in order.
  const hostInterval = opts.hostIntervalMs ?? 0;
  const nextStart = new Map<string, number>();
  const lastStart = new Map<string, number>();
  async function spaceOut(url: string, signal?: AbortSignal): Promise<void> {
    if (hostInterval <= 0) return;
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return;
    }
    const t = Date.now();
    let at: number;
    if (opts.hostSlot) {
      at = t + (await opts.hostSlot(host, hostInterval));
    } else {
      at = Math.max(t, nextStart.get(host) ?? 0);
      nextStart.set(host, at + hostInterval);
      if (nextStart.size > 10_000) for (const [h, when] of nextStart) if (when < t) nextStart.delete(h);
    }
    await pause(at - t, signal);
    // A timer that fired late (a busy process) must not bunch this request with the next one: keep
    // the interval from the previous request's actual start too.
    if (!opts.hostSlot) {
      const since = Date.now() - (lastStart.get(host) ?? -Infinity);
      if (since < hostInterval) await pause(hostInterval - since, signal);
      lastStart.set(host, Date.now());
      if (lastStart.size > 10_000) for (const [h, when] of lastStart) if (when < t - hostInterval) lastStart.delete(h);
    }
  }

  function pause(ms: number, signal?: AbortSignal): Promise<void> {
    if (ms <= 0 || signal?.aborted) return Promise.resolve();
    return new Promise<void>((r) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        r();
      }
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  async function get(startUrl: string, cond: ConditionalHeaders = {}): Promise<FetchResult> {
    const stopped = () => new FetchError(startUrl, 'stopped before the response arrived');
    if (cond.signal?.aborted) throw stopped();
    await spaceOut(startUrl, cond.signal);
    if (cond.signal?.aborted) throw stopped();
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), timeoutMs);
    const onAbort = () => ac.abort();
    cond.signal?.addEventListener('abort', onAbort, { once: true });
    let current: URL;
    try {
      current = new URL(startUrl);
    } catch {
      clearTimeout(timer);
      throw new FetchError(startUrl, 'not a valid URL', null, null, true);
    }
    try {
      let permanent: boolean | null = null;
      for (let hop = 0; ; hop++) {
        checkTarget(current, startUrl);
        const headers: Record<string, string> = {
          'user-agent': opts.userAgent ?? USER_AGENT,
          accept: cond.accept ?? '*/*',
          'accept-encoding': 'gzip, deflate, br',
        };
        if (hop === 0 && cond.etag) headers['if-none-match'] = cond.etag;
        if (hop === 0 && cond.lastModified) headers['if-modified-since'] = cond.lastModified;
        let res: Dispatcher.ResponseData;
        try {
          res = await request(current, { method: 'GET', headers, dispatcher: agent, signal: ac.signal });
        } catch (err) {
          if (cond.signal?.aborted) throw stopped();
          if (ac.signal.aborted) throw new FetchError(startUrl, `timed out after ${Math.round(timeoutMs / 1000)} s`);
          const d = describeNetworkError(err);
          throw new FetchError(startUrl, d.reason, null, null, d.blocked);
        }
        const h = flatHeaders(res.headers as Record<string, string | string[] | undefined>);
        if ([301, 302, 303, 307, 308].includes(res.statusCode) && h.location) {
          res.body.dump().catch(() => {});
          permanent = (permanent ?? true) && (res.statusCode === 301 || res.statusCode === 308);
          if (hop >= maxRedirects) throw new FetchError(startUrl, `more than ${maxRedirects} redirects`, null, null, true);
          try {
            current = new URL(h.location, current);
          } catch {
            throw new FetchError(startUrl, `redirect to an invalid URL`, res.statusCode);
          }
          continue;
        }
        if (res.statusCode === 304) {
          res.body.dump().catch(() => {});
          return { status: 304, url: current.href, headers: h, body: Buffer.alloc(0), movedPermanently: permanent === true };
        }
        if (res.statusCode < 200 || res.statusCode >= 300) {
          res.body.dump().catch(() => {});
          const retryAt = res.statusCode === 429 || res.statusCode === 503 ? parseRetryAfter(h['retry-after'], now().getTime()) : null;
          throw new FetchError(startUrl, `HTTP ${res.statusCode}`, res.statusCode, retryAt, res.statusCode === 404 || res.statusCode === 410);
        }
        const declared = Number(h['content-length']);
        if (!h['content-encoding'] && Number.isFinite(declared) && declared > maxBytes) {
          res.body.destroy();
          throw new FetchError(startUrl, `response larger than ${(maxBytes / 1048576).toFixed(1)} MB (Content-Length ${declared})`, null, null, true);
        }
        let body: Buffer;
        try {
          body = await readCapped(res.body as unknown as Readable, h['content-encoding'], maxBytes, startUrl);
        } catch (err) {
          if (err instanceof FetchError) throw err;
          if (cond.signal?.aborted) throw stopped();
          if (ac.signal.aborted) throw new FetchError(startUrl, `timed out after ${Math.round(timeoutMs / 1000)} s`);
          throw new FetchError(startUrl, `could not read the body: ${(err as Error).message}`);
        }
        return { status: res.statusCode, url: current.href, headers: h, body, movedPermanently: permanent === true };
      }
    } finally {
      clearTimeout(timer);
      cond.signal?.removeEventListener('abort', onAbort);
    }
  }

  return { get, close: () => agent.close() };
}
