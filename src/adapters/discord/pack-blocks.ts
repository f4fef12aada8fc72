/**
 * Packs rendered blocks (one per reply item) into pages under a character limit, keeping a
 * block whole when it fits and breaking only an oversized one between its lines, so that a
 * long answer is spread over several pages in order with nothing dropped.
 */

/** A rendered block: atomic lines, each already within the page limit (see splitText). */
export type Block = string[];

/**
 * Splits raw `text` into pieces whose rendered form (`render(piece)`) is at most `max` characters,
 * cutting at whitespace when possible and between code points otherwise. Cutting the raw text
 * (not the rendered one) means an escape sequence is never cut in half.
 */
export function splitText(text: string, max: number, render: (s: string) => string): string[] {
  if (render(text).length <= max) return [text];
  const out: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) out.push(current.trim());
    current = '';
  };
  for (const word of text.split(/(\s+)/)) {
    if (!word) continue;
    if (render(current + word).length <= max) {
      current += word;
      continue;
    }
    flush();
    if (/^\s+$/.test(word)) continue;
    if (render(word).length <= max) {
      current = word;
      continue;
    }
    for (const ch of Array.from(word)) {
      if (render(current + ch).length > max) flush();
      current += ch;
    }
  }
  flush();
  return out;
}

const joinedLength = (lines: string[]) => lines.reduce((n, l) => n + l.length, 0) + Math.max(0, lines.length - 1);

/**
 * Packs `blocks` into pages of at most `maxChars` characters (blocks separated by a blank line)
 * and at most `maxBlocks` blocks each; the first `uncounted` blocks (an intro) do not count toward
 * `maxBlocks`. Every line must already fit `maxChars`. Returns at least one page.
 */
export function packBlocks(blocks: Block[], maxChars: number, maxBlocks = Infinity, uncounted = 0): string[] {
  const pages: string[] = [];
  let lines: string[] = [];
  let count = 0;
  const flush = () => {
    if (lines.length) pages.push(lines.join('\n'));
    lines = [];
    count = 0;
  };
  blocks.forEach((block, index) => {
    if (!block.length) return;
    const weight = index < uncounted ? 0 : 1;
    const candidate = lines.length ? [...lines, '', ...block] : block;
    if (count + weight <= maxBlocks && joinedLength(candidate) <= maxChars) {
      lines = [...candidate];
      count += weight;
      return;
    }
    flush();
    if (joinedLength(block) <= maxChars) {
      lines = [...block];
      count = weight;
      return;
    }
    // Oversized block: break it between its lines, continuing on the next pages.
    for (const line of block) {
      if (lines.length && joinedLength([...lines, line]) > maxChars) flush();
      lines.push(line);
    }
    count = weight;
  });
  flush();
  return pages.length ? pages : [''];
}
