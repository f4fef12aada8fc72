/**
 * The `sources` table: what to poll, when, and how the last polls went. Raw SQL over
 * better-sqlite3 behind a small factory, like the other stores.
 */
import type { Db } from '../../core/store/db.ts';

export type SourceKind = 'folder' | 'feed' | 'page';

export interface SourceRow {
  id: number;
  name: string;
  kind: SourceKind;
  location: string;
  every_minutes: number;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: string | null;
  backoff_until: string | null;
  consecutive_failures: number;
  paused_reason: string | null;
  last_error: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  created_at: string;
  first_poll_done: number;
  outlet: string | null;
  /** 1: a folder source whose symbolic links are followed (operator opt-in); 0 by default. */
  follow_symlinks: number;
}

export interface NewSource {
  name: string;
  kind: SourceKind;
  location: string;
  every_minutes: number;
  /** Folder sources only: follow symbolic links inside the folder. */
  follow_symlinks?: boolean;
}

export interface SuccessUpdate {
  etag?: string | null;
  last_modified?: string | null;
  outlet?: string | null;
  next_poll_at: string;
}

export interface FailureUpdate {
  error: string;
  next_poll_at: string | null;
  backoff_until: string | null;
  paused_reason: string | null;
}

/** Creates the sources store over `db`. */
export function createSourceStore(db: Db) {
  const byId = db.prepare<[number], SourceRow>('SELECT * FROM sources WHERE id = ?');
  const byName = db.prepare<[string], SourceRow>('SELECT * FROM sources WHERE name = ?');
  const byLocation = db.prepare<[string], SourceRow>('SELECT * FROM sources WHERE location = ?');
  return {
    /** Inserts a source due at once; throws when the name or location is taken. */
    add(src: NewSource, now: Date): SourceRow {
      const info = db
        .prepare('INSERT INTO sources (name, kind, location, every_minutes, next_poll_at, created_at, follow_symlinks) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(src.name, src.kind, src.location, src.every_minutes, now.toISOString(), now.toISOString(), src.follow_symlinks ? 1 : 0);
      return byId.get(Number(info.lastInsertRowid))!;
    },
    list(): SourceRow[] {
      return db.prepare<[], SourceRow>('SELECT * FROM sources ORDER BY id').all();
    },
    get(id: number): SourceRow | undefined {
      return byId.get(id);
    },
    /** A source by numeric id or by name. */
    find(idOrName: string): SourceRow | undefined {
      return (/^\d+$/.test(idOrName) ? byId.get(Number(idOrName)) : undefined) ?? byName.get(idOrName);
    },
    findByLocation(location: string): SourceRow | undefined {
      return byLocation.get(location);
    },
    /** Deletes a source and its file records; articles and item records (dedupe, backfill) stay. */
    remove(id: number): boolean {
      return db.prepare('DELETE FROM sources WHERE id = ?').run(id).changes > 0;
    },
    /** Unpaused sources whose next poll is at or before `now`, oldest first. */
    due(now: Date): SourceRow[] {
      return db.prepare<[string], SourceRow>('SELECT * FROM sources WHERE paused_reason IS NULL AND next_poll_at IS NOT NULL AND next_poll_at <= ? ORDER BY next_poll_at, id').all(now.toISOString());
    },
    recordSuccess(id: number, u: SuccessUpdate, now: Date): void {
      db.prepare(
        `UPDATE sources SET etag = CASE WHEN @setEtag THEN @etag ELSE etag END,
           last_modified = CASE WHEN @setLm THEN @lm ELSE last_modified END,
           outlet = COALESCE(@outlet, outlet), next_poll_at = @next, backoff_until = NULL,
           consecutive_failures = 0, last_error = NULL, paused_reason = NULL,
           last_polled_at = @now, last_success_at = @now, first_poll_done = 1
         WHERE id = @id`,
      ).run({ id, setEtag: u.etag !== undefined ? 1 : 0, etag: u.etag ?? null, setLm: u.last_modified !== undefined ? 1 : 0, lm: u.last_modified ?? null, outlet: u.outlet ?? null, next: u.next_poll_at, now: now.toISOString() });
    },
    recordFailure(id: number, u: FailureUpdate, now: Date): void {
      db.prepare(
        `UPDATE sources SET consecutive_failures = consecutive_failures + 1, last_error = @error,
           next_poll_at = @next, backoff_until = @backoff, paused_reason = @paused, last_polled_at = @now
         WHERE id = @id`,
      ).run({ id, error: u.error, next: u.next_poll_at, backoff: u.backoff_until, paused: u.paused_reason, now: now.toISOString() });
    },
    /** Clears a pause and the failure count, and makes the source due now. */
    resume(id: number, now: Date): void {
      db.prepare('UPDATE sources SET paused_reason = NULL, consecutive_failures = 0, backoff_until = NULL, next_poll_at = ? WHERE id = ?').run(now.toISOString(), id);
    },
    /** Moves a source to a new address (after a permanent redirect); false when another source already has it. */
    relocate(id: number, location: string): boolean {
      if (byLocation.get(location)) return false;
      db.prepare('UPDATE sources SET location = ? WHERE id = ?').run(location, id);
      return true;
    },
    /** Changes what kind a source is (a URL found to be a page rather than a feed). */
    setKind(id: number, kind: SourceKind): void {
      db.prepare('UPDATE sources SET kind = ? WHERE id = ?').run(kind, id);
    },
  };
}

export type SourceStore = ReturnType<typeof createSourceStore>;
