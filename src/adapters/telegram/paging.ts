/**
 * Inline-keyboard paging for long lists. When the command line is short enough, the buttons carry
 * it (`pl:<page>:<line>`, at most Telegram's 64 bytes) and a press re-runs it, so paging survives
 * restarts; otherwise the pages are kept in memory under a short key (`pg:<key>:<page>`) and a
 * press after a restart gets a polite "send the command again".
 *
 * Results the command pages itself (Reply.paging: /search past its first five hits) use the same
 * two forms with their own prefixes: `sp:<page>:<line>` re-runs the line for that page, and
 * `sk:<key>:<page>` finds the line in memory when it is too long for the button.
 */
import { zhFor } from '../../core/text/reply-script.ts';
import type { ReplyLang } from '../../core/contract/types.ts';

export interface PagedReply {
  chatId: string;
  /** Rendered pages; empty for a command-paged reply, whose pages come from re-running `line`. */
  pages: string[];
  line?: string;
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

/**
 * Where the pages of a paged reply come from: a command line to re-run, or a cache key.
 * `byCommand`: the command renders each page itself (re-run with `page`), rather than the
 * adapter cutting one long reply into pages.
 */
export type PageRef = ({ line: string } | { key: string }) & { byCommand?: boolean };

const MAX_CALLBACK_BYTES = 64;

/** A line-based reference when every button's data fits in 64 bytes, else null. */
export function lineRef(line: string, totalPages: number, byCommand = false): PageRef | null {
  return Buffer.byteLength(pageData({ line, byCommand }, totalPages)) <= MAX_CALLBACK_BYTES ? { line, byCommand } : null;
}

function pageData(ref: PageRef, page: number): string {
  if (ref.byCommand) return 'line' in ref ? `sp:${page}:${ref.line}` : `sk:${ref.key}:${page}`;
  return 'line' in ref ? `pl:${page}:${ref.line}` : `pg:${ref.key}:${page}`;
}

/** Parses callback data written by `pageKeyboard`; null for anything else. */
export function parsePageData(data: string | undefined): (PageRef & { page: number }) | null {
  const k = /^(pg|sk):([0-9a-z]{1,16}):(\d{1,4})$/.exec(data ?? '');
  if (k) return { key: k[2], page: Number(k[3]), byCommand: k[1] === 'sk' };
  const l = /^(pl|sp):(\d{1,4}):(\/[\s\S]+)$/.exec(data ?? '');
  return l ? { line: l[3], page: Number(l[2]), byCommand: l[1] === 'sp' } : null;
}

/** The ◀ n/N ▶ keyboard under page `page` of `total`. */
export function pageKeyboard(ref: PageRef, page: number, total: number, lang: ReplyLang): InlineKeyboard {
  const row: { text: string; callback_data: string }[] = [];
  if (page > 0) row.push({ text: lang === 'en' ? '◀ Previous' : zhFor(lang, '◀ 上一頁'), callback_data: pageData(ref, page - 1) });
  row.push({ text: `${page + 1}/${total}`, callback_data: pageData(ref, page) });
  if (page < total - 1) row.push({ text: lang === 'en' ? 'Next ▶' : zhFor(lang, '下一頁 ▶'), callback_data: pageData(ref, page + 1) });
  return { inline_keyboard: [row] };
}
