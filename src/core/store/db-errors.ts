/**
 * Failures that pass: another writer holds a lock, the server is restarting, the connection
 * dropped. The caller keeps its work and tries again later (the next scan, the next poll) instead
 * of recording the input as bad. One check for both backends.
 */

/** SQLSTATEs that say "try again": serialization failure, deadlock, lock not available, admin shutdown, cannot connect now. */
const PASSING_SQLSTATES = new Set(['40001', '40P01', '55P03', '53300', '57P01', '57P02', '57P03']);
/** Node socket errors of a lost or refused connection. */
const PASSING_NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * A PostgreSQL failure that passes, as thrown by the PostgreSQL executor: `code` keeps the
 * SQLSTATE (or socket code), `cause` the driver's error.
 */
export class PassingDbError extends Error {
  readonly passing = true;
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PassingDbError';
  }
}

/** True for a PostgreSQL SQLSTATE / socket code (or error without one but with pg's dropped-connection message) that passes. */
export function isPassingPgError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (PASSING_SQLSTATES.has(code) || PASSING_NET_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  const msg = typeof e.message === 'string' ? e.message : '';
  return !code && /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(msg);
}

/**
 * True when `err` is a passing database failure on either backend: SQLite BUSY/LOCKED, or a
 * PostgreSQL serialization failure, deadlock, lock timeout, shutdown or lost connection.
 */
export function isPassingDbError(err: unknown): boolean {
  return err instanceof PassingDbError || (err as { passing?: unknown } | null)?.passing === true || isSqliteBusy(err) || isPassingPgError(err);
}

/** SQLite: another connection holds the lock (BUSY/LOCKED and their extended codes). */
function isSqliteBusy(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (/^SQLITE_(BUSY|LOCKED)(_|$)/.test(code)) return true;
  return typeof e.message === 'string' && /database is locked|database table is locked/.test(e.message);
}
