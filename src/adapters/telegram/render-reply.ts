/**
 * Turns a platform-neutral Reply into styled lines (not yet markup), so splitting can count
 * visible characters and cut anywhere without breaking a tag or an entity.
 */
import type { Reply, ReplyLang } from '../../core/contract/types.ts';
import { neutralizeMentions, safeHttpUrl } from './html.ts';

/** A run of plain text with at most one style; `href` (already checked http(s)) makes it a link. */
export interface Segment {
  text: string;
  style?: 'b' | 'i' | 'code';
  href?: string;
}
export type Line = Segment[];

/** A group of lines kept together when possible: the head, one list item, the footer. */
export interface Block {
  lines: Line[];
  kind: 'head' | 'item' | 'tail';
}

function seg(text: string, style?: Segment['style'], href?: string): Segment {
  const s: Segment = { text: neutralizeMentions(text) };
  if (style) s.style = style;
  if (href) s.href = href;
  return s;
}

function textLines(text: string, style?: Segment['style']): Line[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => (l ? [seg(l, style)] : []));
}

/** Renders `reply` to blocks: title and intro, one numbered block per item, then the footer. */
export function renderReplyBlocks(reply: Reply, lang: ReplyLang): Block[] {
  const blocks: Block[] = [];
  const head: Line[] = [];
  if (reply.title) head.push([seg(reply.title, 'b')]);
  if (reply.intro) head.push(...textLines(reply.kind === 'error' ? `⚠️ ${reply.intro}` : reply.intro));
  if (head.length) blocks.push({ kind: 'head', lines: head });
  for (const [i, item] of reply.items.entries()) {
    const lines: Line[] = [];
    const url = safeHttpUrl(item.url);
    if (item.heading) lines.push([seg(item.heading, 'b', url ?? undefined)]);
    if (item.text) lines.push(...textLines(item.text));
    if (url && !item.heading) lines.push([seg(lang === 'en' ? 'Read more' : '閱讀全文', undefined, url)]);
    if (item.meta) lines.push(...textLines(item.meta, 'i'));
    // Numbered like the terminal chat, so "the third story" means the same everywhere (and across pages).
    if (lines.length && reply.items.length > 1) lines[0] = [{ text: `${i + 1}. ` }, ...lines[0]];
    if (lines.length) blocks.push({ kind: 'item', lines });
  }
  if (reply.footer) blocks.push({ kind: 'tail', lines: textLines(reply.footer, 'i') });
  if (!blocks.length) blocks.push({ kind: 'head', lines: [[seg(lang === 'en' ? '(nothing to show)' : '（沒有內容）', 'i')]] });
  return blocks;
}
