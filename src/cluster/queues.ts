/**
 * The deployment's job queues (BullMQ on Redis; docs/scaling.md says why):
 * - `digests`: one job per chat and due time (that chat's digests in order), a failed digest's
 *   retry, or a claim left by a dead process;
 * - `alerts`: one alert pass per tick;
 * - `polls`: one job per due live source;
 * - `ticks`: the digest tick, a repeatable job, so it runs once per deployment however many
 *   scheduler processes there are.
 * Job ids are derived from what the job is for, so a job enqueued twice (two ticks, two
 * pollers) exists once. The delivery ledger, not the queue, is what makes a send exactly once: a
 * queue redelivers a job whose worker died, and the ledger tells what that worker got done.
 */
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';

export type DigestJob =
  | { kind: 'lane'; platform: string; chatId: string; dueAt: string; subscriptionIds: number[] }
  | { kind: 'retry'; deliveryId: number }
  | { kind: 'stale'; deliveryId: number; claimedAt: string | null };

export interface AlertJob {
  at: string;
}

export interface PollJob {
  sourceId: number;
  nextPollAt: string | null;
}

export const QUEUE_NAMES = { digests: 'digests', alerts: 'alerts', polls: 'polls', ticks: 'ticks' } as const;

/** BullMQ refuses ':' in custom ids. */
export const jobId = (...parts: (string | number | null)[]) => parts.map((p) => String(p ?? '').replace(/:/g, '.')).join('|');

/**
 * Redelivered after a worker dies (its lock runs out); kept a while once done, so the same
 * id enqueued again soon after is still recognised.
 */
export const JOB_DEFAULTS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 3600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export interface Queues {
  digests: Queue<DigestJob>;
  alerts: Queue<AlertJob>;
  polls: Queue<PollJob>;
  ticks: Queue;
  close(): Promise<void>;
}

export function openQueues(connection: ConnectionOptions, prefix: string): Queues {
  const opts = { connection, prefix, defaultJobOptions: JOB_DEFAULTS };
  const q = {
    digests: new Queue<DigestJob>(QUEUE_NAMES.digests, opts),
    alerts: new Queue<AlertJob>(QUEUE_NAMES.alerts, opts),
    polls: new Queue<PollJob>(QUEUE_NAMES.polls, opts),
    ticks: new Queue(QUEUE_NAMES.ticks, { ...opts, defaultJobOptions: { removeOnComplete: 100, removeOnFail: 100 } }),
  };
  return {
    ...q,
    async close() {
      await Promise.all([q.digests.close(), q.alerts.close(), q.polls.close(), q.ticks.close()]);
    },
  };
}
