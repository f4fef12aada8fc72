/**
 * Renders a Reply as plain text for the terminal: title, intro, a numbered list, footer.
 * Article text is untrusted: control characters (terminal escape sequences) are removed and
 * only http(s) links are printed.
 */
import type { Reply } from '../../core/contract/types.ts';

// CSI (ESC [ … final byte) and OSC (ESC ] … BEL or ST) sequences, removed whole.
const ESCAPES = /\u001b\[[0-?]*[ -\/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u009b[0-?]*[ -\/]*[@-~]/g;
// Everything below U+0020 except newline and tab, DEL, C1 controls, bidi overrides.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Untrusted text made safe to print: no escape sequences or bidi tricks. */
export function cleanForTerminal(text: string): string {
  return text.replace(ESCAPES, '').replace(UNSAFE, '');
}

/** The plain-text form of `reply`, with no trailing newline. */
export function renderPlain(reply: Reply): string {
  const out: string[] = [];
  if (reply.title) out.push(cleanForTerminal(reply.title));
  if (reply.intro) out.push(cleanForTerminal(reply.intro));
  if ((reply.title || reply.intro) && reply.items.length) out.push('');
  reply.items.forEach((item, i) => {
    const lines: string[] = [];
    if (item.heading) lines.push(cleanForTerminal(item.heading));
    if (item.text) lines.push(cleanForTerminal(item.text));
    if (item.meta) lines.push(cleanForTerminal(item.meta));
    if (item.url && /^https?:\/\//i.test(item.url)) lines.push(cleanForTerminal(item.url));
    const num = `${i + 1}. `;
    lines.forEach((l, j) => out.push((j === 0 ? num : ' '.repeat(num.length)) + l.replace(/\n/g, '\n' + ' '.repeat(num.length))));
  });
  if (reply.footer) {
    if (reply.items.length) out.push('');
    out.push(cleanForTerminal(reply.footer));
  }
  return out.join('\n');
}
