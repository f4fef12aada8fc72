/**
 * Bounds how deeply an HTML page can nest before any DOM is built. Unclosed inline tags
 * (`<b>` ten thousand times) make every parser build a tree as deep as the tag count, and
 * everything after it (Readability, recursive walks, textContent) then costs quadratic time or
 * overflows the stack. One linear pass over the markup drops opening tags beyond the limits
 * (and their matching closing tags); text is never dropped.
 */

const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  // Closed implicitly by their next sibling in every HTML parser: they never nest deeply by themselves.
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'tbody', 'thead', 'tfoot',
]);
const INLINE = new Set([
  'a', 'b', 'i', 'u', 's', 'em', 'strong', 'font', 'span', 'small', 'big', 'strike', 'tt', 'code', 'nobr', 'sub', 'sup', 'mark', 'q', 'cite', 'abbr', 'del', 'ins',
]);
const RAW_TEXT = /^(?:script|style|textarea|title|xmp|noscript|template)$/;

/** Most elements open at once, counting only elements that can nest. */
export const MAX_HTML_DEPTH = 160;
/** Most elements of one inline name (b, span, font…) open at once. */
export const MAX_INLINE_REPEAT = 12;

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)(\/?)>/g;

/** Returns the markup with opening tags past the nesting limits removed; unchanged (same string) when within them. */
export function limitNesting(html: string, maxDepth = MAX_HTML_DEPTH, maxInline = MAX_INLINE_REPEAT): string {
  // The stack of open elements as a parser would keep it: a closing tag also closes what was left open inside it.
  const stack: string[] = [];
  const open = new Map<string, number>();
  const dropped = new Map<string, number>();
  let lower: string | null = null;
  let out: string[] | null = null;
  let last = 0;
  const cut = (from: number, to: number) => {
    out ??= [];
    out.push(html.slice(last, from));
    last = to;
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    if (!m[2]) continue; // comment
    const name = m[2].toLowerCase();
    const closing = m[1] === '/';
    if (!closing && RAW_TEXT.test(name)) {
      // Skip the element's raw text: markup inside <script> is not markup.
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${name}`, TOKEN.lastIndex);
      TOKEN.lastIndex = end < 0 ? html.length : end;
      continue;
    }
    if (VOID.has(name) || m[4] === '/') continue;
    if (closing) {
      const d = dropped.get(name) ?? 0;
      if (d > 0 && !(open.get(name) ?? 0)) {
        dropped.set(name, d - 1);
        cut(m.index, m.index + m[0].length);
        continue;
      }
      if (!(open.get(name) ?? 0)) continue;
      while (stack.length) {
        const top = stack.pop()!;
        open.set(top, (open.get(top) ?? 1) - 1);
        if (top === name) break;
      }
      continue;
    }
    const n = open.get(name) ?? 0;
    if (stack.length >= maxDepth || (INLINE.has(name) && n >= maxInline)) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      cut(m.index, m.index + m[0].length);
      continue;
    }
    open.set(name, n + 1);
    stack.push(name);
  }
  if (!out) return html;
  (out as string[]).push(html.slice(last));
  return (out as string[]).join('');
}
