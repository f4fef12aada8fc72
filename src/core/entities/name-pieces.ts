/**
 * Foreign names the rules found in pieces: jieba cuts an unknown transliteration wherever its
 * dictionary has a word (格雷特/nr 施莱格/nr, 莉萨·科斯/… 马斯), or leaves a first or last syllable
 * alone (戈 麦尔斯 基, 鲁西亚 努). Two person pieces that meet, or are one or two transliteration
 * syllables apart, are one name; a lone syllable at either end of a transliterated name belongs to it.
 */
import { isTranslitChar } from './alias-pairs.ts';
import { allHan, isDictionaryWord, isFrequentPair, type Token } from './segment-names.ts';
import type { NameSpan } from './recognize-names.ts';
import type { TokenIndex } from './rule-scan.ts';
import { LOC_SUFFIX } from './name-parts.ts';
import { isKnownPlace } from './known-places.ts';

const JOINERS = /^[·・．‧—-]$/;
// Tags a lone syllable may carry (an unknown word, a noun, a name); a function word or a verb
// (曾/d, 让/v, 及/c, 那/r) stands beside a name, not inside it.
const SYLLABLE_TAGS = /^(?:x|n|ng|nr\w*|nz|j)$/;

/** Whether every character of `w` is a transliteration syllable or a name joiner, with at least two syllables. */
function translit(w: string): boolean {
  let n = 0;
  for (const ch of w) {
    if (JOINERS.test(ch)) continue;
    if (!isTranslitChar(ch)) return false;
    n++;
  }
  return n >= 2;
}

/** Whether offset `at` of `simp` is a one-character token that is a transliteration syllable. */
function loneSyllable(byStart: Map<number, Token>, simp: string, at: number): boolean {
  const t = byStart.get(at);
  return !!t && t.end === at + 1 && allHan(t.word) && isTranslitChar(simp[at]) && SYLLABLE_TAGS.test(t.tag) && !LOC_SUFFIX.has(t.word);
}

// Pronouns that stand before a name, never a syllable of it (那 布什, 这 …).
const DEMONSTRATIVE = new Set('那这其此该各每某');

/** Whether token `t` (one or two characters before a name) is first syllables jieba read as a place or pronoun. */
function firstSyllables(t: Token): boolean {
  // (A word the dictionary counts often is a word: 哥哥/ns 米哈伊尔.)
  if (t.word.length > 2 || !translit(t.word + t.word) || DEMONSTRATIVE.has(t.word[0]) || (t.word.length === 2 && isFrequentPair(t.word))) return false;
  return (t.tag === 'ns' && !isKnownPlace(t.word)) || (t.tag === 'r' && t.word.length === 1);
}

/** Joins the pieces of foreign names in `out` (the rules' spans, in order), in place. */
export function joinNamePieces(text: string, simp: string, { byStart, byEnd }: TokenIndex, out: NameSpan[]): void {
  const taken = (at: number) => out.some((s) => s.start <= at && at < s.end);
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k];
    const b = out[k + 1];
    if (a.type !== 'PER' || b.type !== 'PER' || !translit(simp.slice(a.start, a.end)) || !translit(simp.slice(b.start, b.end))) continue;
    const gap = simp.slice(a.end, b.start);
    // The gap: joiners and lone syllables, or one transliterated word jieba read otherwise (马·莱 万多/m 夫斯基).
    const gapWord = byStart.get(a.end);
    const oneWord = !!gapWord && gapWord.end === b.start && translit(gapWord.word) && (SYLLABLE_TAGS.test(gapWord.tag) || gapWord.tag === 'm');
    if (gap.length > 2 || !(oneWord || [...gap].every((ch, n) => JOINERS.test(ch) || loneSyllable(byStart, simp, a.end + n)))) continue;
    out.splice(k, 2, { start: a.start, end: b.end, text: text.slice(a.start, b.end), type: 'PER' });
    k--;
  }
  for (const s of out) {
    if (s.type !== 'PER' || s.inner || !translit(simp.slice(s.start, s.end))) continue;
    // A joiner and transliterated words after it that no rule took go on the name (约翰 — 格伦/x).
    while (JOINERS.test(simp[s.end] ?? '')) {
      let k = s.end + 1;
      for (let t = byStart.get(k); t && !taken(k) && translit(t.word) && SYLLABLE_TAGS.test(t.tag); t = byStart.get(k)) k = t.end;
      if (k === s.end + 1) break;
      s.end = k;
    }
    // A last syllable the HMM glued to the word after it (爱德华·斯诺 登说/x): 说 is a word, 登说 is not.
    const glued = byStart.get(s.end);
    if (glued && glued.tag === 'x' && glued.word.length === 2 && !taken(s.end) && isTranslitChar(glued.word[0]) && isDictionaryWord(glued.word[1]) && !isDictionaryWord(glued.word)) s.end += 1;
    // The -sky ending jieba reads as an adjective (麦尔斯/nr 基/a): the name's last syllable.
    const sky = simp[s.end - 1] === '斯' ? byStart.get(s.end) : undefined;
    if (sky && sky.word === '基' && !taken(s.end)) s.end += 1;
    // A lone syllable right after, then no more Han (鲁西亚 努，) or a word of its own (安德雷 斯 和).
    else if (s.end < simp.length && !taken(s.end) && loneSyllable(byStart, simp, s.end)) {
      const next = byStart.get(s.end + 1);
      if (!next || !allHan(next.word) || !isTranslitChar(next.word[0])) s.end += 1;
    }
    // A first syllable or two jieba read as a place or a pronoun (别/r 列日纳亚, 伊/ns 拉拉, 西卡/ns
    // 鲁利泽), at the start of a run of transliteration: the name's own.
    const first = byEnd.get(s.start);
    const head = first && first.start < s.start && !taken(first.start) && firstSyllables(first) ? first : undefined;
    if (head || (s.start > 0 && !taken(s.start - 1) && loneSyllable(byStart, simp, s.start - 1))) {
      const from = head ? head.start : s.start - 1;
      const prev = byEnd.get(from);
      if (!prev || !allHan(prev.word) || !isTranslitChar(prev.word[prev.word.length - 1])) s.start = from;
    }
    s.text = text.slice(s.start, s.end);
  }
}
