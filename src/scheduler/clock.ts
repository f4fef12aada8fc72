/** Time as the scheduler sees it, injected so tests and benchmarks can drive it. */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

/** The wall clock with timer-based sleeps. */
export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
