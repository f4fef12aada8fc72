/**
 * The terminal cannot show pictures: a reply's PNG is saved to a file and its path printed under
 * the text (`picture: /tmp/newsbot-pictures/timeline-….png`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reply, ReplyLang } from '../../core/contract/types.ts';

/** Where pictures go unless a folder is given: the system temporary folder. */
export const DEFAULT_PICTURE_DIR = join(tmpdir(), 'newsbot-pictures');

let counter = 0;

/** Saves `reply.image` (if any) under `dir` and returns its path, else null. */
export function saveReplyImage(reply: Reply, dir = DEFAULT_PICTURE_DIR): string | null {
  if (!reply.image) return null;
  mkdirSync(dir, { recursive: true });
  const stem = reply.image.name.replace(/\.png$/i, '').replace(/[^\w-]+/g, '-') || 'picture';
  const path = join(dir, `${stem}-${Date.now()}-${process.pid}-${counter++}.png`);
  writeFileSync(path, reply.image.png);
  return path;
}

/** The line printed under a reply that has a picture. */
export function pictureLine(path: string, lang: ReplyLang): string {
  return lang === 'en' ? `picture: ${path}` : lang === 'zh-CN' ? `图片：${path}` : `圖片：${path}`;
}
