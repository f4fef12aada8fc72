/**
 * The features the NER tagger reads for each character of a Simplified sentence: the characters
 * and bigrams in a ±2 window, character classes, jieba's word around the character (its place in
 * the word, B/M/E/S, with its tag, the word itself and its neighbours), small lexicons (surnames,
 * transliteration characters, organisation endings, listed places and organisations) and the rule
 * recogniser's answer for the character. Offsets are UTF-16 indices, as the tokens' are.
 */
import { isTranslitChar } from '../alias-pairs.ts';
import { isKnownOrganisation, isWorldPlace } from '../world-places.ts';
import { isAmbiguousSurname, isChineseSurnameStart, isPlaceAbbreviation } from '../name-lexicon.ts';
import type { Token } from '../segment-names.ts';

/** A span found by the rules, as the tagger reads it. */
export interface RuleSpan {
  start: number;
  end: number;
  type: string;
}

// Endings of organisation words (队, 委员会, 公司): the word's last character gets a feature.
const ORG_END = /(?:队|部|委|会|院|社|局|厅|署|党|团|办|处|所|校|厂|行|军|报|台|店|中心|公司|集团|银行|组织|协会|学会|联盟|大学|学院|中学|小学|法院|委员会|俱乐部|联合会|通讯社)$/;
// Endings of place words (省, 县, 江).
const LOC_END = /[省市县区州镇乡村岛湾港江河湖山峰街路城堡]$/;

/** A character's class: Han, digit, Latin, middle dot, punctuation or other. */
function charClass(ch: string | undefined): string {
  if (ch === undefined) return '_';
  const c = ch.charCodeAt(0);
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return 'H';
  if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || '零〇一二三四五六七八九十百千万亿'.includes(ch)) return 'D';
  if (/[A-Za-zＡ-Ｚａ-ｚ]/.test(ch)) return 'A';
  if ('·・．‧•'.includes(ch)) return '.';
  if (/[\p{P}\p{S}]/u.test(ch)) return 'P';
  return 'X';
}

/** The BIES part of character `i` in a span [start, end). */
function part(i: number, start: number, end: number): string {
  if (end - start === 1) return 'S';
  return i === start ? 'B' : i === end - 1 ? 'E' : 'M';
}

/** Feature strings for every UTF-16 unit of `simp`, from jieba's `tokens` of it (HMM on), its `plain` tokens (dictionary only) and the rules' `rules` spans. */
export function charFeatures(simp: string, tokens: Token[], rules: RuleSpan[], plain: Token[]): string[][] {
  const n = simp.length;
  const tokOf = new Int32Array(n).fill(-1);
  tokens.forEach((t, k) => {
    for (let i = t.start; i < t.end && i < n; i++) tokOf[i] = k;
  });
  const rule = new Array<string>(n).fill('O');
  for (const r of rules) for (let i = r.start; i < r.end && i < n; i++) rule[i] = `${part(i, r.start, r.end)}${r.type}`;
  const wordPos = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[tokOf[i]];
    wordPos[i] = t ? `${part(i, t.start, t.end)}${t.tag}` : 'Sx';
  }
  // Without the HMM an unknown name falls apart into single characters: where the two cuts differ says much.
  const plainPos = new Array<string>(n).fill('');
  for (const t of plain) for (let i = t.start; i < t.end && i < n; i++) plainPos[i] = `${part(i, t.start, t.end)}${t.tag}`;
  const ch = (i: number) => (i < 0 ? '^' : i >= n ? '$' : simp[i]);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const c = simp[i];
    const k = tokOf[i];
    const t = tokens[k];
    const prevW = tokens[k - 1];
    const nextW = tokens[k + 1];
    const pos = wordPos[i];
    const f = [
      'b',
      `c${c}`, `l${ch(i - 1)}`, `r${ch(i + 1)}`, `L${ch(i - 2)}`, `R${ch(i + 2)}`,
      `bl${ch(i - 1)}${c}`, `br${c}${ch(i + 1)}`, `bL${ch(i - 2)}${ch(i - 1)}`, `bR${ch(i + 1)}${ch(i + 2)}`, `lr${ch(i - 1)}${ch(i + 1)}`,
      `k${charClass(simp[i - 1])}${charClass(c)}${charClass(simp[i + 1])}`,
      `p${pos}`, `pl${i ? wordPos[i - 1] : '^'}`, `pr${i + 1 < n ? wordPos[i + 1] : '$'}`, `pc${pos}${c}`,
      `g${rule[i]}`, `gl${i ? rule[i - 1] : '^'}`, `gr${i + 1 < n ? rule[i + 1] : '$'}`, `gp${rule[i]}${pos}`,
    ];
    f.push(`q${plainPos[i]}`, `qp${plainPos[i][0]}${pos[0]}`, `ql${plainPos[i - 1] ?? '^'}${plainPos[i]}${plainPos[i + 1] ?? '$'}`);
    if (t) {
      const p = pos[0];
      if (t.word.length <= 6) f.push(`w${p}${t.word}`);
      f.push(`wl${p}${prevW ? (prevW.word.length <= 4 ? prevW.word : prevW.tag) : '^'}`, `wr${p}${nextW ? (nextW.word.length <= 4 ? nextW.word : nextW.tag) : '$'}`);
      f.push(`tl${p}${prevW?.tag ?? '^'}${t.tag}${nextW?.tag ?? '$'}`, `n${p}${Math.min(t.word.length, 5)}`);
      if (isWorldPlace(t.word)) f.push(`xp${p}`);
      if (isKnownOrganisation(t.word)) f.push(`xo${p}`);
      if (i === t.end - 1 && t.word.length > 1 && ORG_END.test(t.word)) f.push('xe');
      if (i === t.end - 1 && t.word.length > 1 && LOC_END.test(t.word)) f.push('xl');
    }
    if (isChineseSurnameStart(c)) f.push(isAmbiguousSurname(c) ? 'sa' : 's', `s${pos}`);
    if (isTranslitChar(c)) f.push('xt', `xt${isTranslitChar(ch(i - 1))}${isTranslitChar(ch(i + 1))}`);
    if (isPlaceAbbreviation(c)) f.push('xa');
    out.push(f);
  }
  return out;
}
