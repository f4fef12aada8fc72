/**
 * Passing database failures: another writer holds the lock, a transaction lost a conflict, or the
 * connection dropped. Callers retry these later (next poll, next scan); they are never a reason
 * to reject a document for good.
 */

/** SQLSTATEs PostgreSQL uses for conflicts and locks that a later retry gets past. */
const PG_PASSING = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available (lock_timeout, NOWAIT)
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
]);

/** Socket failures between us and a database server (the SQLite backend has no socket, so only PostgreSQL raises them here). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * True when `err` is the database saying "not now": SQLite busy/locked, or PostgreSQL
 * serialization failure, deadlock, lock not available, or a lost/refused connection (SQLSTATE
 * class 08, server shutting down, pg's "Connection terminated"). A passing reason, retried later.
 * Only call it on errors from store calls: a fetch error carrying ECONNRESET is not a database one.
 */
export function isBusyError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_BUSY_') || code.startsWith('SQLITE_LOCKED_')) return true;
  if (/database is locked|database table is locked/.test(message)) return true;
  if (PG_PASSING.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  if (SOCKET_CODES.has(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message);
}
