/**
 * Plain markdown bodies (Jekyll posts without HTML): paragraphs split on blank lines with the
 * markup removed; links keep their text, images and raw HTML comments are dropped.
 */

/** Markdown → display paragraphs (headings kept as their own paragraph). */
export function markdownToParagraphs(md: string): string[] {
  return md
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^```[\s\S]*?^```/gm, (block) => block.replace(/^```.*$/gm, ''))
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)/, '').replace(/^[-=]{3,}\s*$/, ''))
        .join(' ')
        .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/<[^>]+>/g, '')
        .replace(/(\*\*|__|\*|_|`)(\S[^\n]*?\S|\S)\1/g, '$2')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}
