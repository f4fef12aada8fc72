/** The `sources` table: what to poll, when, and how the last polls went. */
import type { Sql, SqlValue } from '../sql.ts';
import type { FailureUpdate, NewSource, SourceKind, SourceRow, SuccessUpdate } from './source-types.ts';

/** Integer columns as JS numbers whatever the driver returns (PostgreSQL BIGINT ids). */
function toRow(r: SourceRow | undefined): SourceRow | undefined {
  if (!r) return undefined;
  return { ...r, id: Number(r.id), every_minutes: Number(r.every_minutes), consecutive_failures: Number(r.consecutive_failures), first_poll_done: Number(r.first_poll_done), follow_symlinks: Number(r.follow_symlinks) };
}

/** The `sources` table's statements over `sql`. */
export function sourceRows(sql: Sql) {
  const one = async (query: string, params: SqlValue[]) => toRow(await sql.get<SourceRow>(query, params));
  const many = async (query: string, params: SqlValue[] = []) => (await sql.all<SourceRow>(query, params)).map((r) => toRow(r)!);
  const byId = (id: number) => one('SELECT * FROM sources WHERE id = ?', [id]);
  const byLocation = (location: string) => one('SELECT * FROM sources WHERE location = ?', [location]);
  return {
    /** Inserts a source due at once; throws when the name or location is taken. */
    async add(src: NewSource, now: Date): Promise<SourceRow> {
      const at = now.toISOString();
      const row = await one(
        'INSERT INTO sources (name, kind, location, every_minutes, next_poll_at, created_at, follow_symlinks) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *',
        [src.name, src.kind, src.location, src.every_minutes, at, at, src.follow_symlinks ? 1 : 0],
      );
      return row!;
    },
    /** Every source, in the order they were added. */
    list(): Promise<SourceRow[]> {
      return many('SELECT * FROM sources ORDER BY id');
    },
    get(id: number): Promise<SourceRow | undefined> {
      return byId(id);
    },
    /** A source by numeric id or by name. */
    async find(idOrName: string): Promise<SourceRow | undefined> {
      return (/^\d+$/.test(idOrName) ? await byId(Number(idOrName)) : undefined) ?? (await one('SELECT * FROM sources WHERE name = ?', [idOrName]));
    },
    findByLocation(location: string): Promise<SourceRow | undefined> {
      return byLocation(location);
    },
    /** Deletes a source and its file records; articles and item records (dedupe, backfill) stay. */
    async remove(id: number): Promise<boolean> {
      return (await sql.run('DELETE FROM sources WHERE id = ?', [id])).changes > 0;
    },
    /** Unpaused sources whose next poll is at or before `now`, oldest first. */
    due(now: Date): Promise<SourceRow[]> {
      return many('SELECT * FROM sources WHERE paused_reason IS NULL AND next_poll_at IS NOT NULL AND next_poll_at <= ? ORDER BY next_poll_at, id', [now.toISOString()]);
    },
    /** Records a successful poll: failures and pause cleared, validators and outlet updated, next poll set. */
    async recordSuccess(id: number, u: SuccessUpdate, now: Date): Promise<void> {
      const at = now.toISOString();
      const sets: string[] = [];
      const params: SqlValue[] = [];
      if (u.etag !== undefined) {
        sets.push('etag = ?');
        params.push(u.etag);
      }
      if (u.last_modified !== undefined) {
        sets.push('last_modified = ?');
        params.push(u.last_modified);
      }
      sets.push('outlet = coalesce(CAST(? AS TEXT), outlet)', 'next_poll_at = ?', 'backoff_until = NULL', 'consecutive_failures = 0', 'last_error = NULL', 'paused_reason = NULL', 'last_polled_at = ?', 'last_success_at = ?', 'first_poll_done = 1');
      params.push(u.outlet ?? null, u.next_poll_at, at, at, id);
      await sql.run(`UPDATE sources SET ${sets.join(', ')} WHERE id = ?`, params);
    },
    /** Records a failed poll: one more failure in a row, and the retry time or pause the schedule chose. */
    async recordFailure(id: number, u: FailureUpdate, now: Date): Promise<void> {
      await sql.run(
        `UPDATE sources SET consecutive_failures = consecutive_failures + 1, last_error = ?,
           next_poll_at = ?, backoff_until = ?, paused_reason = ?, last_polled_at = ?
         WHERE id = ?`,
        [u.error, u.next_poll_at, u.backoff_until, u.paused_reason, now.toISOString(), id],
      );
    },
    /** Clears a pause and the failure count, and makes the source due now. */
    async resume(id: number, now: Date): Promise<void> {
      await sql.run('UPDATE sources SET paused_reason = NULL, consecutive_failures = 0, backoff_until = NULL, next_poll_at = ? WHERE id = ?', [now.toISOString(), id]);
    },
    /** Moves a source to a new address (after a permanent redirect); false when another source already has it. */
    relocate(id: number, location: string): Promise<boolean> {
      return sql.tx(async () => {
        if (await byLocation(location)) return false;
        await sql.run('UPDATE sources SET location = ? WHERE id = ?', [location, id]);
        return true;
      });
    },
    /** Changes what kind a source is (a URL found to be a page rather than a feed). */
    async setKind(id: number, kind: SourceKind): Promise<void> {
      await sql.run('UPDATE sources SET kind = ? WHERE id = ?', [kind, id]);
    },
  };
}
