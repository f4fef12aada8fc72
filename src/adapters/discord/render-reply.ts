/**
 * Renders a platform-neutral Reply as Discord embeds: one embed per page, title, description
 * built from the intro and the items (bold heading, text, small meta line, link to the source),
 * footer with the page number. Every piece of reply text is escaped (escape.ts); limits are
 * Discord's: description 4096, title 256, footer 2048, 6000 per embed.
 */
import type { Reply, ReplyItem, ReplyLang } from '../../core/contract/types.ts';
import { escapeMarkdown, escapePlain, linkLabel, safeHttpUrl } from './escape.ts';
import { packBlocks, splitText, type Block } from './pack-blocks.ts';
import { zhFor } from '../../core/text/reply-script.ts';

export const LIMITS = { description: 4096, title: 256, footer: 2048, embed: 6000, content: 2000, embedsPerMessage: 10 } as const;

/** The subset of Discord's embed object we produce. */
export interface DiscordEmbed {
  title?: string;
  description: string;
  color: number;
  footer?: { text: string };
  /** `attachment://name` of a file sent with the message (a reply's picture). */
  image?: { url: string };
}

export interface RenderOptions {
  lang: ReplyLang;
  /** Characters per page description (default 4096, Discord's limit). */
  maxChars?: number;
  /** Items per page (default unlimited: only the character limit applies). */
  maxItems?: number;
}

const COLORS: Record<Reply['kind'], number> = { ok: 0x2b6cb0, usage: 0xd69e2e, error: 0xc53030 };
// Room kept for the page number appended to the footer.
const FOOTER_TEXT_MAX = 1000;

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** Escaped lines of `text`, each within `max`; paragraphs stay separated by one blank line. */
function textLines(text: string, max: number): string[] {
  const out: string[] = [];
  for (const para of text.split(/\r?\n[^\S\r\n]*\r?\n/)) {
    const lines = para
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
      .flatMap((l) => splitText(l, max, escapeMarkdown).map(escapeMarkdown));
    if (!lines.length) continue;
    if (out.length) out.push('');
    out.push(...lines);
  }
  return out;
}

/** Renders one item as atomic lines: **heading**, text, *meta · [host](url)*. */
export function renderItem(item: ReplyItem, max: number = LIMITS.description): Block {
  const lines: string[] = [];
  // Headings over the limit are rare (titles); they go through the same splitter as text.
  if (item.heading?.trim()) lines.push(...splitText(item.heading.trim().replace(/\s+/g, ' '), max - 4, escapeMarkdown).map((h) => `**${escapeMarkdown(h)}**`));
  if (item.text?.trim()) lines.push(...textLines(item.text, max));
  const url = safeHttpUrl(item.url);
  // A URL too long for a page is dropped rather than cut (a cut URL points elsewhere).
  const link = url && url.length + 64 <= max ? `[${escapeMarkdown(linkLabel(url))}](${url})` : '';
  const meta = item.meta?.trim() ? splitText(item.meta.trim().replace(/\s+/g, ' '), max - 2, escapeMarkdown).map((m) => `*${escapeMarkdown(m)}*`) : [];
  if (link && meta.length && meta[meta.length - 1].length + 3 + link.length <= max) meta[meta.length - 1] += ` · ${link}`;
  else if (link) meta.push(link);
  lines.push(...meta);
  return lines;
}

/** Renders `reply` into one embed per page, in order; nothing in the reply is dropped but an over-long title/footer. */
export function renderReplyPages(reply: Reply, opts: RenderOptions): DiscordEmbed[] {
  const max = opts.maxChars ?? LIMITS.description;
  const blocks: Block[] = [];
  if (reply.intro?.trim()) blocks.push(textLines(reply.intro, max));
  for (const item of reply.items) blocks.push(renderItem(item, max));
  // The intro does not count against the items-per-page limit.
  const pages = packBlocks(blocks, max, opts.maxItems ?? Infinity, reply.intro?.trim() ? 1 : 0);
  const title = reply.title?.trim() ? truncate(escapeMarkdown(reply.title.trim().replace(/\s+/g, ' ')), LIMITS.title) : undefined;
  const footerText = reply.footer?.trim() ? truncate(escapePlain(reply.footer.trim()), FOOTER_TEXT_MAX) : '';
  return pages.map((description, i) => {
    const pageNote = pages.length > 1 ? (opts.lang === 'en' ? `Page ${i + 1}/${pages.length}` : zhFor(opts.lang, `第 ${i + 1}/${pages.length} 頁`)) : '';
    const footer = [footerText, pageNote].filter(Boolean).join(' · ');
    const embed: DiscordEmbed = { description: description || '—', color: COLORS[reply.kind] };
    if (title) embed.title = title;
    if (footer) embed.footer = { text: footer };
    return embed;
  });
}

/** Total characters Discord counts toward the 6000 limit of one embed. */
export function embedLength(embed: DiscordEmbed): number {
  return (embed.title?.length ?? 0) + embed.description.length + (embed.footer?.text.length ?? 0);
}
