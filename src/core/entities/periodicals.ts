/**
 * A paper or magazine is named in title marks (《朝日新闻》, 《经济周刊》, 《新皇冠报》): what the
 * marks hold is the organisation when it ends like a periodical. Books, films and columns in the
 * same marks end otherwise, and a phrase (《过去的新闻》) is no title of a paper.
 */
import type { NameSpan } from './recognize-names.ts';

const PERIODICAL = /^[^《》「」、，。！？\s的之]{1,10}(?:报|新闻|周刊|月刊|杂志|画报|周报|时报|日报|晚报)$/;
const TITLE = /《([^《》]{2,12})》/g;

/** Adds to `out` (in order) the periodicals named in title marks in `simp`, replacing the names found inside them. */
export function addPeriodicals(text: string, simp: string, out: NameSpan[]): void {
  if (!simp.includes('《')) return;
  let changed = false;
  for (const m of simp.matchAll(TITLE)) {
    if (!PERIODICAL.test(m[1])) continue;
    const start = m.index + 1;
    const end = start + m[1].length;
    const inside = out.filter((s) => s.start < end && start < s.end);
    if (inside.some((s) => s.start < start || s.end > end)) continue;
    if (inside.length === 1 && inside[0].start === start && inside[0].end === end && inside[0].type === 'ORG') continue;
    for (const s of inside) out.splice(out.indexOf(s), 1);
    // A place the name starts with is a mention of it too (天津 in 天津日报).
    const inner = inside.filter((s) => s.start === start && s.type === 'LOC');
    out.push({ start, end, text: text.slice(start, end), type: 'ORG', ...(inner.length ? { inner } : {}) });
    changed = true;
  }
  if (changed) out.sort((x, y) => x.start - y.start);
}
