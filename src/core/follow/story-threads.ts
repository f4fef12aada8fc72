/**
 * Where each (chat, story) lives: the first message about the story in that chat (an alert or a
 * digest) and, on Discord, the thread opened on it. Later updates of the story go there; stored,
 * so this survives restarts.
 */
import type { Db } from '../store/db.ts';
import type { Platform } from '../contract/types.ts';

export interface StoryThread {
  platform: Platform;
  chat_id: string;
  story_id: number;
  /** Discord: the thread opened on the anchor message; Telegram: the forum topic of the anchor (reply chain). */
  thread_id: string | null;
  /** The chat's first message about the story. */
  message_id: string;
  created_at: string;
}

/** Creates the store over `db`. */
export function createStoryThreadStore(db: Db) {
  const get = db.prepare(`SELECT * FROM story_threads WHERE platform = ? AND chat_id = ? AND story_id = ?`);
  const anchor = db.prepare(`INSERT INTO story_threads (platform, chat_id, story_id, thread_id, message_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (platform, chat_id, story_id) DO NOTHING`);
  const setThread = db.prepare(`UPDATE story_threads SET thread_id = ? WHERE platform = ? AND chat_id = ? AND story_id = ?`);
  const move = db.prepare(`UPDATE OR IGNORE story_threads SET chat_id = ? WHERE platform = ? AND chat_id = ?`);
  return {
    get(platform: Platform, chatId: string, storyId: number): StoryThread | undefined {
      return get.get(platform, chatId, storyId) as StoryThread | undefined;
    },
    /** Records `messageId` as the first message about each story (kept if one is already recorded). */
    anchor(platform: Platform, chatId: string, storyIds: number[], messageId: string, threadId: string | null, now: Date): void {
      db.transaction(() => {
        for (const id of storyIds) anchor.run(platform, chatId, id, threadId, messageId, now.toISOString());
      })();
    },
    /** Records the Discord thread opened on the story's anchor message. */
    setThread(platform: Platform, chatId: string, storyId: number, threadId: string): void {
      setThread.run(threadId, platform, chatId, storyId);
    },
    /** Follows a Telegram group that became a supergroup. */
    moveChat(platform: Platform, from: string, to: string): void {
      move.run(to, platform, from);
    },
  };
}

export type StoryThreadStore = ReturnType<typeof createStoryThreadStore>;
