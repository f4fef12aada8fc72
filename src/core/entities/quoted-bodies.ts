/**
 * A body named in quotation marks (成立了“临时非常委员会”, 达沃斯“世界经济论坛”, 「中央流行疫情指挥中心」):
 * news quotes a new or unfamiliar body's full name, so what the marks hold is one organisation when
 * it ends like one and reads as a name, however jieba cut its common words (世界/n 经济/n 论坛/n).
 */
import type { NameSpan } from './recognize-names.ts';
import { allHan, type Token } from './segment-names.ts';

const QUOTED = /[“「『]([^“”「」『』]{5,14})[”」』]/g;
// What a body's full name ends with (a bare 会, 部 or 所 ends too many other phrases).
const BODY_END = /(?:委员会|组委会|理事会|研究会|联合会|协会|学会|基金会|基金|论坛|领导小组|小组|工作组|集团|公司|银行|组织|联盟|俱乐部|研究所|研究院|学院|大学|中心|办公室|管理局|局|党)$/;
// Tags never inside a body's name: pronouns, prepositions, particles, numerals, interjections (“空洞的中心”, “把所有东西学会”).
const NOT_IN_NAME = /^(?:r\w*|p|u\w*|m|q|y|e|o)$/;

/** Whether the tokens from `start` to `end` read as a body's name: whole tokens, Han only, no function words, not opening with a verb. */
function readsAsName(tokens: Token[], start: number, end: number): boolean {
  const inside = tokens.filter((t) => t.start >= start && t.end <= end);
  if (!inside.length || inside[0].start !== start || inside[inside.length - 1].end !== end) return false;
  // (A call or slogan opens with a verb: “敦促尊重法国当局”.)
  if (inside[0].tag === 'v') return false;
  return inside.every((t) => allHan(t.word) && !NOT_IN_NAME.test(t.tag));
}

/** Adds to `out` (in order) the bodies named in quotation marks in `simp`, replacing the names found inside them. */
export function addQuotedBodies(text: string, simp: string, tokens: Token[], out: NameSpan[]): void {
  if (!/[“「『]/.test(simp)) return;
  let changed = false;
  for (const m of simp.matchAll(QUOTED)) {
    const start = m.index + 1;
    const end = start + m[1].length;
    if (!BODY_END.test(m[1]) || !readsAsName(tokens, start, end)) continue;
    const inside = out.filter((s) => s.start < end && start < s.end);
    if (inside.some((s) => s.start < start || s.end > end)) continue;
    if (inside.length === 1 && inside[0].start === start && inside[0].end === end) continue;
    for (const s of inside) out.splice(out.indexOf(s), 1);
    // A place the name starts with is a mention of it too (俄罗斯 in “俄罗斯联邦委员会”).
    const inner = inside.filter((s) => s.start === start && s.type === 'LOC');
    out.push({ start, end, text: text.slice(start, end), type: 'ORG', ...(inner.length ? { inner } : {}) });
    changed = true;
  }
  if (changed) out.sort((x, y) => x.start - y.start);
}
