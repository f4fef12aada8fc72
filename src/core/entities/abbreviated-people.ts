/**
 * People news names by one character in a fixed abbreviation: cups named after their donors
 * (汤杯 = 汤姆斯杯, 尤杯 = 尤伯杯, 汤尤杯 both), the doctrine of 马克思 and 列宁 (马列主义) and the lovers
 * of the legend (梁祝 = 梁山伯 and 祝英台). Each character is a mention of its person; the cup or
 * doctrine is not.
 */
import type { NameSpan } from './recognize-names.ts';
import type { Token } from './segment-names.ts';

const ABBREVIATED = /汤尤杯|汤杯|尤杯|马列|梁祝/g;

/** Adds to `out` (in order) the people named by a character of a fixed abbreviation in `simp`, where jieba's cut starts there. */
export function addAbbreviatedPeople(text: string, simp: string, tokens: Token[], out: NameSpan[]): void {
  if (!/[汤尤马梁]/.test(simp)) return;
  let changed = false;
  for (const m of simp.matchAll(ABBREVIATED)) {
    const start = m.index;
    // (赛马/nz 列入: the characters must open a word of their own; 一个 汤杯 is a cup for soup.)
    const at = tokens.findIndex((t) => t.start === start);
    if (at < 0 || (at > 0 && /^[mq]/.test(tokens[at - 1].tag))) continue;
    const people = m[0].endsWith('杯') ? m[0].length - 1 : m[0].length;
    const end = start + m[0].length;
    const inside = out.filter((s) => s.start < end && start < s.end);
    if (inside.some((s) => s.start < start || s.end > end)) continue;
    for (const s of inside) out.splice(out.indexOf(s), 1);
    for (let k = 0; k < people; k++) out.push({ start: start + k, end: start + k + 1, text: text.slice(start + k, start + k + 1), type: 'PER' });
    changed = true;
  }
  if (changed) out.sort((x, y) => x.start - y.start);
}
