/**
 * Paging through long replies with Prev/Next buttons. The rendered pages stay in memory for a
 * while (TTL, bounded count) under a short random key; a button's custom_id is `nbp:<key>:<page>`
 * (well under Discord's 100 characters). Commands are not re-run on a click: re-running could
 * repeat a command with side effects (/subscribe) and would shift pages as news arrives.
 * The exception is a result the command pages itself (Reply.paging, only read-only commands:
 * /search past its first hits): the cache then keeps the command and its options, and a click
 * (`nbq:<key>:<page>`) re-runs it for that page.
 */
import { zhFor } from '../../core/text/reply-script.ts';
import { randomBytes } from 'node:crypto';
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { ReplyLang } from '../../core/contract/types.ts';
import type { DiscordEmbed } from './render-reply.ts';

export interface PagedReply {
  /** Rendered pages; empty for a command-paged reply (see `replay`). */
  pages: DiscordEmbed[];
  lang: ReplyLang;
  /** The command and options to re-run for another page of a command-paged reply. */
  replay?: { command: string; args: Record<string, string | number | undefined> };
}

export interface PageCache {
  /** Stores `paged` and returns its key. */
  put(paged: PagedReply): string;
  /** The stored pages, or undefined when expired or unknown. */
  get(key: string): PagedReply | undefined;
  clear(): void;
}

const PREFIX = 'nbp';

/** Creates a page cache keeping at most `max` replies for `ttlMs` each (defaults: 1000, 30 minutes). */
export function createPageCache(opts: { ttlMs?: number; max?: number; now?: () => number } = {}): PageCache {
  const ttl = opts.ttlMs ?? 30 * 60_000;
  const max = opts.max ?? 1000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, { paged: PagedReply; expires: number }>();
  const sweep = () => {
    const t = now();
    for (const [k, e] of entries) if (e.expires <= t) entries.delete(k);
    while (entries.size > max) entries.delete(entries.keys().next().value as string);
  };
  return {
    put(paged) {
      const key = randomBytes(9).toString('base64url');
      entries.set(key, { paged, expires: now() + ttl });
      sweep();
      return key;
    },
    get(key) {
      const e = entries.get(key);
      if (!e || e.expires <= now()) return undefined;
      return e.paged;
    },
    clear() {
      entries.clear();
    },
  };
}

/** The custom_id of a button showing page `page` of the reply stored under `key`. */
export function encodePageId(key: string, page: number): string {
  return `${PREFIX}:${key}:${page}`;
}

/** Parses a custom_id made by encodePageId (byCommand: a command-paged reply's), or returns null for anything else. */
export function decodePageId(customId: string): { key: string; page: number; byCommand: boolean } | null {
  const m = /^(nbp|nbq):([A-Za-z0-9_-]{1,32}):(-?\d{1,4})$/.exec(customId);
  return m ? { key: m[2], page: Number(m[3]), byCommand: m[1] === 'nbq' } : null;
}

/** The Prev/Next button row for `page` of `count` pages (Discord component JSON). */
export function pageButtons(key: string, page: number, count: number, lang: ReplyLang, byCommand = false): APIActionRowComponent<APIButtonComponent>[] {
  const label = lang === 'en' ? { prev: '◀ Prev', next: 'Next ▶' } : { prev: zhFor(lang, '◀ 上一頁'), next: zhFor(lang, '下一頁 ▶') };
  const id = (p: number) => (byCommand ? `nbq:${key}:${p}` : encodePageId(key, p));
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: label.prev, custom_id: id(page - 1), disabled: page <= 0 },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: label.next, custom_id: id(page + 1), disabled: page >= count - 1 },
      ],
    },
  ];
}

/** The message body (embeds + buttons) showing `page` of `paged`; `key` is null when there is one page. */
export function pageMessage(paged: PagedReply, key: string | null, page: number): { embeds: DiscordEmbed[]; components: APIActionRowComponent<APIButtonComponent>[]; allowedMentions: { parse: [] } } {
  const p = Math.min(Math.max(0, page), paged.pages.length - 1);
  return {
    embeds: [paged.pages[p]],
    components: key && paged.pages.length > 1 ? pageButtons(key, p, paged.pages.length, paged.lang) : [],
    allowedMentions: { parse: [] },
  };
}
