/**
 * Spawns discord-gateway-main.ts as a child process (`node --import tsx`), the way a deployment runs
 * one gateway process per group of shards, and collects what it reports. For the shard tests and the
 * multi-process cluster test: `startGatewayProcess({ fake, shards: [1], shardCount: 2, db })`, then
 * `await p.ready`, `p.interactions`, `await p.stop()`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FakeDiscord } from './fake-discord.ts';

const MAIN = fileURLToPath(new URL('./discord-gateway-main.ts', import.meta.url));

export interface GatewayProcessOptions {
  fake: FakeDiscord;
  /** DISCORD_SHARDS (default: all of shardCount). */
  shards?: number[];
  /** DISCORD_SHARD_COUNT (default: the fake's). */
  shardCount?: number;
  /** NEWSBOT_DB file or a postgres:// URL (NEWSBOT_DATABASE_URL). */
  db: string;
  /** More environment (wins over the above); LOG_LEVEL defaults to warn. */
  env?: Record<string, string>;
}

export interface GatewayProcess {
  readonly pid: number;
  /** Resolves with the shards the process holds once its client is READY; rejects if it exits first. */
  readonly ready: Promise<number[]>;
  /** Interactions the process received, in order, with the shard that carried each. */
  readonly interactions: { id: string; shardId: number }[];
  /** Everything it wrote to stderr (its log). */
  readonly stderr: string[];
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
  /** SIGTERM, then the exit code (SIGKILL if it has not exited within 10 s). */
  stop(): Promise<number | null>;
}

/** Starts one gateway process against `opts.fake`. Only the variables it needs are passed on. */
export function startGatewayProcess(opts: GatewayProcessOptions): GatewayProcess {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    LOG_LEVEL: 'warn',
    DISCORD_TOKEN: opts.fake.token,
    DISCORD_APP_ID: opts.fake.appId,
    DISCORD_API_URL: opts.fake.apiUrl,
    DISCORD_SHARD_COUNT: String(opts.shardCount ?? opts.fake.shardCount),
    ...(opts.shards ? { DISCORD_SHARDS: opts.shards.join(',') } : {}),
    ...(/^postgres(ql)?:\/\//i.test(opts.db) ? { NEWSBOT_DATABASE_URL: opts.db } : { NEWSBOT_DB: opts.db }),
    ...opts.env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const interactions: { id: string; shardId: number }[] = [];
  const stderr: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let onReady: (shards: number[]) => void = () => {};
  const ready = new Promise<number[]>((resolve, reject) => {
    onReady = resolve;
    void exited.then((code) => reject(new Error(`gateway process exited (${code}) before READY:\n${stderr.join('').slice(-2000)}`)));
  });
  ready.catch(() => undefined); // callers await it; an early exit must not be an unhandled rejection

  let buffered = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      const msg = JSON.parse(line);
      if (msg.event === 'ready') onReady(msg.shards);
      else if (msg.event === 'interaction') interactions.push({ id: msg.id, shardId: msg.shardId });
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));

  return {
    pid: child.pid!,
    ready,
    interactions,
    stderr,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      return exited;
    },
  };
}
