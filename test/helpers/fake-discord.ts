/**
 * A small fake Discord (REST API v10 + gateway) on 127.0.0.1, for end-to-end tests that run the
 * real discord.js client over real sockets. It speaks just enough of the protocol: gateway
 * HELLO → IDENTIFY → READY (no guilds, so the client is ready at once), heartbeat ACKs,
 * INTERACTION_CREATE dispatch routed by shard (fake-discord-gateway.ts); REST interaction callbacks, webhook edits/follow-ups, application
 * command registration, channel messages (with nonce/enforce_nonce dedupe), thread creation,
 * an optional global rate limit, and switchable error injection for delivery-failure tests.
 *
 * Usage: `const fake = await startFakeDiscord({ token })`, point the client at `fake.apiUrl`
 * (discord.js `rest.api`, or DISCORD_API_URL), dispatch with `fake.slash(...)` and read
 * `fake.waitForReply(id)`, `fake.messages`, `fake.requests`; `await fake.stop()` at the end.
 * Sharded: `startFakeDiscord({ token, shardCount: 2 })`, start the gateway processes, then
 * `await fake.waitForShards()` and `await fake.ask('help', {}, { guildId: fake.guildOnShard(1) })`;
 * `fake.deliveries` tells which session (shard) carried each interaction.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { failureResponse, matchFailure, type ArmedFailure } from './fake-discord-failures.ts';
import { botUserFor, buildInteraction, messageObject as buildMessage, toOptions } from './fake-discord-payloads.ts';
import { guildOnShard, shardOf, startFakeGateway } from './fake-discord-gateway.ts';
import { readBody, type UploadedFile } from './fake-discord-body.ts';
import type { FakeDiscord, FakeDiscordOptions, FakeMessage, FakeThread, RecordedCallback, RecordedRequest, RecordedWebhook } from './fake-discord-types.ts';

export { PERMS, type InteractionOrigin } from './fake-discord-payloads.ts';
export type { InjectedFailure } from './fake-discord-failures.ts';
export type * from './fake-discord-types.ts';

/** Starts the fake on 127.0.0.1 with an OS-chosen port. */
export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = opts.token ?? 'fake-bot-token';
  const shardCount = opts.shardCount ?? 1;
  const appId = opts.appId ?? '100000000000000001';
  let nextId = 200000000000000000n;
  const snowflake = () => String(nextId++);
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of [...listeners]) l();
  };
  const failures: ArmedFailure[] = [];
  const sockets = new Set<Socket>();
  const nonces = new Map<string, FakeMessage>();
  const windowStarts: number[] = [];

  const state = {
    requests: [] as RecordedRequest[],
    callbacks: [] as RecordedCallback[],
    webhooks: [] as RecordedWebhook[],
    messages: [] as FakeMessage[],
    threads: [] as FakeThread[],
    files: [] as UploadedFile[],
    registrations: [] as { scope: string; body: any }[],
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

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const body = await readBody(req, state.files);
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
      return send(res, 200, { url: gatewayUrl, shards: shardCount, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 16 } });
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
  server.keepAliveTimeout = 120_000; // never close a socket the client (undici) may be reusing
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const apiUrl = `http://127.0.0.1:${port}/api`;
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;

  // max_concurrency 16 above: discord.js then identifies all its shards at once instead of 5 s apart.
  const gateway = startFakeGateway({ server, gatewayUrl, token, appId, botUser, shardCount, heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41250, notify });
  const dispatch = (d: any) => gateway.dispatchInteraction(d);

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
    identifies: gateway.identifies,
    shardCount,
    sessions: gateway.sessions,
    deliveries: gateway.deliveries,
    get heartbeats() {
      return gateway.heartbeats;
    },
    get rateLimited() {
      return state.rateLimited;
    },
    set rateLimited(v: number) {
      state.rateLimited = v;
    },
    shardOf: (guildId) => shardOf(guildId, shardCount),
    guildOnShard: (shardId, n) => guildOnShard(shardId, shardCount, n),
    async waitForShards(shardIds = Array.from({ length: shardCount }, (_, i) => i), timeoutMs) {
      await waitFor(() => shardIds.every((id) => gateway.sessions.some((s) => s.open && s.shardId === id)), timeoutMs);
    },
    async ask(name, options, origin, timeoutMs) {
      const id = fake.slash(name, options, origin);
      const shardId = gateway.deliveries.find((d) => d.interactionId === id)!.shardId;
      return { id, shardId, reply: await fake.waitForReply(id, timeoutMs) };
    },
    slash(name, options = {}, origin) {
      const d = buildInteraction(2, origin ?? {}, appId, snowflake());
      d.data = { id: snowflake(), name, type: 1, options: toOptions(options) };
      dispatch(d);
      return d.id;
    },
    autocomplete(name, focused, value, options = {}, origin) {
      const d = buildInteraction(4, origin ?? {}, appId, snowflake());
      d.data = { id: snowflake(), name, type: 1, options: toOptions({ ...options, [focused]: value }, focused) };
      dispatch(d);
      return d.id;
    },
    button(customId, origin = {}) {
      const d = buildInteraction(3, origin, appId, snowflake());
      d.data = { custom_id: customId, component_type: 2 };
      d.message = messageObject(origin.messageId ?? snowflake(), d.channel.id, {});
      dispatch(d);
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
      await gateway.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
