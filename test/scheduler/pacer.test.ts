import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPacer, DEFAULT_LIMITS } from '../../src/scheduler/pacer.ts';
import type { Clock } from '../../src/scheduler/clock.ts';

/** A virtual clock: sleeping advances time instantly, so pacing is checked without waiting. */
function virtualClock(): Clock & { t: number } {
  const c = {
    t: 0,
    now: () => new Date(c.t),
    sleep: async (ms: number) => {
      c.t += Math.max(0, ms);
    },
  };
  return c;
}

function maxInWindow(times: number[], windowMs: number): number {
  const s = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < s.length; i++) {
    while (s[i] - s[j] >= windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

test('the Telegram platform budget keeps every sliding second under 30 messages', async () => {
  const clock = virtualClock();
  const pacer = createPacer(clock);
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    await pacer.acquire('telegram', String(1000 + i));
    times.push(clock.t);
  }
  assert.ok(maxInWindow(times, 1000) <= 28, `max ${maxInWindow(times, 1000)} per second`);
  const rate = ((times.length - 1) * 1000) / (times[times.length - 1] - times[0]);
  assert.ok(rate >= 27 && rate <= 28, `rate ${rate}`);
});

test('a Telegram group gets at most 20 messages a minute; a 429 blocks only that chat', async () => {
  const clock = virtualClock();
  const pacer = createPacer(clock, DEFAULT_LIMITS);
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    await pacer.acquire('telegram', '-100777');
    times.push(clock.t);
  }
  assert.ok(maxInWindow(times, 60_000) <= 23, `group max ${maxInWindow(times, 60_000)} per minute`); // burst 3 + 20/min
  const start = clock.t;
  pacer.blockChat('telegram', '555', 5_000);
  await pacer.acquire('telegram', '556');
  assert.ok(clock.t - start < 1000, 'another chat is not held up');
  await pacer.acquire('telegram', '555');
  assert.ok(clock.t - start >= 5_000, 'the blocked chat waited retry_after');
});
