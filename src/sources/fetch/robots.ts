/**
 * robots.txt (RFC 9309) for the pages newsbot fetches on its own: article pages of summary-only
 * feed items and polled page sources. Feeds themselves are exempt: they are published to be
 * fetched by readers, and the operator subscribed to them by hand. Parsing is robots-parser's
 * (well kept, no dependencies); fetching goes through the guarded fetcher, so the same address
 * and size rules apply. One file per origin, kept a day.
 */
import { createRequire } from 'node:module';
import type { Fetcher } from './create-fetcher.ts';
import { FetchError } from './fetch-error.ts';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
// A CommonJS function export whose bundled typings describe an ES default export: loaded as what it is.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => Robot;

/** The product token robots.txt groups are matched against (User-agent: newsbot). */
export const ROBOTS_TOKEN = 'newsbot';

type Rules = { kind: 'parsed'; robot: Robot } | { kind: 'allow-all' } | { kind: 'disallow-all'; why: string };

export interface RobotsCheck {
  /** Null when `url` may be fetched, else the reason it may not (one line). */
  refusal(url: string): Promise<string | null>;
  /**
   * Like refusal, also saying whether the refusal is passing: robots.txt could not be read
   * (5xx, network), so the site is closed for now, not disallowed.
   */
  check(url: string): Promise<{ reason: string; passing: boolean } | null>;
}

export interface RobotsOptions {
  now?: () => Date;
  /** How long a fetched robots.txt is trusted (default 24 h). */
  ttlMs?: number;
  /** How long an unreachable robots.txt keeps its site closed before trying again (default 1 h). */
  retryMs?: number;
}

/** A robots.txt checker over `fetcher`, caching one answer per origin. */
export function createRobotsCheck(fetcher: Fetcher, opts: RobotsOptions = {}): RobotsCheck {
  const now = opts.now ?? (() => new Date());
  const ttl = opts.ttlMs ?? 24 * 3600_000;
  const retry = opts.retryMs ?? 3600_000;
  const cache = new Map<string, { rules: Promise<Rules>; expires: number }>();

  async function load(origin: string): Promise<{ rules: Rules; keepMs: number }> {
    try {
      const res = await fetcher.get(`${origin}/robots.txt`, { accept: 'text/plain,*/*;q=0.1' });
      return { rules: { kind: 'parsed', robot: robotsParser(`${origin}/robots.txt`, res.body.toString('utf8')) }, keepMs: ttl };
    } catch (err) {
      // RFC 9309 2.3.1: no robots.txt (4xx) allows everything; a server or network error closes the site for now.
      if (err instanceof FetchError && err.status !== null && err.status >= 400 && err.status < 500) return { rules: { kind: 'allow-all' }, keepMs: ttl };
      const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
      return { rules: { kind: 'disallow-all', why: `robots.txt of ${origin} could not be read (${why})` }, keepMs: retry };
    }
  }

  async function check(url: string): Promise<{ reason: string; passing: boolean } | null> {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return { reason: `not a URL: ${url}`, passing: false };
    }
    const t = now().getTime();
    let entry = cache.get(origin);
    if (!entry || entry.expires <= t) {
      const loading = load(origin);
      entry = { rules: loading.then((l) => l.rules), expires: Infinity };
      cache.set(origin, entry);
      const settled = entry;
      void loading.then((l) => (settled.expires = now().getTime() + l.keepMs));
    }
    const rules = await entry.rules;
    if (rules.kind === 'allow-all') return null;
    if (rules.kind === 'disallow-all') return { reason: rules.why, passing: true };
    return rules.robot.isAllowed(url, ROBOTS_TOKEN) === false ? { reason: `robots.txt of ${origin} disallows ${new URL(url).pathname}`, passing: false } : null;
  }

  return {
    check,
    refusal: async (url) => (await check(url))?.reason ?? null,
  };
}
