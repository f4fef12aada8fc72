/** The rejects log: one row per input that could not become an article, with its one-line reason. */
import type { Stores } from '../store/stores.ts';

export interface Reject {
  file: string;
  reason: string;
}

/** Records a reject; reasons are flattened to one line so every reject prints as `path: reason`. */
export async function recordReject(stores: Stores, file: string, reason: string, at: Date = new Date()): Promise<Reject> {
  const line = oneLine(reason);
  await stores.articles.recordReject(file, line, at.toISOString());
  return { file, reason: line };
}

/** Collapses whitespace and newlines and caps the length, so a reason never spans lines. */
export function oneLine(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > 240 ? s.slice(0, 239) + '…' : s;
}

/**
 * A file name safe to print on one terminal line: control characters (newline, ESC of a
 * terminal escape sequence, DEL, C1) and backslashes written as escapes, the rest kept.
 */
export function escapeName(name: string): string {
  return name.replace(/[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}
