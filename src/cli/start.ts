/**
 * `newsbot start` (what `npm start` runs): validate the configuration, open the database, load
 * the bundled seeds when they are new, then run one adapter per configured token with the digest
 * scheduler and live sources, or, with no token at all, the terminal chat on stdin/stdout.
 * SIGINT/SIGTERM (or the end of terminal input) shut everything down and close the database.
 * With NEWSBOT_REDIS_URL the process is one of a deployment instead (start-service.ts).
 */
import { existsSync } from 'node:fs';
import { parseArgs, dbPath, loadCliConfig } from './args.ts';
import type { Config } from '../config.ts';
import { projectFile } from '../core/project-files.ts';
import { openStores, redactDbUrl, isPostgresUrl } from '../core/store/open-stores.ts';
import { dbUrlPassword } from '../core/store/db-url.ts';
import type { Stores } from '../core/store/stores.ts';
import { addSecret, createLogger, redact, type Logger } from '../core/logger.ts';
import { ingestPaths } from '../core/loader/ingest-paths.ts';
import { buildAdapters, byPlatform } from '../adapters/build-adapters.ts';
import type { ReplyLang } from '../core/contract/types.ts';
import type { ChatAdapter } from '../adapters/types.ts';
import { startSources } from '../sources/start-sources.ts';

const USAGE = 'usage: newsbot start [--db FILE|URL] [--lang zh-TW|zh-CN|en] [--no-seeds]';
const SEEDS_DIR = projectFile('seeds');

/** Something running that shutdown must stop, in reverse order of start. */
interface Running {
  name: string;
  stop(): Promise<void> | void;
}

function say(line: string): void {
  process.stderr.write(redact(line) + '\n');
}

/** Loads seeds/ into the stores; unchanged files cost a hash check. Returns a one-line summary. */
async function loadSeeds(stores: Stores, cfg: Config, log: Logger): Promise<string> {
  if (!existsSync(SEEDS_DIR)) return 'no seeds folder';
  const s = await ingestPaths(stores, [SEEDS_DIR], {
    maxBytes: cfg.NEWSBOT_MAX_FILE_MB * 1024 * 1024,
    onReject: (r) => log.warn(`seed ${r.file} rejected: ${r.reason}`),
  });
  return `seeds: ${s.ingested} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected`;
}

/** Resolves with the name of the first of SIGINT/SIGTERM; `dispose` removes the listeners. */
function waitForSignal(): { signal: Promise<string>; dispose(): void } {
  let dispose = () => {};
  const signal = new Promise<string>((resolve) => {
    const on = (name: string) => () => resolve(name);
    const int = on('SIGINT');
    const term = on('SIGTERM');
    process.once('SIGINT', int);
    process.once('SIGTERM', term);
    dispose = () => {
      process.off('SIGINT', int);
      process.off('SIGTERM', term);
    };
  });
  return { signal, dispose: () => dispose() };
}

async function shutdown(running: Running[], stores: Stores, log: Logger): Promise<void> {
  for (const r of running.reverse()) {
    try {
      await r.stop();
    } catch (err) {
      log.warn(`stopping ${r.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  await stores.close();
}

/** /healthz, /readyz, /metrics and any webhook routes of the adapters, on NEWSBOT_HTTP_PORT. */
async function serveOps(cfg: Config, stores: Stores, log: Logger, adapters: ChatAdapter[]): Promise<Running> {
  const { startOpsServer } = await import('../ops/http-server.ts');
  const { adapterChecks, adapterRoutes, checkStores } = await import('../ops/checks.ts');
  const ready = () => ({ database: checkStores(stores), ...adapterChecks(adapters) });
  const server = await startOpsServer({ port: cfg.NEWSBOT_HTTP_PORT!, host: cfg.NEWSBOT_HTTP_HOST, log, ready, routes: adapterRoutes(adapters) });
  say(`newsbot: /healthz, /readyz, /metrics on port ${server.port}`);
  return { name: 'http', stop: () => server.close() };
}

/** One process alone: it sets the Telegram webhook when it starts and deletes it when it stops. */
async function ownWebhook(cfg: Config): Promise<Running> {
  const { setTelegramWebhook, deleteTelegramWebhook } = await import('../adapters/telegram/webhook.ts');
  const api = { token: cfg.TELEGRAM_TOKEN!, apiRoot: cfg.TELEGRAM_API_ROOT };
  await setTelegramWebhook({ ...api, webhook: { url: cfg.TELEGRAM_WEBHOOK_URL!, secret: cfg.TELEGRAM_WEBHOOK_SECRET! } });
  return { name: 'telegram webhook', stop: () => deleteTelegramWebhook(api) };
}

/** Runs `newsbot start`; resolves with the exit status once everything has stopped. */
export async function run(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs(argv, ['no-seeds']);
  if (positional.length || (flags.lang !== undefined && flags.lang !== 'zh-TW' && flags.lang !== 'zh-CN' && flags.lang !== 'en')) {
    say(`newsbot start: ${positional.length ? `unexpected argument '${positional[0]}'` : `--lang must be zh-TW, zh-CN or en`}\n${USAGE}`);
    return 2;
  }
  const cfg = loadCliConfig('start');
  if (!cfg) return 2;
  addSecret(cfg.TELEGRAM_TOKEN);
  addSecret(cfg.DISCORD_TOKEN);
  addSecret(cfg.TELEGRAM_WEBHOOK_SECRET);
  if (cfg.NEWSBOT_REDIS_URL) addSecret(decodeURIComponent(new URL(cfg.NEWSBOT_REDIS_URL).password) || undefined);
  const log = createLogger(cfg.LOG_LEVEL);
  const file = dbPath(flags, cfg);
  addSecret(dbUrlPassword(file));
  if (cfg.NEWSBOT_REDIS_URL && !isPostgresUrl(file)) {
    say('newsbot start: NEWSBOT_REDIS_URL needs a PostgreSQL database (NEWSBOT_DATABASE_URL or --db postgres://…): processes sharing a queue must share the database');
    return 2;
  }
  const stores = await openStores(file);
  const running: Running[] = [];
  const { signal, dispose } = waitForSignal();
  try {
    if (cfg.NEWSBOT_REDIS_URL) {
      const { runService } = await import('./start-service.ts');
      await runService({ cfg, stores, log, say, signal, loadSeeds: async () => (flags['no-seeds'] ? 'seeds skipped' : await loadSeeds(stores, cfg, log)) });
      return 0;
    }
    const seeds = flags['no-seeds'] ? 'seeds skipped' : await loadSeeds(stores, cfg, log);
    say(`newsbot: ${await stores.articles.count()} articles in ${redactDbUrl(file)} (${seeds})`);

    const sources = startSources({ stores, config: cfg, log });
    running.push({ name: 'sources', stop: () => sources.stop() });

    const webhook = !!cfg.TELEGRAM_WEBHOOK_URL;
    const adapters = await buildAdapters(cfg, stores, log, undefined, { telegramUpdates: webhook ? 'webhook' : 'polling' });
    const interrupted = signal.then((name) => Promise.reject(new Error(`${name} while starting`)));
    interrupted.catch(() => {});
    for (const a of adapters) {
      await Promise.race([a.start(), interrupted]);
      running.push({ name: a.platform, stop: () => a.stop() });
      say(`newsbot: ${a.platform} bot running`);
    }

    if (cfg.NEWSBOT_HTTP_PORT !== undefined) running.push(await serveOps(cfg, stores, log, adapters));
    if (webhook && cfg.TELEGRAM_TOKEN) running.push(await ownWebhook(cfg));

    if (adapters.length) {
      const { startScheduler } = await import('../scheduler/start-scheduler.ts');
      const scheduler = startScheduler({
        stores,
        adapters: byPlatform(adapters),
        log,
        maxStories: cfg.NEWSBOT_DIGEST_MAX_STORIES,
        emptyNote: cfg.NEWSBOT_DIGEST_EMPTY_NOTE,
        defaultTz: cfg.NEWSBOT_DEFAULT_TZ,
        alertEveryMs: cfg.NEWSBOT_ALERT_INTERVAL_MIN * 60_000,
      });
      running.push({ name: 'scheduler', stop: () => scheduler.stop() });
      say('newsbot: digest scheduler running; Ctrl-C to stop');
      say(`newsbot: stopping (${await signal})`);
    } else {
      say('newsbot: no TELEGRAM_TOKEN or DISCORD_TOKEN set: terminal chat (end input or /quit to leave)');
      const { createTerminalChat } = await import('../adapters/terminal/terminal-chat.ts');
      const lang = (typeof flags.lang === 'string' ? flags.lang : 'zh-TW') as ReplyLang;
      const chat = createTerminalChat({ stores, input: process.stdin, output: process.stdout, lang, log, prompt: process.stdin.isTTY ? '> ' : '' });
      running.push({ name: 'terminal chat', stop: () => chat.stop() });
      await Promise.race([chat.done, signal]);
    }
    return 0;
  } catch (err) {
    say(`newsbot start: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    dispose();
    await shutdown(running, stores, log);
    // Everything is closed; if a library still holds a handle, do not hang the shell.
    setTimeout(() => process.exit(), 5000).unref();
  }
}
