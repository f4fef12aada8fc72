/**
 * A short excerpt around the first match, cut from the ORIGINAL paragraph text (as written, in its
 * own script), never from the folded search form. Plain text: renderers escape it.
 */
import { foldWithOffsets, toSearchForm } from './search-text.ts';
import type { QueryTerm } from './parse-query.ts';

const BEFORE = 20;
const WIDTH = 90;

/** The excerpt of `paragraphs` around the first place any term occurs; the opening words when none does (title-only match). */
export function makeSnippet(paragraphs: string[], terms: QueryTerm[]): string {
  for (const t of terms) {
    for (const p of paragraphs) {
      const at = locate(p, t);
      if (at) return cut(p, at.start, at.end);
    }
  }
  const first = paragraphs.find((p) => p.trim()) ?? '';
  return cut(first, 0, 0);
}

/** Where `t` occurs in `text` (original offsets): exact text first, then through the folded form. */
function locate(text: string, t: QueryTerm): { start: number; end: number } | null {
  const direct = text.indexOf(t.raw);
  if (t.raw && direct >= 0) return { start: direct, end: direct + t.raw.length };
  const lower = text.toLowerCase();
  const quick = lower.length === text.length ? lower.indexOf(t.folded) : -1; // Trump ≈ trump without the per-character map
  if (quick >= 0) return { start: quick, end: quick + t.folded.length };
  if (!toSearchForm(text).includes(t.folded)) return null; // cheap whole-string check before the per-character map
  const { folded, offsets } = foldWithOffsets(text);
  const i = folded.indexOf(t.folded);
  if (i < 0) return null;
  const lastIndex = i + t.folded.length - 1;
  const end = lastIndex + 1 < offsets.length ? offsets[lastIndex + 1] : text.length;
  return { start: offsets[i], end: Math.max(end, offsets[lastIndex] + 1) };
}

function cut(text: string, start: number, end: number): string {
  const oneLine = (s: string) => s.replace(/\s+/g, ' ');
  if (text.length <= WIDTH) return oneLine(text.trim());
  let from = Math.max(0, start - BEFORE);
  let to = Math.min(text.length, Math.max(end, from + WIDTH));
  if (to - from > WIDTH && end - from <= WIDTH) to = from + WIDTH;
  // Do not split a surrogate pair at either edge.
  if (from > 0 && /[\udc00-\udfff]/.test(text[from])) from--;
  if (to < text.length && /[\udc00-\udfff]/.test(text[to])) to++;
  return `${from > 0 ? '…' : ''}${oneLine(text.slice(from, to).trim())}${to < text.length ? '…' : ''}`;
}
