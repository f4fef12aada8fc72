/**
 * Inline-keyboard paging for long lists: the pages of one reply are kept in memory under a short
 * key, and the buttons carry `pg:<key>:<page>` (well under Telegram's 64-byte callback limit).
 * Pages are lost on restart; a press then gets a polite "send the command again".
 */
import type { ReplyLang } from '../../../commands/types.ts';

export interface PagedReply {
  chatId: string;
  pages: string[];
  lang: ReplyLang;
  createdAt: number;
}

export interface InlineKeyboard {
  inline_keyboard: { text: string; callback_data: string }[][];
}

export interface PageCache {
  put(entry: PagedReply): string;
  get(key: string): PagedReply | undefined;
}

/** An LRU-ish cache of paged replies: at most `max` entries, each for `ttlMs`. */
export function createPageCache(now: () => Date, max = 1000, ttlMs = 48 * 3600_000): PageCache {
  const entries = new Map<string, PagedReply>();
  let counter = 0;
  return {
    put(entry) {
      const key = (now().getTime() % 1e9).toString(36) + (counter++ % 1296).toString(36);
      entries.set(key, entry);
      while (entries.size > max) entries.delete(entries.keys().next().value as string);
      return key;
    },
    get(key) {
      const e = entries.get(key);
      if (!e) return undefined;
      if (now().getTime() - e.createdAt > ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return e;
    },
  };
}

/** Parses callback data written by `pageKeyboard`; null for anything else. */
export function parsePageData(data: string | undefined): { key: string; page: number } | null {
  const m = /^pg:([0-9a-z]{1,16}):(\d{1,4})$/.exec(data ?? '');
  return m ? { key: m[1], page: Number(m[2]) } : null;
}

/** The ◀ n/N ▶ keyboard under page `page` of `total`. */
export function pageKeyboard(key: string, page: number, total: number, lang: ReplyLang): InlineKeyboard {
  const row: { text: string; callback_data: string }[] = [];
  if (page > 0) row.push({ text: lang === 'en' ? '◀ Previous' : '◀ 上一頁', callback_data: `pg:${key}:${page - 1}` });
  row.push({ text: `${page + 1}/${total}`, callback_data: `pg:${key}:${page}` });
  if (page < total - 1) row.push({ text: lang === 'en' ? 'Next ▶' : '下一頁 ▶', callback_data: `pg:${key}:${page + 1}` });
  return { inline_keyboard: [row] };
}
