/**
 * `newsbot sources add|list|remove|resume|poll`: manage live sources (watched folders, RSS/Atom
 * feeds, article pages) and poll them, once or on their schedule.
 */
import { statSync } from 'node:fs';
import { resolve, basename } from 'node:path';
import { loadConfig } from '../config.ts';
import { createLogger, redact } from '../core/logger.ts';
import { escapeName } from '../core/loader/rejects.ts';
import { FetchError } from '../sources/fetch/fetch-error.ts';
import { openStores } from '../core/store/open-stores.ts';
import type { Stores } from '../core/store/stores.ts';
import type { SourceKind, SourceRow } from '../core/store/source-store.ts';
import { parseArgs, dbPath } from './args.ts';
import { createFetcher, HOST_INTERVAL_MS, userAgent } from '../sources/fetch/create-fetcher.ts';
import { createRobotsCheck } from '../sources/fetch/robots.ts';
import { detectKind } from '../sources/detect-kind.ts';
import { FeedError } from '../sources/feed/feed-types.ts';
import type { PollReport } from '../sources/poll/poll-source.ts';

const USAGE = `usage: newsbot sources <command> [--db FILE]
  add <url|folder> [--name NAME] [--every MINUTES] [--kind feed|page] [--follow-symlinks]
  list [--json]
  remove <id|name>
  resume <id|name>             clear a pause after failures and poll at the next chance
  poll [--once]                poll due sources (all with --once) and exit; without --once keep polling`;

const DEFAULT_EVERY: Record<SourceKind, number> = { feed: 30, page: 360, folder: 5 };

/** Where the command writes: stdout/stderr by default, captured in tests. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** Writes to a stream, dropping output once the reader has gone (`… | head -1` closes the pipe: EPIPE). */
function lineWriter(stream: NodeJS.WriteStream): (line: string) => void {
  let closed = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') closed = true;
    else throw err;
  });
  return (line) => {
    if (!closed) stream.write(redact(line) + '\n');
  };
}

let stdio: CliIo | null = null;
const processIo = (): CliIo => (stdio ??= { out: lineWriter(process.stdout), err: lineWriter(process.stderr) });
let io: CliIo = { out: () => {}, err: () => {} };
const out = (s: string) => io.out(s);
const fail = (s: string) => {
  io.err(`newsbot sources: ${s}`);
  return 1;
};

/** A URL for messages, with any user name and password blanked. */
function redactUrl(u: URL): string {
  if (!u.username && !u.password) return u.href;
  const c = new URL(u.href);
  c.username = c.username ? '***' : '';
  c.password = c.password ? '***' : '';
  return c.href;
}

async function uniqueName(stores: Stores, base: string): Promise<string> {
  const clean = base.replace(/\s+/g, '-').slice(0, 60) || 'source';
  if (!/^\d+$/.test(clean) && !(await stores.sources.find(clean))) return clean;
  for (let i = 2; ; i++) if (!(await stores.sources.find(`${clean}-${i}`))) return `${clean}-${i}`;
}

function nameFromUrl(url: string): string {
  const u = new URL(url);
  const path = u.pathname.replace(/\/+$/, '').replace(/\.(xml|rss|atom)$/i, '');
  return (u.hostname.replace(/^www\./, '') + path).replace(/[^\w.\-/]+/g, '-');
}

async function add(stores: Stores, positional: string[], flags: Record<string, string | true>, allowPrivate: boolean, contact?: string): Promise<number> {
  const target = positional[0];
  if (!target) return fail('add: give a feed/page URL or a folder');
  const store = stores.sources;
  let kind: SourceKind;
  let location: string;
  let note: string | null = null;
  let title: string | null = null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    let u: URL;
    try {
      u = new URL(target);
    } catch {
      return fail(`add: ${target}: not a valid URL`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return fail(`add: ${redactUrl(u)}: only http and https URLs are supported`);
    // A user:password@ in a feed URL would be stored and shown in `sources list`: refused, never kept.
    if (u.username || u.password) return fail(`add: ${redactUrl(u)}: URLs with a user name or password are not supported (credentials are not stored)`);
    location = u.href;
    if (flags['follow-symlinks']) return fail('add: --follow-symlinks is for folder sources');
    if (flags.kind === 'feed' || flags.kind === 'page') kind = flags.kind;
    else if (flags.kind !== undefined) return fail(`add: --kind must be feed or page`);
    else {
      const fetcher = createFetcher({ allowPrivate, timeoutMs: 15_000, userAgent: userAgent(contact) });
      try {
        const d = await detectKind(fetcher, location);
        ({ kind, location, note, title } = d);
      } catch (err) {
        if (err instanceof FeedError && err.reason.startsWith('not an RSS/Atom feed')) return fail(`add: ${target}: ${err.reason} (use --kind page for an article page)`);
        // Refused for good (address not allowed, bad scheme, too large): every poll would refuse it too.
        if (err instanceof FetchError && err.permanent && err.status == null) return fail(`add: ${err.message}`);
        kind = 'feed';
        note = `could not check it now (${(err as Error).message}); added as a feed (use --kind page for an article page)`;
      } finally {
        await fetcher.close();
      }
    }
  } else {
    location = resolve(target);
    try {
      if (!statSync(location).isDirectory()) return fail(`add: ${target}: not a folder`);
    } catch {
      return fail(`add: ${target}: no such folder`);
    }
    kind = 'folder';
  }
  const existing = await store.findByLocation(location);
  if (existing) return fail(`add: ${location} is already source #${existing.id} (${existing.name})`);
  let every = DEFAULT_EVERY[kind];
  if (flags.every !== undefined) {
    every = Number(flags.every);
    if (!Number.isInteger(every) || every < 1 || every > 10080) return fail('add: --every must be a whole number of minutes between 1 and 10080');
  }
  let name: string;
  if (typeof flags.name === 'string') {
    name = flags.name.trim();
    if (!name || /^\d+$/.test(name)) return fail('add: --name must be non-empty and not only digits');
    if (await store.find(name)) return fail(`add: a source named "${name}" already exists`);
  } else name = await uniqueName(stores, kind === 'folder' ? basename(location) : nameFromUrl(location));
  const row = await store.add({ name, kind, location, every_minutes: every, follow_symlinks: kind === 'folder' && flags['follow-symlinks'] === true }, new Date());
  out(`added source #${row.id} ${row.name}: ${kind} ${location}, every ${every} min${title ? ` — "${title}"` : ''}`);
  if (note) out(`  ${note}`);
  if (row.follow_symlinks) out('  symbolic links inside it are followed (--follow-symlinks), wherever they point');
  out(`  ${kind === 'folder' ? 'files already there' : 'its current items'} are stored as back catalogue on the first poll, not announced as news`);
  return 0;
}

function when(iso: string | null): string {
  return iso ? iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, 'Z') : '-';
}

function statusOf(s: SourceRow): string {
  if (s.paused_reason) return 'PAUSED';
  if (s.consecutive_failures > 0) return `failing (${s.consecutive_failures} in a row, backing off)`;
  if (!s.last_polled_at) return 'new (not polled yet)';
  return 'ok';
}

async function list(stores: Stores, flags: Record<string, string | true>): Promise<number> {
  const store = stores.sources;
  const rows = await store.list();
  if (flags.json) {
    for (const r of rows) out(JSON.stringify({ ...r, items: await store.itemCounts(r.id) }));
    return 0;
  }
  if (rows.length === 0) {
    out('no sources yet: newsbot sources add <feed URL|page URL|folder>');
    return 0;
  }
  for (const s of rows) {
    const c = await store.itemCounts(s.id);
    const files = s.kind === 'folder' ? await store.fileCount(s.id) : null;
    out(`#${s.id} ${s.name}  [${s.kind}] ${s.location}`);
    out(`   every ${s.every_minutes} min · status ${statusOf(s)} · last poll ${when(s.last_polled_at)} · next poll ${s.paused_reason ? '- (paused)' : when(s.next_poll_at)}`);
    const counts = files != null ? `${files} files seen` : `${c.stored ?? 0} stored, ${c.duplicate ?? 0} duplicates, ${c.rejected ?? 0} rejected`;
    out(`   ${s.outlet ? `outlet ${s.outlet} · ` : ''}${counts}`);
    if (s.paused_reason) out(`   paused: ${s.paused_reason} (newsbot sources resume ${s.id})`);
    if (s.last_error && !s.paused_reason) out(`   last error: ${s.last_error}`);
  }
  return 0;
}

function printReport(r: PollReport): void {
  if (!r.ok) {
    io.err(`#${r.id} ${r.source}: FAILED: ${r.error}${r.paused ? ` — ${r.paused}` : `; next try ${when(r.next_poll_at)}`}`);
    return;
  }
  const c = r.counts!;
  const parts = r.notModified ? ['not modified'] : [`${c.stored} new`, `${c.duplicates} duplicates`, `${c.unchanged} already seen`];
  if (c.updated) parts.push(`${c.updated} updated`);
  if (c.rejected) parts.push(`${c.rejected} rejected`);
  if (c.deferred) parts.push(`${c.deferred} deferred`);
  out(`#${r.id} ${r.source}: ${parts.join(', ')}; next poll ${when(r.next_poll_at)}`);
  for (const why of c.rejects.slice(0, 5)) io.err(`   rejected: ${escapeName(why)}`);
}

/** Runs `newsbot sources …`; returns the exit status. `output` replaces stdout/stderr (tests). */
export async function run(args: string[], output: CliIo = processIo()): Promise<number> {
  io = output;
  const { positional, flags } = parseArgs(args, ['once', 'json', 'follow-symlinks']);
  const [cmd, ...rest] = positional;
  if (!cmd || flags.help) {
    out(USAGE);
    return cmd ? 0 : 2;
  }
  const config = loadConfig();
  const stores = await openStores(dbPath(flags, config));
  try {
    if (cmd === 'add') return await add(stores, rest, flags, config.NEWSBOT_ALLOW_PRIVATE_NETWORKS, config.NEWSBOT_CONTACT);
    if (cmd === 'list') return await list(stores, flags);
    if (cmd === 'remove' || cmd === 'resume') {
      if (!rest[0]) return fail(`${cmd}: give a source id or name`);
      const store = stores.sources;
      const s = await store.find(rest[0]);
      if (!s) return fail(`${cmd}: no source "${rest[0]}" (see newsbot sources list)`);
      if (cmd === 'remove') {
        await store.remove(s.id);
        out(`removed source #${s.id} ${s.name} (its articles stay in the store)`);
      } else {
        await store.resume(s.id, new Date());
        out(`resumed source #${s.id} ${s.name}; it will be polled at the next chance`);
      }
      return 0;
    }
    if (cmd === 'poll') {
      const log = createLogger(config.LOG_LEVEL);
      // Loaded here: polling pulls in the parsers and the knowledge indexers, which list/add do not need.
      const [{ pollDueSources }, { defaultSinks }, { startSources }] = await Promise.all([
        import('../sources/poll/poll-source.ts'),
        import('../sources/sinks.ts'),
        import('../sources/start-sources.ts'),
      ]);
      if (flags.once) {
        // The per-source report below says what happened; the log only adds errors (or everything at debug).
        const quiet = createLogger(config.LOG_LEVEL === 'debug' ? 'debug' : 'error');
        const maxBytes = Math.floor(config.NEWSBOT_MAX_FILE_MB * 1024 * 1024);
        const fetcher = createFetcher({ allowPrivate: config.NEWSBOT_ALLOW_PRIVATE_NETWORKS, userAgent: userAgent(config.NEWSBOT_CONTACT), hostIntervalMs: HOST_INTERVAL_MS, maxBytes });
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
          const ctx = { stores, fetcher, robots: createRobotsCheck(fetcher), sinks: defaultSinks(), log: quiet, now: () => new Date(), signal: stop.signal, maxFileBytes: maxBytes, maxNewItemsPerPoll: config.NEWSBOT_MAX_ITEMS_PER_POLL };
          const reports = await pollDueSources(ctx, { all: true });
          if (reports.length === 0) out('no active sources to poll');
          reports.forEach(printReport);
          return reports.some((r) => !r.ok) ? 1 : 0;
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          await fetcher.close();
        }
      }
      const runtime = startSources({ stores, config, log });
      out('polling sources on their schedule; Ctrl-C to stop');
      await new Promise<void>((res) => {
        process.once('SIGINT', res);
        process.once('SIGTERM', res);
      });
      await runtime.stop();
      return 0;
    }
    return fail(`unknown command '${cmd}'\n${USAGE}`);
  } finally {
    await stores.close();
  }
}
