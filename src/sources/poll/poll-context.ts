/** What a poller needs, passed in: database, fetcher, parsers/store, logger and clock. */
import type { Stores } from '../../core/store/stores.ts';
import type { Logger } from '../../core/logger.ts';
import type { Fetcher } from '../fetch/create-fetcher.ts';
import type { RobotsCheck } from '../fetch/robots.ts';
import type { Sinks } from '../sinks.ts';

export interface PollContext {
  stores: Stores;
  fetcher: Fetcher;
  /** robots.txt for pages fetched on newsbot's own initiative (item pages, page sources); none: not checked. */
  robots?: RobotsCheck;
  sinks: Sinks;
  log: Logger;
  now: () => Date;
  /** Article pages fetched at most per feed poll for summary-only items (the rest wait for the next poll). */
  maxPagesPerPoll?: number;
  /** Pause between article-page requests of one feed poll, to be gentle with the site (default 500 ms). */
  pageDelayMs?: number;
  /** A file must be unchanged this long before a folder scan ingests it (default 2 s). */
  settleMs?: number;
  /** Aborted when the bot stops: fetches end at once and what is left waits for the next run. */
  signal?: AbortSignal;
  /** Longest one feed poll may take; items not done by then wait for the next poll (default 120 s). */
  pollDeadlineMs?: number;
  /** Article pages of one feed fetched at once (default 4; the per-host spacing still applies). */
  pageConcurrency?: number;
  /** New items stored per source per poll at most (NEWSBOT_MAX_ITEMS_PER_POLL; default 100): the newest; the rest wait. */
  maxNewItemsPerPoll?: number;
  /** Largest folder file ingested (NEWSBOT_MAX_FILE_MB; default 5 MB); larger ones are refused unread. */
  maxFileBytes?: number;
}

/** What one poll of one source did, for logs and `sources poll`. */
export interface PollCounts {
  stored: number;
  /** Items seen before whose text changed: their article was updated in place. */
  updated: number;
  duplicates: number;
  rejected: number;
  unchanged: number;
  deferred: number;
  rejects: string[];
}

/** Zeroed counts for a new poll. */
export const emptyCounts = (): PollCounts => ({ stored: 0, updated: 0, duplicates: 0, rejected: 0, unchanged: 0, deferred: 0, rejects: [] });
