/**
 * A small fake Discord (REST API v10 + gateway) on 127.0.0.1, for end-to-end tests that run the
 * real discord.js client over real sockets. It speaks just enough of the protocol: gateway
 * HELLO → IDENTIFY → READY (no guilds, so the client is ready at once), heartbeat ACKs,
 * INTERACTION_CREATE dispatch; REST interaction callbacks, webhook edits/follow-ups, application
 * command registration, channel messages (with nonce/enforce_nonce dedupe), thread creation,
 * an optional global rate limit, and switchable error injection for delivery-failure tests.
 *
 * Usage: `const fake = await startFakeDiscord({ token })`, point the client at `fake.apiUrl`
 * (discord.js `rest.api`, or DISCORD_API_URL), dispatch with `fake.slash(...)` and read
 * `fake.waitForReply(id)`, `fake.messages`, `fake.requests`; `await fake.stop()` at the end.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { failureResponse, matchFailure, type ArmedFailure, type InjectedFailure } from './fake-discord-failures.ts';
import { botUserFor, buildInteraction, messageObject as buildMessage, toOptions, type InteractionOrigin } from './fake-discord-payloads.ts';

export { PERMS, type InteractionOrigin } from './fake-discord-payloads.ts';
export type { InjectedFailure } from './fake-discord-failures.ts';

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
  /** Heartbeats received (each answered with an ACK). */
  heartbeats: number;
  /** 429s answered (injected or from the global limit). */
  rateLimited: number;
  /** Dispatches a slash command; returns the interaction id. Numbers become integer options. */
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

/** Starts the fake on 127.0.0.1 with an OS-chosen port. */
export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = opts.token ?? 'fake-bot-token';
  const appId = opts.appId ?? '100000000000000001';
  let nextId = 200000000000000000n;
  const snowflake = () => String(nextId++);
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of [...listeners]) l();
  };
  const failures: ArmedFailure[] = [];
  const sockets = new Set<Socket>();
  const gatewayClients = new Set<WebSocket>();
  const nonces = new Map<string, FakeMessage>();
  const windowStarts: number[] = [];

  const state = {
    requests: [] as RecordedRequest[],
    callbacks: [] as RecordedCallback[],
    webhooks: [] as RecordedWebhook[],
    messages: [] as FakeMessage[],
    threads: [] as FakeThread[],
    files: [] as { path: string; filename: string; data: Buffer }[],
    registrations: [] as { scope: string; body: any }[],
    identifies: [] as any[],
    heartbeats: 0,
    rateLimited: 0,
  };

  const botUser = botUserFor(appId);
  const messageObject = (id: string, channelId: string, body: any) => buildMessage(botUser, id, channelId, body);

  function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): number {
    if (body === undefined) {
      // 204 with no content-type: discord.js would otherwise try to parse an empty JSON body.
      res.writeHead(status, headers);
      res.end();
    } else {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    }
    return status;
  }

  function overGlobalLimit(): boolean {
    const limit = opts.globalRateLimitPerSec;
    if (!limit) return false;
    const now = Date.now();
    while (windowStarts.length && now - windowStarts[0] >= 1000) windowStarts.shift();
    if (windowStarts.length >= limit) return true;
    windowStarts.push(now);
    return false;
  }

  async function readBody(req: IncomingMessage): Promise<any> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const buf = Buffer.concat(chunks);
    const raw = buf.toString('utf8');
    if (!raw) return undefined;
    const type = req.headers['content-type'] ?? '';
    if (type.includes('multipart/form-data')) {
      const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
      if (boundary) {
        const sep = Buffer.from('--' + (boundary[1] ?? boundary[2]).trim());
        for (let start = buf.indexOf(sep); start >= 0; ) {
          const next = buf.indexOf(sep, start + sep.length);
          if (next < 0) break;
          const part = buf.subarray(start + sep.length + 2, next - 2);
          const headEnd = part.indexOf('\r\n\r\n');
          const filename = headEnd >= 0 ? /filename="([^"]*)"/i.exec(part.subarray(0, headEnd).toString('utf8'))?.[1] : undefined;
          if (filename !== undefined) state.files.push({ path: new URL(req.url ?? '/', 'http://x').pathname, filename, data: Buffer.from(part.subarray(headEnd + 4)) });
          start = next;
        }
      }
      // discord.js sends multipart only with files; keep the JSON part.
      const m = /name="payload_json"\r\n(?:[^\r\n]*\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw);
      return m ? JSON.parse(m[1]) : raw;
    }
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '');
    const authorization = req.headers.authorization;
    const record: RecordedRequest = { method, path, query: url.searchParams, authorization, body, status: 0 };
    state.requests.push(record);
    try {
      record.status = handle(method, path, url, body, authorization, res);
    } finally {
      notify();
    }
  }

  function handle(method: string, path: string, url: URL, body: any, authorization: string | undefined, res: ServerResponse): number {
    let m: RegExpExecArray | null;
    // Interaction callbacks and webhooks use the interaction token, no bot auth.
    if (method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      state.callbacks.push({ interactionId: m[1], token: m[2], type: body?.type, body });
      return send(res, 204);
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path))) {
      const [, , itoken, mid] = m;
      if (method === 'PATCH' && mid) {
        state.webhooks.push({ method: 'PATCH', token: itoken, messageId: mid, body });
        return send(res, 200, messageObject(mid === '@original' ? snowflake() : mid, '0', body));
      }
      if (method === 'DELETE' && mid) {
        state.webhooks.push({ method: 'DELETE', token: itoken, messageId: mid, body });
        return send(res, 204);
      }
      if (method === 'POST' && !mid) {
        state.webhooks.push({ method: 'POST', token: itoken, messageId: null, body });
        return send(res, 200, messageObject(snowflake(), '0', body));
      }
      if (method === 'GET' && mid) return send(res, 200, messageObject(snowflake(), '0', {}));
    }
    if (authorization !== `Bot ${token}`) return send(res, 401, { message: '401: Unauthorized', code: 0 });
    if (overGlobalLimit()) {
      state.rateLimited++;
      return send(res, 429, { message: 'You are being rate limited.', retry_after: 1, global: true }, { 'retry-after': '1', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' });
    }
    const failure = matchFailure(failures, method, path);
    if (failure) {
      if (failure.kind === 'rate_limited') state.rateLimited++;
      return failureResponse(res, failure, send);
    }

    if (method === 'GET' && path === '/gateway/bot') {
      return send(res, 200, { url: gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    }
    if (method === 'GET' && path === '/gateway') return send(res, 200, { url: gatewayUrl });
    if (method === 'PUT' && (m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      if (m[1] !== appId) return send(res, 403, { message: 'Missing Access', code: 50001 });
      state.registrations.push({ scope: m[2] ?? 'global', body });
      const out = (Array.isArray(body) ? body : []).map((c: any) => ({ ...c, id: snowflake(), application_id: appId, version: snowflake(), type: c.type ?? 1 }));
      return send(res, 200, out);
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      const channelId = m[1];
      const nonce = body?.nonce !== undefined ? String(body.nonce) : undefined;
      if (nonce && body?.enforce_nonce) {
        const existing = nonces.get(`${channelId}:${nonce}`);
        if (existing) return send(res, 200, messageObject(existing.id, channelId, existing.body));
      }
      const msg: FakeMessage = { id: snowflake(), channelId, body, nonce };
      state.messages.push(msg);
      if (nonce) nonces.set(`${channelId}:${nonce}`, msg);
      return send(res, 200, messageObject(msg.id, channelId, body));
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
      const [, channelId, messageId] = m;
      if (state.threads.some((t) => t.messageId === messageId)) {
        return send(res, 400, { message: 'A thread has already been created for this message', code: 160004 });
      }
      const thread: FakeThread = { id: messageId, channelId, messageId, body };
      state.threads.push(thread);
      return send(res, 201, { id: thread.id, type: 11, parent_id: channelId, name: body?.name ?? '', guild_id: '300000000000000001', owner_id: appId, thread_metadata: { archived: false, auto_archive_duration: body?.auto_archive_duration ?? 1440, locked: false, archive_timestamp: new Date().toISOString() }, message_count: 0, member_count: 1 });
    }
    void url;
    return send(res, 404, { message: '404: Not Found', code: 0 });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, { message: String(err), code: 0 });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const apiUrl = `http://127.0.0.1:${port}/api`;
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;

  const wss = new WebSocketServer({ server });
  let seq = 0;
  wss.on('connection', (ws) => {
    gatewayClients.add(ws);
    ws.on('close', () => gatewayClients.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: opts.heartbeatIntervalMs ?? 41250 }, s: null, t: null }));
    ws.on('message', (raw) => {
      let msg: any;
      try {
        msg = JSON.parse(String(raw));
      } catch {
        ws.close(4002, 'Decode error');
        return;
      }
      if (msg.op === 1) {
        state.heartbeats++;
        ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      } else if (msg.op === 2) {
        state.identifies.push(msg.d);
        if (msg.d?.token !== token) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        ws.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: ++seq,
            d: { v: 10, user: botUser, guilds: [], session_id: 'fake-session', resume_gateway_url: gatewayUrl, shard: [0, 1], application: { id: appId, flags: 0 } },
          }),
        );
      } else if (msg.op === 6) {
        ws.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++seq, d: {} }));
      }
      notify();
    });
  });

  function dispatch(t: string, d: unknown): void {
    if (!gatewayClients.size) throw new Error('fake-discord: no gateway client connected (start the client first)');
    for (const ws of gatewayClients) ws.send(JSON.stringify({ op: 0, t, s: ++seq, d }));
  }

  function waitFor<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    return new Promise((resolve, reject) => {
      const first = check();
      if (first) return resolve(first);
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`fake-discord: timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = () => {
        const v = check();
        if (v) {
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(v);
        }
      };
      listeners.add(listener);
    });
  }

  const EPHEMERAL = 1 << 6;
  const fake: FakeDiscord = {
    apiUrl,
    gatewayUrl,
    appId,
    token,
    ...state,
    get heartbeats() {
      return state.heartbeats;
    },
    set heartbeats(v: number) {
      state.heartbeats = v;
    },
    get rateLimited() {
      return state.rateLimited;
    },
    set rateLimited(v: number) {
      state.rateLimited = v;
    },
    slash(name, options = {}, origin) {
      const d = buildInteraction(2, origin ?? {}, appId, snowflake());
      d.data = { id: snowflake(), name, type: 1, options: toOptions(options) };
      dispatch('INTERACTION_CREATE', d);
      return d.id;
    },
    autocomplete(name, focused, value, options = {}, origin) {
      const d = buildInteraction(4, origin ?? {}, appId, snowflake());
      d.data = { id: snowflake(), name, type: 1, options: toOptions({ ...options, [focused]: value }, focused) };
      dispatch('INTERACTION_CREATE', d);
      return d.id;
    },
    button(customId, origin = {}) {
      const d = buildInteraction(3, origin, appId, snowflake());
      d.data = { custom_id: customId, component_type: 2 };
      d.message = messageObject(origin.messageId ?? snowflake(), d.channel.id, {});
      dispatch('INTERACTION_CREATE', d);
      return d.id;
    },
    waitFor,
    waitForCallback(id, timeoutMs) {
      return waitFor(() => state.callbacks.find((c) => c.interactionId === id), timeoutMs);
    },
    waitForReply(id, timeoutMs) {
      return waitFor(() => {
        const cb = state.callbacks.find((c) => c.interactionId === id);
        if (!cb) return undefined;
        if (cb.type === 4 || cb.type === 7) return { body: cb.body.data, ephemeral: ((cb.body.data?.flags ?? 0) & EPHEMERAL) !== 0, via: 'callback' as const };
        if (cb.type === 5 || cb.type === 6) {
          const hooks = state.webhooks.filter((w) => w.token === cb.token);
          const follow = hooks.find((w) => w.method === 'POST');
          if (follow) return { body: follow.body, ephemeral: ((follow.body?.flags ?? 0) & EPHEMERAL) !== 0, via: 'followup' as const };
          const edit = hooks.find((w) => w.method === 'PATCH' && w.messageId === '@original');
          // A deferred ephemeral reply stays ephemeral when edited.
          if (edit) return { body: edit.body, ephemeral: ((cb.body.data?.flags ?? 0) & EPHEMERAL) !== 0, via: 'edit' as const };
        }
        return undefined;
      }, timeoutMs);
    },
    injectFailure(failure) {
      const entry = { ...failure, left: failure.times ?? 1, toSkip: failure.skip ?? 0 };
      failures.push(entry);
      return () => {
        const i = failures.indexOf(entry);
        if (i >= 0) failures.splice(i, 1);
      };
    },
    clearFailures() {
      failures.length = 0;
    },
    async stop() {
      listeners.clear();
      for (const ws of gatewayClients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
