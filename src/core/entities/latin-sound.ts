/**
 * A Latin surname read the way Chinese transliterates it (Snowden → 斯-诺-登: s, n, d), so an
 * English mention can be matched with a transliterated name found in Chinese text. Rough English
 * spelling rules: each consonant before a vowel starts a syllable, a consonant in a cluster or at
 * the end gets a syllable of its own (Trump → 特-朗-普), a nasal or r after a vowel closes the
 * syllable (朗, 伯), a final l is 尔. Only a whole match over at least three syllables counts, the
 * nasal endings (so Mozid is not 毛泽东) and, loosely, the vowels agreeing too (Palace is not
 * 布鲁斯); callers link only when exactly one person matches. Pure.
 */
import { syllableSounds } from './sound-alike.ts';

/**
 * One syllable a Latin spelling gives a transliteration: the consonant classes it may start with
 * and how it ends: `nasal` true when an n or m closes it (登 for "den"), false for a vowel (诺),
 * null for a consonant written with a vowel of its own (斯, 特, 克, 尔), which is never nasal.
 */
export interface LatinSyllable {
  classes: string[];
  nasal: boolean | null;
  /** The vowel letters written (o, ow, ee), '' for a consonant given a vowel of its own, 'l' for a closing l (尔, 勒). */
  vowels: string;
  /** An r closes it (ber → 伯, mer → 默). */
  closedByR?: boolean;
}

const VOWEL = /[aeiouy]/;

const cache = new Map<string, LatinSyllable[] | null>();

/** The syllables a transliteration of `word` would have; null if it is not a plain Latin word. Memoised (words repeat). */
export function latinSyllables(word: string): LatinSyllable[] | null {
  let out = cache.get(word);
  if (out === undefined) {
    out = readSyllables(word);
    if (cache.size > 100_000) cache.clear();
    cache.set(word, out);
  }
  return out;
}

function readSyllables(word: string): LatinSyllable[] | null {
  let w = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  if (!/^[a-z]{4,20}$/.test(w)) return null;
  // Spellings of one sound; upper-case letters stand for a sound (C: ch, T: th, S: sh).
  w = w.replace(/sch|sh/g, 'S').replace(/ch/g, 'C').replace(/ph/g, 'f').replace(/th/g, 'T').replace(/ck/g, 'k').replace(/qu/g, 'kw').replace(/q/g, 'k').replace(/x/g, 'ks');
  // ng before a consonant or at the end is the nasal alone (Washington → 华盛顿).
  w = w.replace(/ng(?![aeiouy])/g, 'n').replace(/gh/g, '').replace(/^kn/, 'n').replace(/^wr/, 'r').replace(/dg/g, 'j');
  // A doubled nasal closes one syllable and starts the next (Kennedy → 肯-尼-迪); other doubles are one letter.
  w = w.replace(/nn/g, 'Nn').replace(/mm/g, 'Mm').replace(/(.)\1/g, '$1');
  const out: LatinSyllable[] = [];
  const isVowel = (i: number) => i < w.length && VOWEL.test(w[i]) && !(w[i] === 'y' && VOWEL.test(w[i + 1] ?? ''));
  for (let i = 0; i < w.length; ) {
    if (isVowel(i)) {
      // A vowel that starts the word is a syllable with no consonant (Obama → 奥).
      const from = i;
      while (isVowel(i)) i++;
      if (from === 0) out.push({ classes: [''], nasal: false, vowels: w.slice(0, i) });
      continue;
    }
    const c = w[i];
    if (c === 'N' || c === 'M') {
      if (out.length) out[out.length - 1].nasal = true;
      i++;
      continue;
    }
    const afterVowel = i > 0 && isVowel(i - 1);
    const beforeVowel = isVowel(i + 1);
    if (!beforeVowel && afterVowel) {
      // Closes the syllable before: n, m (登, 朗), r (non-rhotic: 伯), glides; a final or pre-consonant l is 尔.
      if (c === 'n' || c === 'm') {
        if (out.length) out[out.length - 1].nasal = true;
      } else if (c === 'r') {
        if (out.length) out[out.length - 1].closedByR = true;
      } else if (c === 'l') out.push({ classes: ['', 'l'], nasal: null, vowels: 'l' });
      else if (!'rwyh'.includes(c)) out.push({ classes: classesOf(c, w[i + 1]), nasal: null, vowels: '' });
      i++;
      continue;
    }
    let v = i + 1;
    while (isVowel(v)) v++;
    out.push({ classes: classesOf(c, w[i + 1]), nasal: beforeVowel ? false : null, vowels: w.slice(i + 1, v) });
    i++;
  }
  return out;
}

/** The Pinyin consonant classes (see sound-alike.ts) a Latin consonant is written with. */
function classesOf(c: string, next: string | undefined): string[] {
  const soft = next !== undefined && 'eiy'.includes(next);
  switch (c) {
    case 'b': case 'p': return ['b'];
    case 'd': case 't': return ['d'];
    case 'T': return ['d', 's'];
    // Before i and e a k or g is often written with j or q (Kissinger → 基辛格).
    case 'k': return soft ? ['g', 'z', 'c'] : ['g'];
    case 'g': return soft ? ['g', 'z', 'c'] : ['g'];
    case 'c': return soft ? ['s'] : ['g'];
    case 'C': case 'j': case 'z': return ['z', 'c'];
    case 's': case 'S': return ['s'];
    case 'f': return ['f'];
    case 'v': return ['f', ''];
    case 'w': case 'y': return [''];
    case 'h': return next === 'i' || next === 'y' ? ['h', 's'] : ['h'];
    case 'r': case 'l': return ['l'];
    default: return [c];
  }
}

/** Whether Latin `word` and the transliterated Han name (three syllables or more) are the same name by the rules above. */
export function latinSoundsLike(word: string, han: string): boolean {
  const h = syllableSounds(han);
  const l = latinSyllables(word);
  // Vowel-led syllables (奥, 威, 尔) say little: at least two consonants must agree.
  if (!h || !l || h.length < 3 || h.length !== l.length || h.filter((x) => x.consonant).length < 2) return false;
  return h.every((x, i) => l[i].classes.includes(x.consonant) && x.nasal === (l[i].nasal === true) && vowelAgrees(l[i], x.final));
}

/**
 * Whether a written vowel can be rendered by Pinyin final `final`: a consonant given a vowel of
 * its own takes a plain one (斯 si, 克 ke, 普 pu, never 达 da), a closing l is 尔 or 勒, a takes a
 * final with a, e one with e or i (with o before a closing r: 伯, 默), i and y one with i, o one
 * with o or u, ou/ow/au one with o, u or a; u takes any.
 */
function vowelAgrees(s: LatinSyllable, final: string): boolean {
  const vowels = s.vowels;
  if (vowels === '') return /^(?:i|e|u|o|er|v|ü)$/.test(final);
  if (vowels === 'l') return final === 'er' || final === 'e';
  if (/^(?:ou|ow|au|aw|oo)/.test(vowels)) return /[oua]/.test(final);
  switch (vowels[0]) {
    case 'a': return final.includes('a');
    case 'e': return /[ei]/.test(final) || (!!s.closedByR && final.includes('o'));
    case 'i': case 'y': return final.includes('i');
    case 'o': return /[ou]/.test(final);
    default: return true;
  }
}

/** The sound keys (as soundKey: the first three classes) a Han transliteration of `word` could have. */
export function latinSoundKeys(word: string): string[] {
  const l = latinSyllables(word);
  if (!l || l.length < 3) return [];
  let keys: string[][] = [[]];
  for (const { classes } of l.slice(0, 3)) keys = keys.flatMap((k) => classes.map((o) => [...k, o]));
  return keys.map((k) => `~s:${k.join('-')}`);
}
