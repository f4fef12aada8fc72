/**
 * What title marks name. A paper or magazine is named in them (《朝日新闻》, 《经济周刊》, 《新皇冠报》): what the
 * marks hold is the organisation when it ends like a periodical. Books, films and columns in the
 * same marks end otherwise, and a phrase (《过去的新闻》) is no title of a paper. A title that is a
 * person's full name alone (《花木兰》) names that person, and a title followed by what it is
 * (《时代》周刊) is the periodical.
 */
import type { NameSpan } from './recognize-names.ts';
import { dictionaryTag, isCommonWord } from './segment-names.ts';
import { isChineseSurnameStart, isNonNameWord } from './name-lexicon.ts';

const PERIODICAL = /^[^《》「」、，。！？\s的之]{1,10}(?:报|新闻|周刊|月刊|杂志|画报|周报|时报|日报|晚报)$/;
const TITLE = /《([^《》]{2,12})》/g;

// What a periodical is, written after its title (《时代》周刊, 《科学》杂志).
const KIND_AFTER = /^(?:周刊|杂志|月刊|画报|周报|日报|晚报)/;

/**
 * A periodical written as its title and what it is (《时代》周刊, 美国《科学》杂志): one organisation
 * from the title mark (or the country right before it) to the end, the country an inner mention.
 */
function namedPeriodical(text: string, start: number, end: number, out: NameSpan[]): boolean {
  if (out.some((s) => s.start < end && start < s.end && (s.start < start || s.end > end))) return false;
  const country = out.find((s) => s.type === 'LOC' && s.end === start);
  for (const s of out.filter((o) => o.start >= start && o.end <= end)) out.splice(out.indexOf(s), 1);
  if (country) out.splice(out.indexOf(country), 1);
  const from = country ? country.start : start;
  // Known by its title and kind, without the marks or the country (时代周刊).
  const name = text.slice(start, end).replace(/[《》]/g, '');
  out.push({ start: from, end, text: text.slice(from, end), type: 'ORG', name, ...(country ? { inner: [country] } : {}) });
  return true;
}

/**
 * A book, play or film titled with a full name alone (《花木兰》) is about that person: the name is
 * one when the dictionary knows it as a name of three characters and it is not a word with a
 * surname before it (《蓝蝴蝶》, 《薄荷糖》). Returns whether it added one.
 */
function namedAfterPerson(text: string, title: string, start: number, out: NameSpan[]): boolean {
  // (Two characters are as often a book or thing the dictionary tags nr: 《周礼》, 《隋书》, 《石英》.)
  if (title.length !== 3 || !/^nr/.test(dictionaryTag(title)) || !isChineseSurnameStart(title) || isNonNameWord(title)) return false;
  // Three characters that start or end with a word are that word and more (薄荷糖, 全家福, 蓝蝴蝶),
  // unless the rest is a given name (花木 兰: 木兰/nr).
  if (isCommonWord(title.slice(1)) || (isCommonWord(title.slice(0, 2)) && !/^nr/.test(dictionaryTag(title.slice(1))))) return false;
  const end = start + title.length;
  if (out.some((s) => s.start < end && start < s.end)) return false;
  out.push({ start, end, text: text.slice(start, end), type: 'PER' });
  return true;
}

/** Adds to `out` (in order) the periodicals named in title marks in `simp`, replacing the names found inside them. */
export function addPeriodicals(text: string, simp: string, out: NameSpan[]): void {
  if (!simp.includes('《')) return;
  let changed = false;
  for (const m of simp.matchAll(TITLE)) {
    const start = m.index + 1;
    const end = start + m[1].length;
    if (!PERIODICAL.test(m[1])) {
      const kind = KIND_AFTER.exec(simp.slice(end + 1, end + 4));
      if (kind) changed = namedPeriodical(text, start - 1, end + 1 + kind[0].length, out) || changed;
      else if (namedAfterPerson(text, m[1], start, out)) changed = true;
      continue;
    }
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
