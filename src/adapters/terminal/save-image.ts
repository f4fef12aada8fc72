/**
 * The terminal cannot show pictures: a reply's PNG is drawn after its text is printed, saved to a
 * file, and its path printed under the text (`picture: /tmp/newsbot-pictures/timeline-….png`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reply, ReplyLang } from '../../core/contract/types.ts';

/** Where pictures go unless a folder is given: the system temporary folder. */
export const DEFAULT_PICTURE_DIR = join(tmpdir(), 'newsbot-pictures');

let counter = 0;

/** A picture saved to a file: its path and size in pixels. */
export interface SavedPicture {
  path: string;
  width: number;
  height: number;
}

/** Draws `reply.picture` (if any), saves it under `dir` and returns where; null when the reply has none. */
export async function saveReplyPicture(reply: Reply, dir = DEFAULT_PICTURE_DIR): Promise<SavedPicture | null> {
  if (!reply.picture) return null;
  const { png, width, height } = await reply.picture.render();
  mkdirSync(dir, { recursive: true });
  const stem = reply.picture.name.replace(/\.png$/i, '').replace(/[^\w-]+/g, '-') || 'picture';
  const path = join(dir, `${stem}-${Date.now()}-${process.pid}-${counter++}.png`);
  writeFileSync(path, png);
  return { path, width, height };
}

/** The line printed under a reply that has a picture. */
export function pictureLine(path: string, lang: ReplyLang): string {
  return lang === 'en' ? `picture: ${path}` : lang === 'zh-CN' ? `图片：${path}` : `圖片：${path}`;
}
