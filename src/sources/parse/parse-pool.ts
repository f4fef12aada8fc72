/**
 * Live-source parsing off the main thread, bounded in time and memory: a hostile page (say a
 * megabyte of unclosed tags) costs the parse thread, never the event loop that answers chat
 * commands. Each task has a deadline counted from when the thread starts it; a task past it, or
 * one that exhausts the thread's heap (resourceLimits), ends the thread, fails with a
 * content-level reason (ParseLimitError) and the next task gets a fresh thread.
 */
import { Worker } from 'node:worker_threads';
import { workerBootstrap } from '../../core/project-files.ts';
import { runTask, taskError, type ParseTask, type TaskReply, type TaskValue } from './parse-task.ts';

/** A document that needed more time or memory than a parse is allowed; permanent for these bytes. */
export class ParseLimitError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ParseLimitError';
  }
}

export interface ParsePoolOptions {
  /** Longest one task may run (default 5 s). */
  deadlineMs?: number;
  /** Heap of the parse thread, in MB (default 256). */
  maxHeapMb?: number;
  /** false: run tasks on the calling thread (no limits; for tools that parse trusted input). */
  thread?: boolean;
}

export interface ParsePool {
  run<K extends ParseTask['kind']>(task: Extract<ParseTask, { kind: K }>): Promise<TaskValue[K]>;
  close(): Promise<void>;
}

interface Job {
  id: number;
  task: ParseTask;
  resolve(v: unknown): void;
  reject(e: Error): void;
}

/** Creates a pool of one parse thread, started on first use. */
export function createParsePool(opts: ParsePoolOptions = {}): ParsePool {
  const deadlineMs = opts.deadlineMs ?? 5000;
  const maxHeapMb = opts.maxHeapMb ?? 256;
  const queue: Job[] = [];
  let worker: Worker | null = null;
  let ready = false;
  let current: Job | null = null;
  let timer: NodeJS.Timeout | null = null;
  let nextId = 1;
  let closed = false;

  const settle = (reply: TaskReply, job: Job) => (reply.ok ? job.resolve(reply.value) : job.reject(taskError(reply)));

  function spawn(): Worker {
    const w = new Worker(workerBootstrap(import.meta.url, 'parse-thread'), {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, maxHeapMb >> 3)), stackSizeMb: 8 },
    });
    w.on('message', (msg: 'ready' | { id: number; reply: TaskReply }) => {
      if (msg === 'ready') {
        ready = true;
        pump();
        return;
      }
      if (!current || msg.id !== current.id) return;
      const job = current;
      stopTimer();
      current = null;
      settle(msg.reply, job);
      pump();
    });
    const died = (why: string) => {
      if (worker !== w) return;
      worker = null;
      ready = false;
      stopTimer();
      const job = current;
      current = null;
      if (job) job.reject(new ParseLimitError(why));
      pump();
    };
    w.on('error', (err: Error & { code?: string }) =>
      died(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `the document needed more than ${maxHeapMb} MB to parse` : `the parser failed: ${err.message.split('\n')[0]}`),
    );
    w.on('exit', () => died('the parse thread stopped'));
    w.unref();
    return w;
  }

  function stopTimer() {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function pump(): void {
    // Held alive only while it has work: an idle parse thread never keeps the process running.
    if (worker) {
      if (current || queue.length) worker.ref();
      else worker.unref();
    }
    if (closed || current || queue.length === 0) return;
    worker ??= spawn();
    worker.ref();
    if (!ready) return;
    const job = queue.shift()!;
    current = job;
    const w = worker;
    timer = setTimeout(() => {
      if (current !== job) return;
      current = null;
      timer = null;
      job.reject(new ParseLimitError(`the document took longer than ${(deadlineMs / 1000).toFixed(1)} s to parse`));
      worker = null;
      ready = false;
      void w.terminate();
      pump();
    }, deadlineMs);
    w.postMessage({ id: job.id, task: job.task });
  }

  return {
    run(task) {
      if (closed) return Promise.reject(new Error('parse pool closed'));
      if (opts.thread === false) {
        const reply = runTask(task);
        return reply.ok ? Promise.resolve(reply.value as never) : Promise.reject(taskError(reply));
      }
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, task, resolve: resolve as (v: unknown) => void, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      stopTimer();
      const err = new Error('parse pool closed');
      current?.reject(err);
      current = null;
      for (const j of queue.splice(0)) j.reject(err);
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}

let shared: ParsePool | null = null;

/**
 * The process's parse thread with the default limits, shared by every poller (its start-up,
 * loading the parsers, costs seconds). Unref'd: it never keeps the process alive.
 */
export function sharedParsePool(): ParsePool {
  shared ??= createParsePool();
  return shared;
}
