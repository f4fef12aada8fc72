/**
 * The fake Discord's public types: what it records (requests, callbacks, webhooks, messages,
 * gateway sessions and which shard delivered each interaction) and what a test can ask of it.
 */
import type { InteractionOrigin } from './fake-discord-payloads.ts';
import type { InjectedFailure } from './fake-discord-failures.ts';

/** One HTTP request the fake received (body parsed as JSON when it was JSON). */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The Authorization header, when any (tests check the bot token was sent, and only there). */
  authorization?: string;
  body: any;
  status: number;
}

/** One POST /interactions/{id}/{token}/callback. */
export interface RecordedCallback {
  interactionId: string;
  token: string;
  /** Discord callback type: 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete. */
  type: number;
  body: any;
}

/** One webhook call on an interaction token (edit/delete of @original, follow-ups). */
export interface RecordedWebhook {
  method: 'PATCH' | 'POST' | 'DELETE';
  token: string;
  /** '@original' or a follow-up message id; null for a new follow-up (POST). */
  messageId: string | null;
  body: any;
}

/** A message the bot created in a channel (POST /channels/{id}/messages). */
export interface FakeMessage {
  id: string;
  channelId: string;
  body: any;
  nonce?: string;
}

/** A thread opened on a message. */
export interface FakeThread {
  id: string;
  channelId: string;
  messageId: string;
  body: any;
}

export interface FakeDiscordOptions {
  /** The bot token REST calls must carry (`Bot <token>`); IDENTIFY with another token is closed with 4004. */
  token?: string;
  appId?: string;
  /** Gateway heartbeat interval sent in HELLO (default 41250 ms: no heartbeat in short tests). */
  heartbeatIntervalMs?: number;
  /** Requests per second allowed across REST before answering 429 (global); default unlimited. */
  globalRateLimitPerSec?: number;
  /**
   * Shards of the deployment (default 1), announced by GET /gateway/bot. IDENTIFY must carry
   * `shard: [id, shardCount]` with this count, or the gateway closes with 4010 (4011 when missing).
   */
  shardCount?: number;
}

/** One gateway session: a connection that identified for one shard. */
export interface FakeSession {
  /** session_id sent in its READY (also used to RESUME). */
  id: string;
  shardId: number;
  /** False once its socket closed. */
  open: boolean;
}

/** Which gateway session an interaction was dispatched over. */
export interface RecordedDelivery {
  interactionId: string;
  /** The interaction's guild; undefined for DMs (those go to shard 0). */
  guildId?: string;
  shardId: number;
  sessionId: string;
}

/** A dispatched slash command with the reply it got and the shard that carried it. */
export interface AskResult {
  id: string;
  shardId: number;
  reply: { body: any; ephemeral: boolean; via: 'callback' | 'edit' | 'followup' };
}

export interface FakeDiscord {
  /** Base for discord.js `rest.api` / DISCORD_API_URL: `http://127.0.0.1:PORT/api`. */
  readonly apiUrl: string;
  /** Gateway URL announced by GET /api/v10/gateway/bot. */
  readonly gatewayUrl: string;
  readonly appId: string;
  readonly token: string;
  /** Every HTTP request, in arrival order. */
  readonly requests: RecordedRequest[];
  readonly callbacks: RecordedCallback[];
  readonly webhooks: RecordedWebhook[];
  /** Channel messages created by the bot, in order (deduplicated by nonce when enforce_nonce). */
  readonly messages: FakeMessage[];
  readonly threads: FakeThread[];
  /** Files uploaded with any request (multipart), in order: the request path and the file. */
  readonly files: { path: string; filename: string; data: Buffer }[];
  /** Bodies of PUT application commands: scope is 'global' or the guild id. */
  readonly registrations: { scope: string; body: any }[];
  /** IDENTIFY payloads received on the gateway. */
  readonly identifies: any[];
  readonly shardCount: number;
  /** Gateway sessions in READY order. */
  readonly sessions: FakeSession[];
  /** One entry per session an interaction was dispatched to, in dispatch order. */
  readonly deliveries: RecordedDelivery[];
  /** Heartbeats received (each answered with an ACK). */
  readonly heartbeats: number;
  /** 429s answered (injected or from the global limit). */
  rateLimited: number;
  /** The shard that carries a guild's events: `(guild >> 22) % shardCount`; DMs (no guild) use shard 0. */
  shardOf(guildId?: string): number;
  /** A guild id (a plausible snowflake) whose events go over `shardId`; `n` picks another such guild. */
  guildOnShard(shardId: number, n?: number): string;
  /** Resolves once an open session holds each of `shardIds` (default: every shard). */
  waitForShards(shardIds?: number[], timeoutMs?: number): Promise<void>;
  /**
   * Dispatches a slash command from `origin` (pass `guildId`, e.g. from guildOnShard) and resolves
   * with its final reply and the shard that delivered it.
   */
  ask(name: string, options?: Record<string, string | number>, origin?: InteractionOrigin, timeoutMs?: number): Promise<AskResult>;
  /** Dispatches a slash command over the guild's shard; returns the interaction id. Numbers become integer options. */
  slash(name: string, options?: Record<string, string | number>, origin?: InteractionOrigin): string;
  /** Dispatches an autocomplete interaction with `focused` the option being typed; returns the id. */
  autocomplete(name: string, focused: string, value: string, options?: Record<string, string | number>, origin?: InteractionOrigin): string;
  /** Dispatches a button click on a bot message; returns the id. */
  button(customId: string, origin?: InteractionOrigin & { messageId?: string }): string;
  /** Resolves with the first callback of interaction `id` (rejects after timeoutMs, default 5000). */
  waitForCallback(id: string, timeoutMs?: number): Promise<RecordedCallback>;
  /**
   * Resolves with the message body the user finally sees for interaction `id`: the callback data
   * (reply/update), or after a deferral the PATCH of @original or an ephemeral follow-up; `ephemeral`
   * tells whether only the sender sees it.
   */
  waitForReply(id: string, timeoutMs?: number): Promise<{ body: any; ephemeral: boolean; via: 'callback' | 'edit' | 'followup' }>;
  /** Resolves when `check()` returns a value (checked after every request), rejecting after timeoutMs. */
  waitFor<T>(check: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  /** Makes matching requests fail (see InjectedFailure); returns a function removing the injection. */
  injectFailure(failure: InjectedFailure): () => void;
  clearFailures(): void;
  /** Closes the gateway sockets and the HTTP server. */
  stop(): Promise<void>;
}

