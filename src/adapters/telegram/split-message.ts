/**
 * Packs rendered blocks into Telegram messages of at most 4096 visible characters (what Telegram
 * counts: text after entity parsing, in UTF-16 units), cutting on block, then line boundaries,
 * and only inside an over-long line as a last resort. Order is kept and nothing is dropped.
 */
import type { Block, Line, Segment } from './render-reply.ts';
import { escapeAttr, escapeHtml } from './html.ts';

export const TELEGRAM_MAX_CHARS = 4096;

/** Visible length of one line. */
export function lineLength(line: Line): number {
  return line.reduce((n, s) => n + s.text.length, 0);
}

function linesLength(lines: Line[]): number {
  return lines.reduce((n, l) => n + lineLength(l), 0) + Math.max(0, lines.length - 1);
}

/** Cuts one line into pieces of at most `max` visible characters, preferring spaces, never inside a surrogate pair. */
export function splitLine(line: Line, max: number): Line[] {
  const out: Line[] = [];
  let cur: Segment[] = [];
  let room = max;
  const queue = line.map((s) => ({ ...s }));
  while (queue.length) {
    const s = queue.shift()!;
    if (s.text.length <= room) {
      cur.push(s);
      room -= s.text.length;
      continue;
    }
    let cut = room;
    const space = s.text.lastIndexOf(' ', cut - 1);
    if (space > cut / 2) cut = space + 1;
    const code = s.text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    if (cut > 0) cur.push({ ...s, text: s.text.slice(0, cut) });
    queue.unshift({ ...s, text: s.text.slice(cut) });
    if (cur.length) out.push(cur);
    cur = [];
    room = max;
  }
  if (cur.length) out.push(cur);
  return out;
}

export interface PackOptions {
  maxChars?: number;
  /** Start a new message after this many list items (paging). */
  maxItems?: number;
}

/** Packs blocks into messages (each a list of lines), blank line between blocks, in order. */
export function packBlocks(blocks: Block[], opts: PackOptions = {}): Line[][] {
  const max = opts.maxChars ?? TELEGRAM_MAX_CHARS;
  const chunks: Line[][] = [];
  let cur: Line[] = [];
  let curLen = 0;
  let items = 0;
  const flush = () => {
    while (cur.length && !lineLength(cur[cur.length - 1])) cur.pop();
    if (cur.length && linesLength(cur) > 0) chunks.push(cur);
    cur = [];
    curLen = 0;
    items = 0;
  };
  const addLine = (line: Line) => {
    if (!cur.length && !lineLength(line)) return; // no leading blank lines
    const len = lineLength(line);
    const next = cur.length ? curLen + 1 + len : len;
    if (next <= max) {
      cur.push(line);
      curLen = next;
      return;
    }
    flush();
    if (len <= max) {
      if (len) {
        cur.push(line);
        curLen = len;
      }
      return;
    }
    const pieces = splitLine(line, max);
    pieces.slice(0, -1).forEach((p) => chunks.push([p]));
    cur = [pieces[pieces.length - 1]];
    curLen = lineLength(cur[0]);
  };
  for (const block of blocks) {
    if (block.kind === 'item' && opts.maxItems && items >= opts.maxItems) flush();
    const blockLen = linesLength(block.lines);
    const joined = cur.length ? curLen + 2 + blockLen : blockLen;
    if (cur.length && joined > max && blockLen <= max) flush();
    if (cur.length) addLine([]);
    for (const line of block.lines) addLine(line);
    if (block.kind === 'item') items++;
  }
  flush();
  return chunks;
}

function segmentHtml(s: Segment): string {
  let html = escapeHtml(s.text);
  if (s.style) html = `<${s.style}>${html}</${s.style}>`;
  if (s.href) html = `<a href="${escapeAttr(s.href)}">${html}</a>`;
  return html;
}

/** The HTML (parse_mode HTML) of one packed message. */
export function linesToHtml(lines: Line[]): string {
  return lines.map((l) => l.map(segmentHtml).join('')).join('\n');
}

/** The text Telegram shows for one packed message (for tests and length checks). */
export function linesToText(lines: Line[]): string {
  return lines.map((l) => l.map((s) => s.text).join('')).join('\n');
}
