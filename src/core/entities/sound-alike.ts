/**
 * Transliterations of one foreign name across regions (尼克松 / 尼克森, 扎克伯格 / 祖克柏): names
 * made only of transliteration characters whose syllables, read in Pinyin, start with the same
 * consonants (voicing aside: b/p, d/t, g/k, z/zh/j, c/ch/q, s/sh/x), over at least three syllables,
 * with at least one syllable read the same and the others agreeing on a nasal ending, and the shorter a prefix of the longer by at most one
 * trailing syllable. Never on two syllables or a surname alone; a caller links only when exactly one
 * entity sounds alike, so two candidates mean no link.
 */
import { pinyin } from 'pinyin-pro';
import { isTranslitChar } from './alias-pairs.ts';
import { toSimplified } from '../text/script.ts';

const CLASS: Record<string, string> = { p: 'b', t: 'd', k: 'g', zh: 'z', j: 'z', ch: 'c', q: 'c', sh: 's', x: 's', y: '', w: '' };

/** The Pinyin syllables of a foreign-style Han name (all transliteration characters, 3–8 of them), else null. */
function syllables(name: string): string[] | null {
  const simp = toSimplified(name);
  if (simp.length < 3 || simp.length > 8 || !/^\p{Script=Han}+$/u.test(simp)) return null;
  for (const ch of simp) if (!isTranslitChar(ch)) return null;
  return pinyin(simp, { toneType: 'none', type: 'array' });
}

const NASAL = /n$|ng$/;

function consonantClass(syllable: string): string {
  const m = /^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?/.exec(syllable)![0];
  return CLASS[m] ?? m;
}

const keys = new Map<string, string | null>();

/** The lookup key of a foreign-style name (its first three consonant classes), or null for other names; memoised (names repeat across articles). */
export function soundKey(name: string): string | null {
  let key = keys.get(name);
  if (key === undefined) {
    const s = syllables(name);
    key = s ? `~s:${s.slice(0, 3).map(consonantClass).join('-')}` : null;
    if (keys.size > 100_000) keys.clear();
    keys.set(name, key);
  }
  return key;
}

/** Whether two names are transliterations of the same foreign name by the rule above. */
export function soundsAlike(a: string, b: string): boolean {
  const x = syllables(a);
  const y = syllables(b);
  if (!x || !y || toSimplified(a) === toSimplified(b)) return false;
  const n = Math.min(x.length, y.length);
  if (n < 3 || Math.abs(x.length - y.length) > 1) return false;
  let same = 0;
  for (let i = 0; i < n; i++) {
    if (consonantClass(x[i]) !== consonantClass(y[i])) return false;
    if (x[i] === y[i]) same++;
    // 松/森 (song, sen) and 伯/柏 (bo, bai) vary by region; 林/莱 (lin, lai: Clinton, Clayton) do not.
    else if (NASAL.test(x[i]) !== NASAL.test(y[i])) return false;
  }
  return same >= 1;
}

/** Each syllable of a foreign-style Han name: consonant class, Pinyin final and whether it ends in a nasal (登: d, eng, nasal); null for other names. */
export function syllableSounds(name: string): SyllableSound[] | null {
  let out = sounds.get(name);
  if (out === undefined) {
    out = syllables(name)?.map((s) => ({ consonant: consonantClass(s), final: s.replace(/^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])/, ''), nasal: NASAL.test(s) })) ?? null;
    if (sounds.size > 100_000) sounds.clear();
    sounds.set(name, out);
  }
  return out;
}

/** One syllable of a transliteration as syllableSounds reads it. */
export interface SyllableSound {
  consonant: string;
  final: string;
  nasal: boolean;
}
const sounds = new Map<string, SyllableSound[] | null>();
