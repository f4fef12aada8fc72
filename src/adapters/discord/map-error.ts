/**
 * Classifies errors from Discord's REST API for the digest scheduler: rate limits (with how
 * long to wait), transient failures worth retrying, and permanent ones (missing access, unknown
 * channel, missing permissions, …) with a readable reason. Messages never include the token
 * or request bodies.
 */
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { DeliveryError } from '../types.ts';
import { redact } from '../../core/logger.ts';

/** Discord JSON error codes that mean "this chat cannot receive messages from us". */
export const PERMANENT_CODES: Record<number, string> = {
  10003: 'Unknown Channel (deleted, or the bot cannot see it)',
  10008: 'Unknown Message',
  50001: 'Missing Access (the bot was removed from the channel or server)',
  50007: 'Cannot send messages to this user',
  50013: 'Missing Permissions (the bot cannot post embeds in this channel)',
  50083: 'Thread is archived',
  160005: 'Thread is locked',
};

/** A one-line description of a REST/network error, without the token. */
export function describeDiscordError(err: unknown): string {
  if (err instanceof RateLimitError) return `rate limited on ${err.route} (retry after ${err.retryAfter || err.timeToReset} ms)`;
  if (err instanceof DiscordAPIError) {
    const known = typeof err.code === 'number' ? PERMANENT_CODES[err.code] : undefined;
    return redact(`HTTP ${err.status} ${err.code}: ${known ?? err.message}`);
  }
  if (err instanceof HTTPError) return `HTTP ${err.status} ${err.name}`;
  if (err instanceof Error) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return redact(`${err.name}: ${err.message}${cause?.code ? ` (${cause.code})` : ''}`);
  }
  return redact(String(err));
}

/** Maps `err` from a send to a DeliveryError; `sent` lists the message ids already posted. */
export function toDeliveryError(err: unknown, sent: string[]): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const reason = describeDiscordError(err);
  if (err instanceof RateLimitError) {
    return new DeliveryError('rate_limited', `discord: ${reason}`, Math.max(err.retryAfter, err.timeToReset, 1), undefined, sent);
  }
  if (err instanceof DiscordAPIError) {
    if (err.status === 429) return new DeliveryError('rate_limited', `discord: ${reason}`, 1000, undefined, sent);
    if (err.status >= 500) return new DeliveryError('transient', `discord: ${reason}`, undefined, undefined, sent);
    // Any other 4xx will fail the same way again: missing access, unknown channel, bad token, bad body.
    return new DeliveryError('permanent', `discord: ${reason}`, undefined, undefined, sent);
  }
  // HTTPError (5xx after retries), timeouts (AbortError) and socket errors are worth retrying.
  return new DeliveryError('transient', `discord: ${reason}`, undefined, undefined, sent);
}
