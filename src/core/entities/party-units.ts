/**
 * A party committee, group or branch is named by the unit it sits in, written as one character (or
 * 自治区) right before it: 乡 党委, 厅 党组, 村 党支部, 站 党委, 自治区 党委 are each one organisation,
 * however jieba tagged the unit (站/v) or glued it to the verb before it (任乡/x). With no unit
 * before it, 党委 or 党组 is a role or a meeting (董事长与党委书记, 党委会分设), not a body.
 */
import type { NameSpan } from './recognize-names.ts';
import type { Token } from './segment-names.ts';

const COMMITTEE = /^(?:党委|党组|党支部|党总支)/;
// What may follow the committee in the same token: its secretary's or member's title (党委书记).
const TITLE_AFTER = /^(?:副?书记|委员|常委)?$/;
// Units a committee sits in, written as one character: levels of government, departments, works.
const UNIT = /^(?:[省市县区乡镇村厅局站厂场所校院处]|自治区)$/;
// A verb or preposition the HMM glued to a level before it (任乡/x, 到村/x): the level is its last
// character. (嘎 措乡/x is a village's name cut in two: the committee is that village's.)
const GLUED_LEVEL = /^[任到在由向从对给为和与同是][乡镇村]$/;
const BARE = /^(?:党委|党组|党总支)会?$/;

/** The committee's length when `t` opens with one (and holds at most a title after it). */
function committeeAt(t: Token): number {
  const m = COMMITTEE.exec(t.word);
  return m && TITLE_AFTER.test(t.word.slice(m[0].length)) ? m[0].length : 0;
}

/** Adds to `out` (in order) the party units found in `tokens` (jieba's of `simp`, the Simplified `text`), and drops bare committees. */
export function addPartyUnits(text: string, simp: string, tokens: Token[], out: NameSpan[]): void {
  let changed = false;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const len = committeeAt(t);
    if (!len) continue;
    const prev = tokens[i - 1];
    const glued = !UNIT.test(prev.word) && prev.tag === 'x' && GLUED_LEVEL.test(prev.word);
    const unit = glued ? 1 : UNIT.test(prev.word) ? prev.word.length : 0;
    if (!unit) continue;
    const start = prev.end - unit;
    const end = t.start + len;
    const inside = out.filter((s) => s.start < end && start < s.end);
    // Not over a name found there (国税局 党组 is widened from the body), but over the bare committee,
    // or a body run through the glued verb (山区 任乡/x 党委).
    if (inside.some((s) => !(s.type === 'ORG' && s.end <= end && (s.start >= t.start || glued)))) continue;
    for (const s of inside) out.splice(out.indexOf(s), 1);
    out.push({ start, end, text: text.slice(start, end), type: 'ORG' });
    changed = true;
  }
  for (let k = out.length - 1; k >= 0; k--) {
    if (out[k].type === 'ORG' && BARE.test(simp.slice(out[k].start, out[k].end))) {
      out.splice(k, 1);
      changed = true;
    }
  }
  if (changed) out.sort((x, y) => x.start - y.start);
}
