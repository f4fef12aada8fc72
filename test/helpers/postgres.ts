/**
 * A fresh PostgreSQL database per test file. The admin connection comes from NEWSBOT_TEST_PG_URL
 * (.ci/run points it at the run's own database), else the local default; each file creates
 * `newsbot_t_<pid>_<random>` through it and drops it in after().
 *
 * When PostgreSQL is unreachable the file FAILS with one line saying how to start it. Only outside
 * CI (CI unset) may a test skip instead, with the same line as the reason.
 */
import { after, before, type TestContext } from 'node:test';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { redactDbUrl } from '../../src/core/store/db-url.ts';

export const PG_ADMIN_URL = process.env.NEWSBOT_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const START_HINT = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';
const inCi = !!process.env.CI;

/** The one line a test prints when PostgreSQL is missing. */
export function notReachableLine(url = PG_ADMIN_URL, why = ''): string {
  return `PostgreSQL not reachable at ${redactDbUrl(url)}: start it with \`${START_HINT}\` (or set NEWSBOT_TEST_PG_URL)${why ? ` [${why}]` : ''}`;
}

/** `admin` with its database name replaced by `name`. */
export function withDatabase(admin: string, name: string): string {
  const u = new URL(admin);
  u.pathname = '/' + name;
  return u.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates a fresh empty database and returns its URL; throws the not-reachable line when PostgreSQL is missing. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `newsbot_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    await adminQuery(`CREATE DATABASE ${name}`);
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('08') || /ECONN|ENOENT|ETIMEDOUT|EHOSTUNREACH|timeout|terminated/i.test(`${code} ${(err as Error).message}`)) {
      throw new Error(notReachableLine(PG_ADMIN_URL, (err as Error).message));
    }
    throw err;
  }
  return { url: withDatabase(PG_ADMIN_URL, name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface PgTestDatabase {
  /** The fresh database's URL (valid once before() ran and PostgreSQL was reachable). */
  readonly url: string;
  /** Outside CI with PostgreSQL missing: skips `t` with the not-reachable line and returns true. */
  skipIfMissing(t: TestContext): boolean;
}

/**
 * Registers before()/after() hooks in the calling test file: one fresh database for the file,
 * dropped at the end. In CI (or whenever PostgreSQL is reachable) a failure to create it fails the file.
 */
export function usePgTestDatabase(): PgTestDatabase {
  let url = '';
  let missing = '';
  let drop: (() => Promise<void>) | null = null;
  before(async () => {
    try {
      const db = await createTestDatabase();
      url = db.url;
      drop = db.drop;
    } catch (err) {
      const line = err instanceof Error ? err.message : String(err);
      if (inCi || !line.startsWith('PostgreSQL not reachable')) throw new Error(line);
      missing = line;
      process.stderr.write(`# SKIP ${line}\n`);
    }
  });
  after(async () => {
    if (drop) await drop();
  });
  return {
    get url() {
      return url;
    },
    skipIfMissing(t) {
      if (!missing) return false;
      t.skip(missing);
      return true;
    },
  };
}
