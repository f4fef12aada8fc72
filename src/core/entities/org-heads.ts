/**
 * What stands before an organisation's name and belongs to it: the administrative level news
 * writes as one character (县 人大内司委, 乡 党委, 市 青年志愿者协会), a government (市政府 新闻处), or
 * the town a party committee is of (薛埠镇 党委), a name the rules took for a person (萨帕塔
 * 全国民族解放军); what stands after it and belongs to it: a department (联合国 禁毒署); and a
 * place's team whose 队 the HMM glued to the word after it (哥伦比亚 队以/x).
 */
import type { TokenIndex } from './rule-scan.ts';
import type { Token } from './segment-names.ts';
import { isKnownOrganisation } from './world-places.ts';
import type { NameSpan } from './recognize-names.ts';

const LEVEL = /^[省市县乡镇区]$/;
// One-character function words the HMM glues after 队 (队以, 队在, 队和).
const GLUED_AFTER_TEAM = new Set('以在和与对把被将于及的也都已又还则就');
const GOVERNMENT = /^[省市县区乡镇]政府$/;
// Committees named by where they sit, with nothing of their own (党委, 县委, 党组).
const COMMITTEE = /^(?:党委|党组|党支部|县委|市委|镇委|乡党委|人大|政协)$/;

// A department or office inside a body, as its last word (禁毒署, 科技司, 研究室, 法工委).
const SUB_UNIT = /^[\u4e00-\u9fff]{1,4}(?:署|司|局|处|室|办|委)$/;
// …of which these are words of their own, not departments (上司, 官司, 当局, 结局, 格局).
const NOT_SUB_UNIT = /^(?:上司|官司|公司|寿司|当局|结局|格局|布局|大局|全局|出局|骗局|时局|政局|开局|卧室|教室|密室|到处|好处|坏处|用处|难处|四处|处处|住处|此处|之处|何处|出处)$/;

/**
 * A body's department written right after it (联合国 禁毒署/v, 科学技术部 农村 科技司, 致公党 中央):
 * one organisation, whatever jieba tagged the department. At most one plain word between.
 */
function widenOverSubUnit(text: string, byStart: Map<number, Token>, out: NameSpan[], k: number): void {
  const s = out[k];
  const next = byStart.get(s.end);
  if (!next) return;
  // A party's central committee (致公党 中央, 民革 中央).
  const central = next.word === '中央' && s.text.endsWith('党') ? next : undefined;
  const unit = central ?? (isSubUnit(next) ? next : undefined);
  const between = !unit && next.tag === 'n' && next.word.length === 2 ? byStart.get(next.end) : undefined;
  const last = unit ?? (between && isSubUnit(between) ? between : undefined);
  // (Not over a name found there already.)
  if (last && !(k + 1 < out.length && out[k + 1].start < last.end)) widen(text, s, last.end);
  // Its party group with the secretary's title glued on (国税局 党组书记/n): the group is the body's.
  else if (!last && GROUP_TITLE.test(next.word)) widen(text, s, next.start + 2);
  // Its branch, found as a body of its own (中国国际贸易促进委员会 北京市分会): one organisation.
  else if (!last && k + 1 < out.length && out[k + 1].start === s.end && out[k + 1].type === 'ORG' && out[k + 1].text.endsWith('分会')) {
    const branch = out.splice(k + 1, 1)[0];
    widen(text, s, branch.end);
  }
}

// A party group or committee glued to its secretary's title (党组书记, 党委副书记).
const GROUP_TITLE = /^(?:党组|党委)(?:副)?书记$/;

// Countries listed before a team they field together (中国、斯洛伐克 联合登山队, 中、斯 登山队).
const PARTNERS = /((?:[\u4e00-\u9fff]{1,6}、)+[\u4e00-\u9fff]{1,6}?)(联合)?$/;

/**
 * A team fielded by countries listed right before it is one organisation with them (中国、斯洛伐克
 * 联合登山队, 中、斯登山队): each item a place found there or a one-character abbreviation. The
 * places stay inner mentions. Returns the team's index in `out` after the change.
 */
function widenOverPartners(text: string, out: NameSpan[], k: number): number {
  const s = out[k];
  const m = PARTNERS.exec(text.slice(Math.max(0, s.start - 20), s.start));
  if (!m) return k;
  const items = m[1].split('、');
  if (items.length < 2) return k;
  const start = s.start - m[0].length;
  let at = start;
  for (const item of items) {
    if (item.length !== 1 && !out.some((o) => o.type === 'LOC' && o.start === at && o.end === at + item.length)) return k;
    at += item.length + 1;
  }
  // The places found before it become its inner mentions.
  const places = out.filter((o) => o.end <= s.start && o.start >= start);
  if (places.some((o) => o.type !== 'LOC')) return k;
  for (const o of places) out.splice(out.indexOf(o), 1);
  const index = out.indexOf(s);
  out[index] = { start, end: s.end, text: text.slice(start, s.end), type: 'ORG', inner: places };
  return index;
}

// A legislature or committee by its term (第六届 全国人大, 六届 人大常委会): the term is part of its name.
const TERM = /^第?[一二三四五六七八九十]{1,3}届$/;
const BY_TERM = /(?:人大|人民代表大会|常委会|政协|委员会)$/;
// 组织 written after a body's short name (欧佩克 组织/v, 北约 组织) names the body; 组织了 is the verb.
const ORGANISATION_WORD = '组织';
const VERB_AFTER = /^[了过着起]/;

function isSubUnit(t: Token): boolean {
  return (t.word.length >= 3 && SUB_UNIT.test(t.word) && !NOT_SUB_UNIT.test(t.word)) || BODY_PART.test(t.word);
}

// A body's own party group, committee or branch, written right after it (国税局 党组, 贸促会 北京市分会).
const BODY_PART = /^(?:党组|党委|[\u4e00-\u9fff]{0,3}分会)$/;

function widen(text: string, s: NameSpan, end: number): void {
  if (!s.inner) s.inner = [{ start: s.start, end: s.end, text: s.text, type: s.type }];
  s.end = end;
  s.text = text.slice(s.start, end);
}

/** Whether a span is a listed organisation, asked in Simplified (its one token's word) as the list is written. */
function knownBody(s: NameSpan, byStart: TokenIndex['byStart']): boolean {
  const token = byStart.get(s.start);
  return isKnownOrganisation(token && token.end === s.end ? token.word : s.text);
}

/** Widens the organisations in `out` (the rules' spans, in order) over the level, government or town before them, and makes glued teams. */
export function widenOrganisations(text: string, { byStart, byEnd }: TokenIndex, out: NameSpan[]): void {
  for (let k = 0; k < out.length; k++) {
    const s = out[k];
    // A team the HMM glued to the word after it (哥伦比亚 队以/x 1∶0 击败): the place and 队.
    const glued = s.type === 'LOC' ? byStart.get(s.end) : undefined;
    if (glued && glued.tag === 'x' && glued.word.length === 2 && glued.word[0] === '队' && GLUED_AFTER_TEAM.has(glued.word[1])) {
      out[k] = { start: s.start, end: s.end + 1, text: text.slice(s.start, s.end + 1), type: 'ORG', inner: [s] };
      continue;
    }
    if (s.type === 'LOC' && /[镇乡县市]$/.test(s.text)) {
      // The town before a committee: one name (薛埠镇 党委).
      const committee = byStart.get(s.end);
      if (committee && COMMITTEE.test(committee.word) && !(k + 1 < out.length && out[k + 1].start < committee.end)) {
        out[k] = { start: s.start, end: committee.end, text: text.slice(s.start, committee.end), type: 'ORG', inner: [s] };
      }
      continue;
    }
    if (s.type === 'ORG' && s.text.endsWith('队')) k = widenOverPartners(text, out, k);
    if (s.type === 'ORG') widenOverSubUnit(text, byStart, out, k);
    // A name the rules took for a person, right before an organisation, names it (萨帕塔 全国民族解放军,
    // 杜马 议会党团, 桥本 内阁): one organisation. (A dotted full name stays the person: 托马斯·杰斐逊 基金会 is found whole.)
    const before = s.type === 'ORG' && k > 0 ? out[k - 1] : undefined;
    // Not when the organisation is named on its own: a listed one, or one a place or body opens (特朗普 白宫, 伍子胥 中国海军).
    if (before && before.type === 'PER' && before.end === s.start && !before.text.includes('·') && !s.inner && !knownBody(s, byStart)) {
      out.splice(k - 1, 2, { start: before.start, end: s.end, text: text.slice(before.start, s.end), type: 'ORG' });
      k--;
      continue;
    }
    const prev = s.type === 'ORG' ? byEnd.get(s.start) : undefined;
    if (prev && TERM.test(prev.word) && BY_TERM.test(s.text) && !(k > 0 && out[k - 1].end > prev.start)) {
      out[k] = { start: prev.start, end: s.end, text: text.slice(prev.start, s.end), type: 'ORG', inner: [s] };
      continue;
    }
    const word = s.type === 'ORG' ? byStart.get(s.end) : undefined;
    if (word?.word === ORGANISATION_WORD && knownBody(s, byStart) && !VERB_AFTER.test(text.slice(word.end, word.end + 1)) && !(k + 1 < out.length && out[k + 1].start < word.end)) widen(text, s, word.end);
    if (prev && !(k > 0 && out[k - 1].end > prev.start) && (LEVEL.test(prev.word) || GOVERNMENT.test(prev.word))) {
      s.start = prev.start;
      s.text = text.slice(s.start, s.end);
    }
  }
}
