/**
 * Telegram HTML parse mode helpers. Telegram has no escape helper in grammY, and everything we
 * send comes from untrusted article text, so every string passes through here exactly once.
 */

/** Escapes text content for Telegram HTML: `&`, `<`, `>` (the only three it requires). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (href): the three text escapes plus both quote characters. */
export function escapeAttr(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Returns the normalized URL when it is absolute http(s), else null (javascript:, data:, tg:, relative…). */
export function safeHttpUrl(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if (u.username || u.password) return null;
    return u.href;
  } catch {
    return null;
  }
}

/**
 * Keeps untrusted text from mentioning anyone: a word joiner (U+2060) after `@` stops Telegram
 * from turning `@someone` into a mention, while the text still reads the same.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(?=[\p{L}\p{N}_])/gu, '@\u2060');
}
