/**
 * A lease in Redis, for what exactly one process of a deployment may do at a time (Telegram long
 * polling: the Bot API allows one getUpdates consumer). The holder renews it every third of its
 * time to live; a process that dies, even by SIGKILL, loses it when it runs out, and a waiting
 * process takes over at its next try.
 */
import type { Redis } from 'ioredis';

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export interface LeaseHandlers {
  /** This process now holds the lease: start the singular work. */
  onAcquired(): Promise<void> | void;
  /** The lease was lost (Redis unreachable past the time to live, or taken): stop that work. */
  onLost(): Promise<void> | void;
}

export interface Lease {
  held(): boolean;
  /** Stops trying, ends the work if held (onLost) and releases the lease for another process. */
  stop(): Promise<void>;
}

export function holdLease(redis: Redis, key: string, owner: string, ttlMs: number, h: LeaseHandlers, onError: (err: unknown) => void = () => undefined): Lease {
  let held = false;
  let stopped = false;
  let turn: Promise<void> = Promise.resolve();
  const step = async () => {
    if (stopped) return;
    try {
      if (held) {
        if (Number(await redis.eval(RENEW, 1, key, owner, String(ttlMs))) === 1) return;
        held = false;
        await h.onLost();
      } else if ((await redis.set(key, owner, 'PX', ttlMs, 'NX')) === 'OK') {
        held = true;
        await h.onAcquired();
      }
    } catch (err) {
      onError(err);
    }
  };
  const run = () => (turn = turn.then(step));
  const timer = setInterval(run, Math.max(100, Math.floor(ttlMs / 3)));
  timer.unref();
  void run();
  return {
    held: () => held,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await turn;
      if (!held) return;
      held = false;
      await h.onLost();
      await redis.eval(RELEASE, 1, key, owner).catch(onError);
    },
  };
}
