/**
 * A separate process for the race and crash tests: runs one scheduler pass on a database (a SQLite
 * file or a postgres:// URL).
 * argv: <db[,db…]> <at ISO> <mode> <platform> <api root/url> <token> [record file]
 * (several files only with mode 'run': one pass on each, in turn)
 * mode: 'run' | 'crash-compose' (SIGKILL after claiming, before sending) | 'crash-before-send'
 * (inside send, before the request) | 'crash-after-send' (after the platform accepted it).
 * platform 'record' appends one line per send to the record file instead of calling a platform.
 */
import { appendFileSync } from 'node:fs';
import { runDueDigests, type Adapters } from '../../src/scheduler/run-due-digests.ts';
import { DEFAULT_SEND_POLICY } from '../../src/scheduler/send-digest.ts';
import { createStoreDigestSource } from '../../src/core/digest/digest-source.ts';
import type { DigestSource } from '../../src/core/digest/compose-digest.ts';
import type { ChatAdapter } from '../../src/adapters/types.ts';
import { createLogger } from '../../src/core/logger.ts';
import { openStores } from '../../src/core/store/open-stores.ts';

const [files, atIso, mode, platform, api, token, record] = process.argv.slice(2);
const log = createLogger('silent');
const die = () => process.kill(process.pid, 'SIGKILL');

for (const file of files.split(',')) {
const stores = await openStores(file);
let base: ChatAdapter;
// Only the platform library in use is loaded: these processes start often in the tests.
if (platform === 'telegram') {
  const { createTelegramAdapter } = await import('../../src/adapters/telegram/create-telegram-adapter.ts');
  base = createTelegramAdapter({ token, apiRoot: api, stores: stores, log });
} else if (platform === 'discord') {
  const { createDiscordAdapter } = await import('../../src/adapters/discord/index.ts');
  base = createDiscordAdapter({ token, appId: '100000000000000001', apiUrl: api, stores: stores, now: () => new Date(), log });
} else {
  base = {
    platform: 'telegram',
    start: async () => {},
    stop: async () => {},
    async send(target, _reply, opts) {
      appendFileSync(record, JSON.stringify({ pid: process.pid, chat: target.chatId, key: opts.idempotencyKey }) + '\n');
      await new Promise((r) => setTimeout(r, 1));
      return { messageIds: [String(process.pid)] };
    },
  };
}
const adapter: ChatAdapter = {
  ...base,
  platform: base.platform,
  async send(target, reply, opts) {
    if (mode === 'crash-before-send') die();
    const res = await base.send(target, reply, opts);
    if (mode === 'crash-after-send') die();
    return res;
  },
};
const sql = createStoreDigestSource(stores);
const source: DigestSource = {
  candidates(q) {
    if (mode === 'crash-compose') die();
    return sql.candidates(q);
  },
};
const adapters: Adapters = { [adapter.platform]: adapter };
const s = await runDueDigests(stores, adapters, new Date(atIso), { log, source, policy: { ...DEFAULT_SEND_POLICY, maxAttempts: 2, backoffMs: 10, maxRateLimited: 3 } });
process.stdout.write(JSON.stringify(s) + '\n');
await base.stop();
await stores.close();
}
