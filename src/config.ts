/**
 * The one place that reads the environment. One zod schema; on failure every problem is
 * reported together, and secret values are never echoed back.
 */
import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const optionalUrl = optionalString.pipe(z.string().url().optional());

const schema = z.object({
  DISCORD_TOKEN: optionalString,
  DISCORD_APP_ID: optionalString.pipe(z.string().regex(/^\d+$/, 'must be a numeric application id').optional()),
  TELEGRAM_TOKEN: optionalString,
  NEWSBOT_DB: optionalString.transform((v) => v ?? 'data/newsbot.db'),
  /**
   * A postgres:// URL selects PostgreSQL instead of the NEWSBOT_DB file (a --db flag still wins).
   * Never printed as is: redactDbUrl hides its password.
   */
  NEWSBOT_DATABASE_URL: optionalString.pipe(z.string().regex(/^postgres(ql)?:\/\/\S+$/i, 'must be a postgres:// or postgresql:// URL').optional()),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  TELEGRAM_API_ROOT: optionalUrl,
  DISCORD_API_URL: optionalUrl,
  NEWSBOT_ALLOW_PRIVATE_NETWORKS: flag,
  /** Where site operators can reach whoever runs this bot (a URL or mailto:), sent in the User-Agent. */
  NEWSBOT_CONTACT: optionalString.pipe(z.string().regex(/^(https?:\/\/|mailto:)\S+$/, 'must be an http(s) URL or a mailto: address').optional()),
  NEWSBOT_MAX_FILE_MB: z.coerce.number().positive().max(1024).default(5),
  /** New items stored per live source per poll at most; the rest wait for the next poll. */
  NEWSBOT_MAX_ITEMS_PER_POLL: z.coerce.number().int().min(1).max(10000).default(100),
  NEWSBOT_DEFAULT_TZ: z.string().default('Asia/Taipei'),
  NEWSBOT_DIGEST_MAX_STORIES: z.coerce.number().int().min(1).max(50).default(10),
  NEWSBOT_DIGEST_EMPTY_NOTE: flag,
  /** At most one alert batch per chat per this many minutes (followed stories, /follow). */
  NEWSBOT_ALERT_INTERVAL_MIN: z.coerce.number().int().min(1).max(1440).default(10),
  /**
   * What this process does (docs/scaling.md): gateway (chat connections, webhooks), worker (digest,
   * alert and poll jobs), poller (schedules source polls), scheduler (the digest tick). Default: all.
   */
  NEWSBOT_ROLES: optionalString
    .transform((v) => (v ?? 'gateway,worker,poller,scheduler').split(',').map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['gateway', 'worker', 'poller', 'scheduler'])).min(1, 'must name at least one role')),
  /** redis:// URL of the job queue and the shared rate limits; required with NEWSBOT_DATABASE_URL for a multi-process deployment. */
  NEWSBOT_REDIS_URL: optionalString.pipe(z.string().regex(/^rediss?:\/\/\S+$/i, 'must be a redis:// or rediss:// URL').optional()),
  /** Prefix of every Redis key of this deployment (queues, limits, leases). */
  NEWSBOT_REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 characters of A-Z, a-z, 0-9, _ . -').default('newsbot'),
  /** Seconds between digest ticks of the deployment (due times are whole minutes; a shorter tick only sends sooner). */
  NEWSBOT_TICK_SECONDS: z.coerce.number().int().min(1).max(60).default(60),
  /** Jobs one worker process runs at once. */
  NEWSBOT_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(32),
  /** Port of /healthz, /readyz, /metrics and the Telegram webhook; unset: no HTTP server. */
  NEWSBOT_HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  NEWSBOT_HTTP_HOST: z.string().default('127.0.0.1'),
  /** Public https URL Telegram posts updates to; unset: one elected process long-polls. */
  TELEGRAM_WEBHOOK_URL: optionalUrl,
  /** Checked against X-Telegram-Bot-Api-Secret-Token on every webhook request. */
  TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 characters of A-Z, a-z, 0-9, _ and -').optional()),
  /** Discord shards this process holds, e.g. "0,1" (default: all of DISCORD_SHARD_COUNT). */
  DISCORD_SHARDS: optionalString.pipe(z.string().regex(/^\d+(,\d+)*$/, 'must be a comma-separated list of shard ids').optional()),
  /** Shards of the whole deployment (Discord requires sharding above 2,500 guilds). */
  DISCORD_SHARD_COUNT: z.coerce.number().int().min(1).max(10000).default(1),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates `env` (process.env by default) and returns the typed config, or throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const res = schema.safeParse(env);
  // Issue messages name the variable and the rule, never the rejected value (it may be a token).
  const problems = res.success ? [] : res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  // Cross-field checks run on the raw values too, so every problem is reported in one go.
  const has = (k: string) => typeof env[k] === 'string' && env[k]!.trim() !== '';
  if (has('DISCORD_TOKEN') && !has('DISCORD_APP_ID')) problems.push('DISCORD_APP_ID: required when DISCORD_TOKEN is set');
  if (has('NEWSBOT_ROLES') && !has('NEWSBOT_REDIS_URL') && res.success && res.data.NEWSBOT_ROLES.length < 4) problems.push('NEWSBOT_ROLES: a process with only some roles needs NEWSBOT_REDIS_URL (the others run elsewhere, through the queue)');
  if (has('TELEGRAM_WEBHOOK_URL') && !has('TELEGRAM_WEBHOOK_SECRET')) problems.push('TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set');
  if (has('TELEGRAM_WEBHOOK_URL') && !has('NEWSBOT_HTTP_PORT')) problems.push('NEWSBOT_HTTP_PORT: required when TELEGRAM_WEBHOOK_URL is set (the webhook is served there)');
  if (has('DISCORD_SHARDS') && res.success && res.data.DISCORD_SHARDS!.split(',').some((id) => Number(id) >= res.data.DISCORD_SHARD_COUNT)) problems.push('DISCORD_SHARDS: every shard id must be below DISCORD_SHARD_COUNT');
  const tz = has('NEWSBOT_DEFAULT_TZ') ? env.NEWSBOT_DEFAULT_TZ!.trim() : 'Asia/Taipei';
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    problems.push('NEWSBOT_DEFAULT_TZ: not a known IANA time zone');
  }
  if (problems.length || !res.success) throw new ConfigError(problems);
  return res.data;
}
