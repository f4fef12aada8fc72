/**
 * Names in a list: news lists people with list commas (厉无畏、钮小明、朱培康), and a list names one
 * kind of thing. An item of a surname and one or two characters, right beside an item the rules
 * took for a person, is a person too, even when jieba read it as a word (厉无畏/i "fearless") or
 * did not know it (钮小明/x: 钮 is a rare surname).
 */
import { isWorldPlace } from './world-places.ts';
import { allHan, dictionaryTag, isCommonWord, type Token } from './segment-names.ts';
import { isChineseSurnameStart, isNonNameWord } from './name-lexicon.ts';
import { PERSON_AFTER, PERSON_BEFORE } from './person-words.ts';
import type { NameSpan } from './recognize-names.ts';

// Tags of words that stand around a name without being part of it (verbs, prepositions, particles, times…).
const AROUND = /^(?:v\w*|p|c|u\w*|d|r|m|f|t|q|y|e|o|x)$/;

// What a list of people is, after it (张孝华、张友香 父子, 王芳、李丽 两人).
const KIN = /^(?:父子|母子|父女|母女|夫妇|夫妻|兄弟|姐妹|兄妹|姐弟|师徒|二人|两人|三人|俩)$/;

interface Item {
  start: number;
  end: number;
}

/** Whether token `t` (or the text's edge, undefined) can stand next to a name without being part of it. */
function edge(t: Token | undefined, before: boolean): boolean {
  if (!t) return true;
  if (!allHan(t.word)) return true;
  return AROUND.test(t.tag) || (before ? PERSON_BEFORE : PERSON_AFTER).test(t.word) || (!before && KIN.test(t.word));
}

/**
 * The candidate names in a list item made of tokens a..b (inclusive), shortest first: the whole
 * item between two list commas; the last tokens of the list's first item (记者 刘正学、); the first
 * tokens of its last (、余华 等人): two or three characters bounded by words that stand around names.
 */
function candidates(tokens: Token[], a: number, b: number, first: boolean, last: boolean): Item[] {
  const len = (x: number, y: number) => tokens[y].end - tokens[x].start;
  if (!first && !last) return len(a, b) <= 3 ? [{ start: tokens[a].start, end: tokens[b].end }] : [];
  const out: Item[] = [];
  if (first) {
    for (let x = b; x >= a && len(x, b) <= 3; x--) if (len(x, b) >= 2 && edge(tokens[x - 1], true)) out.push({ start: tokens[x].start, end: tokens[b].end });
  } else {
    // A last item that ends the clause is whole (彭清源、徐起超、沈求/x 我/r，).
    // (Not when it ends in what the people did: 张俊义、王栋译，.)
    const closed = len(a, b) <= 3 && (!tokens[b + 1] || !allHan(tokens[b + 1].word)) && !/[译著编撰等说称]$/.test(tokens[b].word);
    if (closed && len(a, b) >= 2) out.push({ start: tokens[a].start, end: tokens[b].end });
    for (let y = a; y <= b && len(a, y) <= 3; y++) if (len(a, y) >= 2 && edge(tokens[y + 1], false) && !(closed && y === b)) out.push({ start: tokens[a].start, end: tokens[y].end });
  }
  return out;
}

/** Whether `word` (Simplified) can be a listed person's name. */
function nameLike(word: string): boolean {
  // (A rare surname the list's neighbour vouches for when the dictionary holds the whole as a name: 果永毅/nr.)
  if (!(isChineseSurnameStart(word) || /^nr/.test(dictionaryTag(word))) || isNonNameWord(word) || isWorldPlace(word)) return false;
  // A word the dictionary knows as a place or an organisation is one (王府井、西单); a common word
  // is that word (宗教), unless it is a set phrase of three characters (厉无畏/i); so is a word
  // that starts with one (戈壁都).
  const tag = dictionaryTag(word);
  if (/^n[st]/.test(tag) || (isCommonWord(word) && !(tag === 'i' && word.length === 3))) return false;
  return word.length === 2 || !isCommonWord(word.slice(0, 2));
}

/** Adds to `out` (the rules' spans, in order) the people listed beside a person in `simp`; `text` is the original. */
export function addListedPeople(text: string, simp: string, tokens: Token[], out: NameSpan[]): void {
  if (!simp.includes('、') || !out.some((s) => s.type === 'PER')) return;
  // Runs of Han tokens, each with whether a list comma follows it.
  const runs: { a: number; b: number; comma: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!allHan(tokens[i].word)) continue;
    let j = i;
    while (j + 1 < tokens.length && allHan(tokens[j + 1].word) && tokens[j + 1].start === tokens[j].end) j++;
    runs.push({ a: i, b: j, comma: tokens[j + 1]?.word === '、' });
    i = j;
  }
  const added: NameSpan[] = [];
  for (let k = 0; k < runs.length; k++) {
    const { a, b } = runs[k];
    const listedAfter = k > 0 && runs[k - 1].comma && tokens[runs[k - 1].b].end + 1 === tokens[a].start;
    const listedBefore = runs[k].comma && k + 1 < runs.length && tokens[b].end + 1 === tokens[runs[k + 1].a].start;
    if (!listedAfter && !listedBefore) continue;
    // A person in the item next to it: that item's name ends at the comma before, or starts right after the comma after.
    const prevPerson = listedAfter && out.some((s) => s.type === 'PER' && s.end === tokens[runs[k - 1].b].end);
    const nextPerson = listedBefore && out.some((s) => s.type === 'PER' && s.start === tokens[runs[k + 1].a].start);
    if (!prevPerson && !nextPerson) continue;
    // An item between two commas that is longer than a name pairs two (许银川、高懿屏 对 单霞丽、黄薇): its
    // end is read beside the person after it, its start beside the person before.
    const paired = listedAfter && listedBefore && tokens[b].end - tokens[a].start > 3;
    const found = paired
      ? [...(nextPerson ? candidates(tokens, a, b, true, false) : []), ...(prevPerson ? candidates(tokens, a, b, false, true) : [])]
      : candidates(tokens, a, b, !listedAfter, !listedBefore);
    const item = found.find((x) => nameLike(simp.slice(x.start, x.end)) && (!paired || !out.some((s) => s.start < x.end && x.start < s.end)));
    if (!item) continue;
    let over = out.filter((s) => s.start < item.end && item.start < s.end);
    // A one-character place the tagger read inside the name is part of it (张友/x 香/ns 父子).
    const lone = over.filter((s) => s.type === 'LOC' && s.end - s.start === 1 && s.start > item.start && s.end <= item.end);
    if (lone.length && lone.length === over.length) {
      for (const s of lone) out.splice(out.indexOf(s), 1);
      over = [];
    }
    // A person the rules cut short (徐起/x 超/v、) is the whole item.
    if (over.length === 1 && over[0].type === 'PER' && over[0].start === item.start && over[0].end < item.end && item.end - item.start === 3) {
      over[0].end = item.end;
      over[0].text = text.slice(item.start, item.end);
      continue;
    }
    if (over.length) continue;
    added.push({ start: item.start, end: item.end, text: text.slice(item.start, item.end), type: 'PER' });
  }
  if (!added.length) return;
  out.push(...added);
  out.sort((x, y) => x.start - y.start);
}
