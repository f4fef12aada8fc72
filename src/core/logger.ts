/**
 * A small leveled logger writing one line per event to stderr. Every secret registered with
 * `addSecret` is replaced by [REDACTED] in every line, because Telegram puts the bot token in
 * request URLs and libraries echo URLs in their errors.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, extra?: unknown): void;
  info(msg: string, extra?: unknown): void;
  warn(msg: string, extra?: unknown): void;
  error(msg: string, extra?: unknown): void;
}

const secrets = new Set<string>();
/** Every run of PARTIAL characters found in a secret (or its long segments): enough of a token to matter. */
const PARTIAL = 12;
const windows = new Set<string>();

/** The forms a secret is printed in: as is, percent-encoded (either hex case), JSON-escaped. */
function formsOf(secret: string): string[] {
  const enc = encodeURIComponent(secret);
  return [...new Set([secret, enc, enc.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()), JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/')])];
}

/**
 * Registers a value that must never appear in output (bot tokens), with its percent-encoded
 * and escaped forms and every run of 12 or more of its characters, so a URL-encoded echo in an
 * API error or a library's partial print (discord.js debug shows a token's first segments) is
 * redacted too. Short segments (a Telegram bot's numeric id) are left alone.
 */
export function addSecret(secret: string | undefined): void {
  if (!secret || secret.length < 6) return;
  for (const f of formsOf(secret)) {
    secrets.add(f);
    for (let i = 0; i + PARTIAL <= f.length; i++) windows.add(f.slice(i, i + PARTIAL));
  }
}

/** Replaces every registered secret, and any run of 12+ characters taken from one, in `text`. */
export function redact(text: string): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('[REDACTED]');
  if (windows.size === 0 || out.length < PARTIAL) return out;
  // Mark every position covered by a 12-character window of a secret, then blank the runs.
  const hit = new Uint8Array(out.length);
  let any = false;
  for (let i = 0; i + PARTIAL <= out.length; i++) {
    if (windows.has(out.slice(i, i + PARTIAL))) {
      hit.fill(1, i, i + PARTIAL);
      any = true;
    }
  }
  if (!any) return out;
  let res = '';
  for (let i = 0; i < out.length; ) {
    if (!hit[i]) {
      res += out[i++];
      continue;
    }
    while (i < out.length && hit[i]) i++;
    res += '[REDACTED]';
  }
  return res;
}

function describe(extra: unknown): string {
  if (extra === undefined) return '';
  if (extra instanceof Error) return ` ${extra.name}: ${extra.message}`;
  try {
    return ' ' + JSON.stringify(extra);
  } catch {
    return ' ' + String(extra);
  }
}

/** Creates a logger; `write` defaults to stderr so stdout stays free for command output. */
export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const at = (lvl: LogLevel) => (msg: string, extra?: unknown) => {
    if (ORDER[lvl] < ORDER[level]) return;
    write(redact(`${new Date().toISOString()} ${lvl} ${msg}${describe(extra)}`));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
