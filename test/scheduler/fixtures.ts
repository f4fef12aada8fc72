/** Shared test fixtures for the scheduler: a temp database, stored articles/stories, a scripted ChatAdapter. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/core/store/db.ts';
import type { ChatAdapter, DeliveryTarget, SendOptions, SendResult } from '../../src/adapters/types.ts';
import { DeliveryError } from '../../src/adapters/types.ts';
import type { Platform, Reply, ChatContext } from '../../src/core/contract/types.ts';
import { createLogger } from '../../src/core/logger.ts';

export const quietLog = createLogger('silent');

export function tempDb(): { db: Db; file: string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-digest-'));
  const file = join(dir, 'newsbot.db');
  const db = openDatabase(file);
  return { db, file, dir, cleanup: () => (db.open && db.close(), rmSync(dir, { recursive: true, force: true })) };
}

let hashSeq = 0;
/** Stores an article row (and puts it in `storyId` when given), as the loader and story clustering would. */
export function putArticle(
  db: Db,
  a: { title: string; body: string; outlet: string; url: string; published: string; storyId?: number; storyTitle?: string; backfill?: boolean },
): number {
  const now = new Date().toISOString();
  const id = Number(
    db
      .prepare(
        `INSERT INTO articles (title, url, outlet, published_at, published_precision, published_utc, body, content_hash, shape, ingested_at, updated_at)
         VALUES (?, ?, ?, ?, 'datetime', ?, ?, ?, 'plain-text', ?, ?)`,
      )
      .run(a.title, a.url, a.outlet, a.published, new Date(a.published).toISOString(), a.body, `h${++hashSeq}-${Math.random()}`, now, now).lastInsertRowid,
  );
  if (a.storyId !== undefined) {
    db.prepare(`INSERT OR IGNORE INTO stories (id, title, first_seen, last_updated) VALUES (?, ?, ?, ?)`).run(a.storyId, a.storyTitle ?? a.title, a.published, a.published);
    db.prepare(`INSERT INTO story_articles (article_id, story_id, outlet, published_at, added_at) VALUES (?, ?, ?, ?, ?)`).run(id, a.storyId, a.outlet, a.published, now);
  }
  if (a.backfill) {
    db.prepare(`INSERT OR IGNORE INTO sources (id, name, kind, location, every_minutes, created_at) VALUES (1, 'feed', 'feed', 'http://x', 10, ?)`).run(now);
    db.prepare(`INSERT INTO source_items (source_id, article_id, backfill, seen_at) VALUES (1, ?, 1, ?)`).run(id, now);
  }
  return id;
}

export interface SentRecord {
  target: DeliveryTarget;
  reply: Reply;
  key: string;
  at: number;
}

export type Outcome = 'ok' | DeliveryError | ((target: DeliveryTarget) => 'ok' | DeliveryError);

/** A ChatAdapter whose sends succeed unless a per-chat script says otherwise (shifted one per attempt). */
export function scriptedAdapter(platform: Platform, script: Record<string, Outcome[]> = {}): ChatAdapter & { sent: SentRecord[]; attempts: SentRecord[] } {
  const sent: SentRecord[] = [];
  const attempts: SentRecord[] = [];
  let seq = 0;
  return {
    platform,
    sent,
    attempts,
    async start() {},
    async stop() {},
    async send(target: DeliveryTarget, reply: Reply, opts: SendOptions): Promise<SendResult> {
      const rec = { target: { ...target }, reply, key: opts.idempotencyKey, at: Date.now() };
      attempts.push(rec);
      const next = script[target.chatId]?.shift() ?? 'ok';
      const outcome = typeof next === 'function' ? next(target) : next;
      if (outcome !== 'ok') throw outcome;
      sent.push(rec);
      return { messageIds: [String(++seq)] };
    },
  };
}

export function chat(platform: Platform, chatId: string, o: { group?: boolean; admin?: boolean; canPost?: boolean; threadId?: string } = {}): ChatContext {
  return {
    platform,
    chatId,
    threadId: o.threadId,
    userId: 'u1',
    isGroup: !!o.group,
    isAdmin: async () => o.admin ?? !o.group,
    canPost: async () => o.canPost ?? true,
  };
}
