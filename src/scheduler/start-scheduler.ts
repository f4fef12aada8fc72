/**
 * Starts the digest clock: one node-cron job ticking at second 0 of every minute (never one job per
 * subscription), each tick one runDueDigests pass over whatever the database says is due. A pass
 * runs at once on start, which is the catch-up for digests that came due while the bot was down.
 * Ticks do not overlap: while a long pass (thousands of 08:00 digests) sends, later ticks are
 * skipped and the next free tick picks up anything that came due meanwhile. After the digests, each
 * pass sends the alerts of followed stories (run-alerts.ts), so new coverage is told within minutes.
 */
import cron from 'node-cron';
import type { Stores } from '../core/store/stores.ts';
import type { Logger } from '../core/logger.ts';
import { runDueDigests, newClaimerId, type Adapters, type RunOptions, type RunSummary } from './run-due-digests.ts';
import { createPacer, DEFAULT_LIMITS, type PacingLimits } from './pacer.ts';
import { systemClock, type Clock } from './clock.ts';
import { runAlerts } from './run-alerts.ts';

export interface SchedulerOptions {
  stores: Stores;
  adapters: Adapters;
  log: Logger;
  /** NEWSBOT_DIGEST_MAX_STORIES */
  maxStories?: number;
  /** NEWSBOT_DIGEST_EMPTY_NOTE */
  emptyNote?: boolean;
  limits?: PacingLimits;
  clock?: Clock;
  /** Cron expression of the tick; every minute by default. */
  cronExpression?: string;
  /** Skip the start-up pass (tests that drive `runNow` themselves). */
  noCatchUp?: boolean;
  /** Alerts for followed stories (run after the digests of each pass); default on. */
  alerts?: boolean;
  /** At most one alert batch per chat per this many ms (default 10 minutes). */
  alertEveryMs?: number;
  /** NEWSBOT_DEFAULT_TZ, for quiet hours of chats without a time zone. */
  defaultTz?: string;
}

export interface Scheduler {
  /** Runs one pass now (as the tick does) and resolves with its summary. */
  runNow(at?: Date): Promise<RunSummary>;
  /** Stops the tick and waits for a pass in progress to finish. */
  stop(): Promise<void>;
}

/** Starts the scheduler; E's `newsbot start` calls this after the adapters have started. */
export function startScheduler(o: SchedulerOptions): Scheduler {
  const clock = o.clock ?? systemClock;
  const runOpts: RunOptions = {
    clock,
    log: o.log,
    maxStories: o.maxStories,
    emptyNote: o.emptyNote,
    claimer: newClaimerId(),
    pacer: createPacer(clock, o.limits ?? DEFAULT_LIMITS),
  };
  let current: Promise<RunSummary> | null = null;
  const pass = (at: Date): Promise<RunSummary> => {
    if (current) return current;
    current = runDueDigests(o.stores, o.adapters, at, runOpts)
      .then(async (s) => {
        if (s.claimed || s.recovered || s.abandoned) {
          o.log.info(`digests: ${s.claimed} claimed, ${s.retried} retried, ${s.stats.sent} sent, ${s.skippedEmpty} empty, ${s.stats.failed} failed, ${s.recovered} recovered, ${s.abandoned} abandoned`);
        }
        if (o.alerts !== false) {
          const a = await runAlerts(o.stores, o.adapters, at, { log: o.log, clock, claimer: runOpts.claimer, pacer: runOpts.pacer, everyMs: o.alertEveryMs, defaultTz: o.defaultTz }).catch((err: unknown) => {
            o.log.error('alert pass failed', err);
            return null;
          });
          if (a?.batches) o.log.info(`alerts: ${a.batches} batches, ${a.stories} stories, ${a.messages} messages, ${a.failed} failed, ${a.quiet} chats in quiet hours`);
        }
        return s;
      })
      .finally(() => {
        current = null;
      });
    return current;
  };
  const safePass = (at: Date) =>
    pass(at).catch((err: unknown) => {
      o.log.error('digest pass failed', err);
    });
  const task = cron.schedule(o.cronExpression ?? '0 * * * * *', () => safePass(clock.now()), { noOverlap: true, name: 'newsbot-digests' });
  if (!o.noCatchUp) void safePass(clock.now());
  return {
    runNow: (at = clock.now()) => pass(at),
    async stop() {
      await task.stop();
      await task.destroy();
      if (current) await current.catch(() => undefined);
    },
  };
}
