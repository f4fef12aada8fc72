/**
 * The segmenter the name recogniser reads: @node-rs/jieba with its dictionary plus the listed
 * organisations (so 而谷歌 is cut 而 谷歌), built once per thread (~300 ms), and the small
 * word tests the rules ask of it, memoised. Offsets are kept when text is converted to Simplified.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { toSimplified } from '../text/script.ts';
import { worldDictionary } from './world-places.ts';
import { taiwanDictionary } from './taiwan-words.ts';

/** One word jieba cut, with its part-of-speech tag; offsets into the text tagged. */
export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

let jieba: Jieba | undefined;
/** This thread's segmenter, built on first use. */
export function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(worldDictionary() + taiwanDictionary()));
  }
  return jieba;
}

/** Any Han character. */
export const HAN = /\p{Script=Han}/u;
const dictionaryWords = new Map<string, boolean>();
const dictionaryTags = new Map<string, string>();
/** jieba's dictionary tag of `word` when it is one dictionary word, else '' (memoised). */
export function dictionaryTag(word: string): string {
  let tag = dictionaryTags.get(word);
  if (tag === undefined) {
    const tagged = segmenter().tag(word, false);
    tag = tagged.length === 1 ? tagged[0].tag : '';
    if (dictionaryTags.size < 50_000) dictionaryTags.set(word, tag);
  }
  return tag;
}

let pairCounts: Map<string, number> | undefined;
/**
 * How often jieba's dictionary counts `word` (two characters) when it counts it at least 300
 * times (时间 33288, 眼镜 731), else 0 (锦涛, 宏志 are rare). Read straight from the dictionary's
 * bytes on first use (~30 ms): a two-character word is six bytes of UTF-8 and a space at the
 * start of its line.
 */
export function pairFrequency(word: string): number {
  if (!pairCounts) {
    pairCounts = new Map();
    const b = Buffer.from(dict.buffer, dict.byteOffset, dict.byteLength);
    for (let at = 0; at < b.length; ) {
      let nl = b.indexOf(10, at);
      if (nl < 0) nl = b.length;
      if (b[at + 6] === 0x20 && b[at] >= 0xe0 && b[at + 3] >= 0xe0) {
        let freq = 0;
        for (let k = at + 7; k < nl && b[k] >= 0x30 && b[k] <= 0x39; k++) freq = freq * 10 + b[k] - 0x30;
        if (freq >= 300) pairCounts.set(b.toString('utf8', at, at + 6), freq);
      }
      at = nl + 1;
    }
  }
  return pairCounts.get(word) ?? 0;
}

/** Whether `word` (two characters) is a word jieba's dictionary counts at least 300 times. */
export function isFrequentPair(word: string): boolean {
  return pairFrequency(word) > 0;
}

/** Whether `word` is one dictionary word of a common kind (宣传/vn, 同班/n), not a proper noun (江泽/ns). */
export function isCommonWord(word: string): boolean {
  const tag = dictionaryTag(word);
  return tag !== '' && !/^(?:n[rstz]\w*|x)$/.test(tag);
}

/** Whether jieba's dictionary has `word` as one word (without the HMM, unknown words fall apart). */
export function isDictionaryWord(word: string): boolean {
  let known = dictionaryWords.get(word);
  if (known === undefined) {
    known = segmenter().cut(word, false).length === 1;
    if (dictionaryWords.size < 50_000) dictionaryWords.set(word, known);
  }
  return known;
}
/** Whether every code unit of `w` is a CJK ideograph (BMP blocks; the hot path of the rules, so no regex). */
export function allHan(w: string): boolean {
  if (!w) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff))) return false;
  }
  return true;
}

/** Converts to Simplified keeping every offset (per character when a phrase conversion changed the length). */
export function simplifiedSameLength(text: string): string {
  const s = toSimplified(text);
  if (s.length === text.length) return s;
  let out = '';
  for (const ch of text) {
    const c = toSimplified(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

function tagSentence(sentence: string, offset: number, out: Token[]): void {
  let pos = offset;
  for (const w of segmenter().tag(sentence, true)) {
    out.push({ word: w.word, tag: w.tag, start: pos, end: pos + w.word.length });
    pos += w.word.length;
  }
}

/** jieba's tokens for `simp`, offsets into it (text without Han characters has nothing to tag). */
export function tokenize(simp: string): Token[] {
  const tokens: Token[] = [];
  if (HAN.test(simp)) tagSentence(simp, 0, tokens);
  return tokens;
}

/** jieba's tokens of `simp` from its dictionary alone (no HMM: unknown words fall apart), offsets into it. */
export function plainTokens(simp: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  for (const w of segmenter().tag(simp, false)) {
    out.push({ word: w.word, tag: w.tag, start: pos, end: pos + w.word.length });
    pos += w.word.length;
  }
  return out;
}
