/**
 * Error injection for the fake Discord: which request fails and how (429 with retry_after, 500,
 * Missing Access, Unknown Channel, Missing Permissions, a dropped connection).
 */
import type { ServerResponse } from 'node:http';

/** A failure to answer instead of the real response, for matching requests. */
export interface InjectedFailure {
  kind: 'rate_limited' | 'server_error' | 'missing_access' | 'unknown_channel' | 'missing_permissions' | 'network';
  /** Only requests touching this channel id (default: any). */
  channelId?: string;
  /** Only requests whose METHOD + path match, e.g. /^POST \/channels\/\d+\/messages$/ (default: channel message posts). */
  route?: RegExp;
  /** How many matching requests fail (default 1; Infinity until cleared). */
  times?: number;
  /** Let this many matching requests through first (e.g. 1: the second part of a split send fails). */
  skip?: number;
  /** For rate_limited: seconds in Retry-After and retry_after (default 1). */
  retryAfterSec?: number;
}

/** An injected failure with its remaining counts. */
export type ArmedFailure = InjectedFailure & { left: number; toSkip: number };

/** Writes a JSON (or empty) response and returns the status. */
export type Send = (res: ServerResponse, status: number, body?: unknown, headers?: Record<string, string>) => number;

/** The first armed failure matching `method path`, counted down (skips first, then failures). */
export function matchFailure(failures: ArmedFailure[], method: string, path: string): InjectedFailure | undefined {
  const line = `${method} ${path}`;
  for (const f of failures) {
    if (f.left <= 0) continue;
    const route = f.route ?? /^POST \/channels\/\d+\/messages$/;
    if (!route.test(line)) continue;
    if (f.channelId && !path.includes(`/channels/${f.channelId}/`) && !path.endsWith(`/channels/${f.channelId}`)) continue;
    if (f.toSkip > 0) {
      f.toSkip--;
      continue;
    }
    f.left--;
    return f;
  }
  return undefined;
}

/** Answers `res` with the failure `f` describes; 0 for a dropped connection. */
export function failureResponse(res: ServerResponse, f: InjectedFailure, send: Send): number {
  switch (f.kind) {
    case 'rate_limited': {
      const after = f.retryAfterSec ?? 1;
      return send(res, 429, { message: 'You are being rate limited.', retry_after: after, global: false }, { 'retry-after': String(after), 'x-ratelimit-scope': 'user' });
    }
    case 'server_error':
      return send(res, 500, { message: '500: Internal Server Error', code: 0 });
    case 'missing_access':
      return send(res, 403, { message: 'Missing Access', code: 50001 });
    case 'missing_permissions':
      return send(res, 403, { message: 'Missing Permissions', code: 50013 });
    case 'unknown_channel':
      return send(res, 404, { message: 'Unknown Channel', code: 10003 });
    case 'network':
      res.socket?.destroy();
      return 0;
  }
}
