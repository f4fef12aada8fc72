/**
 * Classifies Bot API failures for the scheduler (DeliveryError kinds) and describes them for
 * logs without the request URL, which carries the bot token.
 */
import { GrammyError, HttpError } from 'grammy';
import { DeliveryError } from '../types.ts';
import { redact } from '../../core/logger.ts';

/** A one-line, token-free description of a Telegram failure. */
export function describeTelegramError(err: unknown): string {
  if (err instanceof GrammyError) return redact(`${err.method}: ${err.error_code} ${err.description}`);
  if (err instanceof HttpError) {
    const cause = err.error instanceof Error ? `${err.error.name}: ${err.error.message}` : String(err.error);
    return redact(`${err.message} (${cause})`);
  }
  return redact(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
}

/**
 * Maps a failure to a DeliveryError: 429 → rate_limited (retry_after), migrate_to_chat_id →
 * migrated, 403 and "chat not found"-like 400s → permanent, other 400s (our request) → permanent,
 * 5xx, 401/404/409 (our token or the server, not the chat) and network errors → transient.
 */
export function toDeliveryError(err: unknown, sentMessageIds: string[] = []): DeliveryError {
  const text = describeTelegramError(err);
  if (err instanceof GrammyError) {
    const p = err.parameters ?? {};
    if (p.migrate_to_chat_id !== undefined) return new DeliveryError('migrated', text, undefined, String(p.migrate_to_chat_id), sentMessageIds);
    if (err.error_code === 429) return new DeliveryError('rate_limited', text, (p.retry_after ?? 5) * 1000, undefined, sentMessageIds);
    if (err.error_code === 403) return new DeliveryError('permanent', text, undefined, undefined, sentMessageIds);
    if (err.error_code === 400) return new DeliveryError('permanent', text, undefined, undefined, sentMessageIds);
    return new DeliveryError('transient', text, undefined, undefined, sentMessageIds);
  }
  return new DeliveryError('transient', text, undefined, undefined, sentMessageIds);
}

