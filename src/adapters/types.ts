/**
 * What the scheduler and main.ts may ask of a chat adapter. Platform details stay behind it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply, ReplyLang, Platform } from '../core/contract/types.ts';

/** Where a digest goes: a chat, optionally a forum topic / thread inside it. */
export interface DeliveryTarget {
  platform: Platform;
  chatId: string;
  threadId?: string;
  lang: ReplyLang;
}

export interface SendOptions {
  /** Stable per (subscription, due time): Discord sends it as a message nonce with enforce_nonce. */
  idempotencyKey: string;
  /** Discord: open a discussion thread on the first message. */
  openThread?: boolean;
  /** Telegram: the first message replies to this one (a story's reply chain). */
  replyTo?: string;
}

export interface SendResult {
  /** Platform message ids, in order, one per message sent. */
  messageIds: string[];
}

/**
 * A failed send, classified so the scheduler can decide: wait (`rate_limited`), retry with
 * backoff (`transient`), give up and count toward pausing (`permanent`), or follow the chat (`migrated`).
 */
export class DeliveryError extends Error {
  constructor(
    readonly kind: 'rate_limited' | 'transient' | 'permanent' | 'migrated',
    message: string,
    readonly retryAfterMs?: number,
    readonly migratedTo?: string,
    /** Messages that did go out before the failure (a split reply). */
    readonly sentMessageIds: string[] = [],
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/**
 * An HTTP POST handler an adapter serves on the process's ops server (a webhook). The server
 * reads the body within its size limit and passes it; `req` is for headers only.
 */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>;

export interface ChatAdapter {
  readonly platform: Platform;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Renders `reply` natively (split as needed, in order) and posts it; throws DeliveryError. */
  send(target: DeliveryTarget, reply: Reply, opts: SendOptions): Promise<SendResult>;
  /**
   * Discord: opens (or finds, when it exists) the thread on message `messageId` of the target
   * channel, named `name`, and returns its id, for a story's later updates. Platforms without
   * threads on messages leave it out (Telegram replies to the message instead).
   */
  openThread?(target: DeliveryTarget, messageId: string, name: string): Promise<string>;
  /** Routes (exact path → handler) to mount on the ops HTTP server; absent or empty when none. */
  httpRoutes?(): Map<string, HttpRoute>;
  /** Whether the platform connection is usable now, for /readyz; a one-line reason when not. */
  health?(): { ok: boolean; detail?: string } | Promise<{ ok: boolean; detail?: string }>;
}
