/**
 * The work done on untrusted bytes from live sources (decode and parse a feed, build an item's
 * article, extract a page, parse a folder file), as plain messages so it can run on the parse
 * thread. Failures come back as values naming the error kind, never as exceptions.
 */
import { IngestError, type NormalizedArticle } from '../../core/article.ts';
import { parseOutcome, type ParseOutcome } from '../../core/loader/parse-outcome.ts';
import { parseHtml } from '../../core/ingest/parse-html.ts';
import { decodeBody, DecodeError } from '../fetch/decode-body.ts';
import { parseAnyFeed } from '../feed/parse-any-feed.ts';
import { FeedError, type Feed, type FeedItem } from '../feed/feed-types.ts';
import { hasFullContent, itemToArticle, withFeedMetadata } from '../feed/item-article.ts';

export type ParseTask =
  | { kind: 'feed'; bytes: Uint8Array; contentType: string | null; url: string }
  | { kind: 'item'; item: FeedItem; outlet: string | null }
  | { kind: 'page'; bytes: Uint8Array; contentType: string | null; name: string; url: string; item: FeedItem | null; outlet: string | null }
  | { kind: 'file'; bytes: Uint8Array; name: string };

/** What each task kind yields. */
export interface TaskValue {
  feed: Feed;
  /** The item's own article (null when it has no text at all), and whether it is the full text rather than a teaser. */
  item: { article: NormalizedArticle | null; full: boolean };
  page: NormalizedArticle;
  file: ParseOutcome;
}

export type TaskError = { error: 'FeedError' | 'DecodeError' | 'IngestError' | 'Error'; reason: string; file?: string };
export type TaskReply = { ok: true; value: unknown } | ({ ok: false } & TaskError);

/** Runs one task on this thread. */
export function runTask(task: ParseTask): TaskReply {
  try {
    return { ok: true, value: runValue(task) };
  } catch (err) {
    if (err instanceof FeedError) return { ok: false, error: 'FeedError', reason: err.reason };
    if (err instanceof DecodeError) return { ok: false, error: 'DecodeError', reason: err.reason };
    if (err instanceof IngestError) return { ok: false, error: 'IngestError', reason: err.reason, file: err.file };
    return { ok: false, error: 'Error', reason: (err as Error)?.message?.split('\n')[0] ?? String(err) };
  }
}

function runValue(task: ParseTask): unknown {
  switch (task.kind) {
    case 'feed':
      return parseAnyFeed(decodeBody(Buffer.from(task.bytes), task.contentType), task.url);
    case 'item': {
      const { item } = task;
      if (!item.contentHtml && !item.summaryHtml && !item.title) return { article: null, full: false };
      return { article: itemToArticle(item, task.outlet), full: hasFullContent(item) };
    }
    case 'page': {
      const article = parseHtml(decodeBody(Buffer.from(task.bytes), task.contentType), task.name, task.url);
      return task.item ? withFeedMetadata(article, task.item, task.outlet, task.url) : article;
    }
    case 'file':
      return parseOutcome(Buffer.from(task.bytes), task.name, true);
  }
}

/** Turns an error reply back into the error its kind names. */
export function taskError(e: TaskError): Error {
  if (e.error === 'FeedError') return new FeedError(e.reason);
  if (e.error === 'DecodeError') return new DecodeError(e.reason);
  if (e.error === 'IngestError') return new IngestError(e.file ?? 'document', e.reason);
  return new Error(e.reason);
}
