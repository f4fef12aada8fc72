import { loadConfig, ConfigError, type Config } from '../config.ts';
import { redact } from '../core/logger.ts';

/** Minimal flag parsing shared by the subcommands: `--name value`, `--name=value`, `--flag`. */
export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

/** Splits argv into positionals and flags; `booleans` lists flags that take no value. */
export function parseArgs(argv: string[], booleans: string[] = []): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else if (booleans.includes(a.slice(2)) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) flags[a.slice(2)] = true;
      else flags[a.slice(2)] = argv[++i];
    } else positional.push(a);
  }
  return { positional, flags };
}

/**
 * The database target: --db (a SQLite file or a postgres:// URL), then NEWSBOT_DATABASE_URL, then
 * NEWSBOT_DB, then data/newsbot.db. Print it with redactDbUrl (a URL may hold a password).
 */
export function dbPath(flags: Record<string, string | true>, fromConfig: string | Pick<Config, 'NEWSBOT_DB' | 'NEWSBOT_DATABASE_URL'>): string {
  if (typeof flags.db === 'string') return flags.db;
  return typeof fromConfig === 'string' ? fromConfig : (fromConfig.NEWSBOT_DATABASE_URL ?? fromConfig.NEWSBOT_DB);
}

/**
 * Loads the configuration for subcommand `name`; on a ConfigError prints every problem as
 * `newsbot NAME: …` on stderr and returns null (the caller exits 2). Other errors propagate.
 */
export function loadCliConfig(name: string): Config | null {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(redact(`newsbot ${name}: ${err.message}`) + '\n');
    return null;
  }
}
