/**
 * The fake Discord's gateway (WebSocket on the same HTTP server): HELLO → IDENTIFY → READY per
 * shard, heartbeat ACKs, RESUME, and dispatch routed as Discord routes it: a guild's events go only
 * to the sessions of shard `(guild >> 22) % shardCount`, DMs to shard 0. Every interaction's
 * delivery is recorded with the session that carried it, so a test can tell which process got it.
 */
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { BotUser } from './fake-discord-payloads.ts';
import type { FakeSession, RecordedDelivery } from './fake-discord-types.ts';

export interface GatewayOptions {
  server: Server;
  gatewayUrl: string;
  token: string;
  appId: string;
  botUser: BotUser;
  shardCount: number;
  heartbeatIntervalMs: number;
  /** Called after every gateway message (waitFor checks run then). */
  notify: () => void;
}

export interface FakeGateway {
  readonly identifies: any[];
  readonly sessions: FakeSession[];
  readonly deliveries: RecordedDelivery[];
  readonly heartbeats: number;
  /** Sends INTERACTION_CREATE over the sessions of the interaction's shard; returns that shard. */
  dispatchInteraction(d: any): number;
  close(): Promise<void>;
}

/** Discord's shard formula: `(guild_id >> 22) % shard_count`; no guild (DMs) means shard 0. */
export function shardOf(guildId: string | undefined, shardCount: number): number {
  return guildId ? Number((BigInt(guildId) >> 22n) % BigInt(shardCount)) : 0;
}

/** A guild snowflake on `shardId`: the timestamp part picks the shard, the low 22 bits stay zero. */
export function guildOnShard(shardId: number, shardCount: number, n = 0): string {
  if (shardId < 0 || shardId >= shardCount) throw new Error(`fake-discord: shard ${shardId} is not below ${shardCount}`);
  // About 2021 in Discord's epoch, so the id has the usual 18 digits.
  const base = 80_000_000_000n - (80_000_000_000n % BigInt(shardCount));
  return String((base + BigInt(shardId) + BigInt(n) * BigInt(shardCount)) << 22n);
}

interface Connection {
  ws: WebSocket;
  seq: number;
  session?: FakeSession;
}

/** Attaches the gateway to `opts.server`. */
export function startFakeGateway(opts: GatewayOptions): FakeGateway {
  const identifies: any[] = [];
  const sessions: FakeSession[] = [];
  const deliveries: RecordedDelivery[] = [];
  const connections = new Set<Connection>();
  let heartbeats = 0;
  let nextSession = 1;

  const sendOp = (c: Connection, payload: { op: number; d: unknown; t?: string }) => {
    const s = payload.op === 0 ? ++c.seq : null;
    c.ws.send(JSON.stringify({ op: payload.op, d: payload.d, s, t: payload.t ?? null }));
  };

  function identify(c: Connection, d: any): void {
    identifies.push(d);
    if (d?.token !== opts.token) return void c.ws.close(4004, 'Authentication failed.');
    const shard: unknown = d.shard;
    if (shard === undefined && opts.shardCount > 1) return void c.ws.close(4011, 'Sharding required.');
    const [id, count] = Array.isArray(shard) ? shard : [0, 1];
    // Real Discord accepts any count large enough; the fake needs one count to route by, so it insists.
    if (!Number.isInteger(id) || count !== opts.shardCount || id < 0 || id >= count) return void c.ws.close(4010, 'Invalid shard.');
    const session: FakeSession = { id: `fake-session-${nextSession++}`, shardId: id, open: true };
    sessions.push(session);
    c.session = session;
    sendOp(c, {
      op: 0,
      t: 'READY',
      d: { v: 10, user: opts.botUser, guilds: [], session_id: session.id, resume_gateway_url: opts.gatewayUrl, shard: [id, count], application: { id: opts.appId, flags: 0 } },
    });
  }

  function resume(c: Connection, d: any): void {
    const session = sessions.find((s) => s.id === d?.session_id);
    if (!session || d?.token !== opts.token) return void sendOp(c, { op: 9, d: false });
    session.open = true;
    c.session = session;
    sendOp(c, { op: 0, t: 'RESUMED', d: {} });
  }

  const wss = new WebSocketServer({ server: opts.server });
  wss.on('connection', (ws) => {
    const c: Connection = { ws, seq: 0 };
    connections.add(c);
    ws.on('close', () => {
      connections.delete(c);
      if (c.session && ![...connections].some((o) => o.session === c.session)) c.session.open = false;
      opts.notify();
    });
    sendOp(c, { op: 10, d: { heartbeat_interval: opts.heartbeatIntervalMs } });
    ws.on('message', (raw) => {
      let msg: any;
      try {
        msg = JSON.parse(String(raw));
      } catch {
        ws.close(4002, 'Decode error');
        return;
      }
      if (msg.op === 1) {
        heartbeats++;
        sendOp(c, { op: 11, d: null });
      } else if (msg.op === 2) identify(c, msg.d);
      else if (msg.op === 6) resume(c, msg.d);
      opts.notify();
    });
  });

  return {
    identifies,
    sessions,
    deliveries,
    get heartbeats() {
      return heartbeats;
    },
    dispatchInteraction(d) {
      const shardId = shardOf(d.guild_id, opts.shardCount);
      const targets = [...connections].filter((c) => c.session?.shardId === shardId && c.ws.readyState === c.ws.OPEN);
      if (!targets.length) {
        const none = connections.size ? `no gateway session holds shard ${shardId} of ${opts.shardCount}` : 'no gateway client connected (start the client first)';
        throw new Error(`fake-discord: ${none}`);
      }
      for (const c of targets) {
        deliveries.push({ interactionId: d.id, guildId: d.guild_id, shardId, sessionId: c.session!.id });
        sendOp(c, { op: 0, t: 'INTERACTION_CREATE', d });
      }
      return shardId;
    },
    async close() {
      for (const c of connections) c.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
