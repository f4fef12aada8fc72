// Every answered command is timed into newsbot_command_seconds, by command and platform.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStores } from '../../src/core/store/open-stores.ts';
import { answerLine } from '../../src/adapters/terminal/run-line.ts';
import { registry } from '../../src/ops/metrics.ts';

const count = async () => Number(/^newsbot_command_seconds_count\{command="help",platform="terminal"\} (\d+)$/m.exec(await registry.metrics())?.[1] ?? 0);

test('a command answered on the terminal is counted and timed in /metrics', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-metrics-'));
  const stores = await openStores(join(dir, 'm.db'));
  try {
    const before = await count();
    await answerLine('/help', 'en', { stores, now: () => new Date() });
    await answerLine('/help', 'en', { stores, now: () => new Date() });
    assert.equal((await count()) - before, 2);
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
