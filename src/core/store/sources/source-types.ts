/** The rows and records of the live-sources tables (sources, source_items, source_files). */

export type SourceKind = 'folder' | 'feed' | 'page';

/** One row of `sources`: what to poll, when, and how the last polls went. */
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

/** A successful poll: validators left `undefined` keep their stored value; `null` clears it. */
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

/** One item a source yielded and what became of it. */
export interface ItemRecord {
  source_id: number;
  guid: string | null;
  url_normalized: string | null;
  content_hash: string | null;
  article_id: number | null;
  backfill: boolean;
  status: 'stored' | 'duplicate' | 'rejected';
  reason?: string | null;
}

/** An article already reached through some source, and how it was matched. */
export interface KnownArticle {
  article_id: number;
  backfill: boolean;
  matched: 'guid' | 'url' | 'content';
}

/** The latest stored record of an item within its source. */
export interface LastStored {
  content_hash: string | null;
  article_id: number;
  backfill: boolean;
  reason: string | null;
}

/** What a folder scan remembers of a file: size and mtime (unchanged files are not read again) and the outcome. */
export interface FileRecord {
  source_id: number;
  path: string;
  size: number;
  mtime_ms: number;
  article_id: number | null;
  status: string;
  reason: string | null;
}
