/**
 * API transformers for the interactive path: auto-retry waits a 429's retry_after and retries 5xx,
 * and a small bounded retry covers network errors, which auto-retry would retry forever.
 */
import { HttpError, type Transformer } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';

export interface RetryOptions {
  /** Retries after a 429 / 5xx before giving up (default 3). */
  maxRetryAttempts?: number;
  /** A 429 asking to wait longer than this fails instead (default 60 s). */
  maxDelaySeconds?: number;
  /** Retries after a network error (default 3), with `networkDelayMs` doubling (default 500 ms). */
  networkAttempts?: number;
  networkDelayMs?: number;
  /** Failed deleteWebhook requests at start-up before the start fails (default 5). */
  maxDeleteWebhookFailures?: number;
}

function pause(ms: number, signal?: { aborted: boolean; addEventListener(t: 'abort', f: () => void, o?: { once: boolean }): void; removeEventListener(t: 'abort', f: () => void): void }): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retries network failures (HttpError) a bounded number of times with doubling delays. */
export function retryNetworkErrors(attempts: number, delayMs: number): Transformer {
  return async (prev, method, payload, signal) => {
    let delay = delayMs;
    for (let i = 0; ; i++) {
      try {
        return await prev(method, payload, signal);
      } catch (err) {
        if (!(err instanceof HttpError) || i >= attempts || signal?.aborted) throw err;
        await pause(delay, signal);
        delay *= 2;
      }
    }
  };
}

/** The transformers for command replies and polling, in `api.config.use` order (the last wraps the others). */
export function interactiveRetry(opts: RetryOptions = {}): Transformer[] {
  return [
    autoRetry({ maxRetryAttempts: opts.maxRetryAttempts ?? 3, maxDelaySeconds: opts.maxDelaySeconds ?? 60, rethrowHttpErrors: true }),
    retryNetworkErrors(opts.networkAttempts ?? 3, opts.networkDelayMs ?? 500),
  ];
}

/**
 * Bounds and logs grammY's start-up `deleteWebhook`, which grammY itself retries without end and
 * without a word (with backoff up to 20 minutes) while the API fails: each failed request is
 * logged, and after `maxFailures` the next failure ends the start with the last reason.
 */
export function boundedDeleteWebhook(log: { warn(msg: string): void }, maxFailures = 5, describe: (err: unknown) => string = (e) => String((e as Error)?.message ?? e)): Transformer {
  let failures = 0;
  return async (prev, method, payload, signal) => {
    if (method !== 'deleteWebhook') return prev(method, payload, signal);
    let res: Awaited<ReturnType<typeof prev>>;
    try {
      res = await prev(method, payload, signal);
    } catch (err) {
      failures++;
      log.warn(`telegram: deleteWebhook failed (${failures} of ${maxFailures}): ${describe(err)}`);
      if (failures >= maxFailures) throw new Error(`deleteWebhook failed ${failures} times; last: ${describe(err)}`);
      throw err;
    }
    if (!res.ok) {
      failures++;
      log.warn(`telegram: deleteWebhook failed (${failures} of ${maxFailures}): ${res.error_code} ${res.description}`);
      if (failures >= maxFailures) throw new Error(`deleteWebhook failed ${failures} times; last: ${res.error_code} ${res.description}`);
      return res;
    }
    failures = 0;
    return res;
  };
}
