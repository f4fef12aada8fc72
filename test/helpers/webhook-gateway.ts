/**
 * A Telegram webhook gateway as its own process, for tests: `node --import tsx webhook-gateway.ts
 * '{"token","apiRoot","webhookUrl","secret","db"}'` (the settings as JSON in the first argument).
 * It builds the adapters with buildAdapters (webhook mode) and serves them on an ops server on
 * a free port, prints `port=N` once ready, and stops on SIGTERM.
 */
import { openDatabase } from '../../src/core/store/db.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';
import { createLogger } from '../../src/core/logger.ts';
import { loadConfig } from '../../src/config.ts';
import { buildAdapters } from '../../src/adapters/build-adapters.ts';
import { startOpsServer } from '../../src/ops/http-server.ts';
import { adapterChecks, adapterRoutes, checkStores } from '../../src/ops/checks.ts';

const s = JSON.parse(process.argv[2] ?? '{}') as { token: string; apiRoot: string; webhookUrl: string; secret: string; db: string };
const cfg = loadConfig({ TELEGRAM_TOKEN: s.token, TELEGRAM_API_ROOT: s.apiRoot, TELEGRAM_WEBHOOK_URL: s.webhookUrl, TELEGRAM_WEBHOOK_SECRET: s.secret, NEWSBOT_HTTP_PORT: '0' });
const log = createLogger('warn');
const db = openDatabase(s.db);
const stores = sqliteStores(db);
const adapters = await buildAdapters(cfg, stores, log, undefined, { telegramUpdates: 'webhook' });
for (const a of adapters) await a.start();
const ops = await startOpsServer({
  port: cfg.NEWSBOT_HTTP_PORT ?? 0,
  host: cfg.NEWSBOT_HTTP_HOST,
  log,
  routes: adapterRoutes(adapters),
  ready: () => ({ database: checkStores(stores), ...adapterChecks(adapters) }),
});
process.stdout.write(`port=${ops.port}\n`);
process.once('SIGTERM', () => {
  void (async () => {
    await ops.close();
    for (const a of adapters) await a.stop();
    db.close();
    process.exit(0);
  })();
});
