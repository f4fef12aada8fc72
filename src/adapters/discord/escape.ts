/**
 * Escaping for untrusted text (article titles, names, extracts) shown in Discord markdown, and
 * the URL filter for links. Discord renders markdown in message content, embed titles and
 * descriptions, so every markdown character is backslash-escaped, mention syntax is broken
 * (`<@id>`, `<#id>`, `<@&id>` by escaping `<`; `@everyone`/`@here` by a zero-width space), and
 * masked links cannot form because brackets and parentheses are escaped.
 */

// Backslash first so later escapes are not doubled; then the characters Discord markdown reacts to
// anywhere in a line (emphasis, code, spoilers, links, mentions/channels/timestamps via `<`).
const MARKDOWN = /[\\*_~`|\[\]()<]/g;
// Block syntax only counts at a line start: headings, subtext (-#), quotes, lists ("- ", "+ ", "1. ").
const LINE_START = /^(\s*)([-#>+])/gm;
const ORDERED = /^(\s*\d+)\./gm;
const MASS_MENTION = /@(everyone|here)/gi;
const ZWSP = '\u200b';

/** Escapes `text` so that Discord shows it literally: no markdown, no mentions, no masked links. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(MARKDOWN, (c) => '\\' + c)
    .replace(LINE_START, '$1\\$2')
    .replace(ORDERED, '$1\\.')
    .replace(MASS_MENTION, (_m, word: string) => `@${ZWSP}${word}`);
}

/** For places Discord shows as plain text (embed footers, button labels): only mass mentions are broken. */
export function escapePlain(text: string): string {
  return text.replace(MASS_MENTION, (_m, word: string) => `@${ZWSP}${word}`);
}

/**
 * Returns `url` normalized when it is an absolute http(s) URL, else null. Parentheses and
 * spaces are percent-encoded so the URL cannot close a markdown link early.
 */
export function safeHttpUrl(url: string | undefined | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password) return null;
  return parsed.href.replace(/[()<>\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** A short, honest label for a link: its host name (the text cannot pretend to be another URL). */
export function linkLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return 'link';
  }
}
