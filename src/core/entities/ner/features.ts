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

/**
 * Feature templates, by number. A feature is its template and a key (the characters, tags or
 * words it reads); as a string, `name|key`. The tagger reads them through per-template tables
 * (tagger.ts): most templates have few keys, so their tables stay in cache.
 */
export const TEMPLATES = [
  'b', 'c', 'l', 'r', 'L', 'R', 'bl', 'br', 'bL', 'bR', 'lr', 'k', 'p', 'pl', 'pr', 'pc', 'g', 'gl', 'gr', 'gp', 'q', 'qp', 'ql',
  'w', 'wl', 'wr', 'tl', 'n', 'xp', 'xo', 'xe', 'xl', 's', 'sp', 'xt', 'xtn', 'xa',
] as const;
const T = Object.fromEntries(TEMPLATES.map((name, i) => [name, i])) as Record<(typeof TEMPLATES)[number], number>;

/**
 * Receives the features of each character: `key` those keyed by a string, `chars` those keyed
 * by one character or two (UTF-16 codes `a` and `b`, `b` -1 for one), so a tagger can look them
 * up by number without building a string.
 */
export interface FeatureSink {
  key(i: number, template: number, key: string): void;
  chars(i: number, template: number, a: number, b: number): void;
  /**
   * Features that are the same for every character in the same part of one word (`group`: the
   * word's index × 4 + its B/M/E/S part): `emit` sends them through `key`, for `i` or for a
   * sink that keeps their sum for the next character of the group.
   */
  group(i: number, group: number, emit: (key: (template: number, key: string) => void) => void): void;
  /** Whether the sink has the group's features already and has added them for `i` (then group() is not called). */
  hasGroup(i: number, group: number): boolean;
}

const PARTS = 'BMES';

// What stands for the characters before the first and after the last.
const BEFORE = '^'.charCodeAt(0);
const AFTER = '$'.charCodeAt(0);

/**
 * Calls `sink` with every feature of every UTF-16 unit of `simp`, in order, from jieba's `tokens`
 * of it (HMM on), its `plain` tokens (dictionary only) and the rules' `rules` spans.
 */
export function walkFeatures(simp: string, tokens: Token[], rules: RuleSpan[], plain: Token[], sink: FeatureSink): void {
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
  const code = (i: number) => (i < 0 ? BEFORE : i >= n ? AFTER : simp.charCodeAt(i));
  for (let i = 0; i < n; i++) {
    const c = simp[i];
    const k = tokOf[i];
    const t = tokens[k];
    const prevW = tokens[k - 1];
    const nextW = tokens[k + 1];
    const pos = wordPos[i];
    const cc = simp.charCodeAt(i);
    const lc = code(i - 1);
    const rc = code(i + 1);
    const Lc = code(i - 2);
    const Rc = code(i + 2);
    sink.key(i, T.b, '');
    sink.chars(i, T.c, cc, -1);
    sink.chars(i, T.l, lc, -1);
    sink.chars(i, T.r, rc, -1);
    sink.chars(i, T.L, Lc, -1);
    sink.chars(i, T.R, Rc, -1);
    sink.chars(i, T.bl, lc, cc);
    sink.chars(i, T.br, cc, rc);
    sink.chars(i, T.bL, Lc, lc);
    sink.chars(i, T.bR, rc, Rc);
    sink.chars(i, T.lr, lc, rc);
    sink.key(i, T.k, `${charClass(simp[i - 1])}${charClass(c)}${charClass(simp[i + 1])}`);
    sink.key(i, T.p, pos);
    sink.key(i, T.pl, i ? wordPos[i - 1] : '^');
    sink.key(i, T.pr, i + 1 < n ? wordPos[i + 1] : '$');
    sink.key(i, T.pc, pos + c);
    sink.key(i, T.g, rule[i]);
    sink.key(i, T.gl, i ? rule[i - 1] : '^');
    sink.key(i, T.gr, i + 1 < n ? rule[i + 1] : '$');
    sink.key(i, T.gp, rule[i] + pos);
    sink.key(i, T.q, plainPos[i]);
    sink.key(i, T.qp, `${plainPos[i][0]}${pos[0]}`);
    sink.key(i, T.ql, `${plainPos[i - 1] ?? '^'}${plainPos[i]}${plainPos[i + 1] ?? '$'}`);
    if (t) {
      const p = pos[0];
      const group = k * 4 + PARTS.indexOf(p);
      if (!sink.hasGroup(i, group)) sink.group(i, group, (key) => {
        if (t.word.length <= 6) key(T.w, p + t.word);
        key(T.wl, p + (prevW ? (prevW.word.length <= 4 ? prevW.word : prevW.tag) : '^'));
        key(T.wr, p + (nextW ? (nextW.word.length <= 4 ? nextW.word : nextW.tag) : '$'));
        key(T.tl, `${p}${prevW?.tag ?? '^'}${t.tag}${nextW?.tag ?? '$'}`);
        key(T.n, p + Math.min(t.word.length, 5));
        if (isWorldPlace(t.word)) key(T.xp, p);
        if (isKnownOrganisation(t.word)) key(T.xo, p);
        // The word's last character: its part is E or S.
        if ((p === 'E' || p === 'S') && t.word.length > 1 && ORG_END.test(t.word)) key(T.xe, '');
        if ((p === 'E' || p === 'S') && t.word.length > 1 && LOC_END.test(t.word)) key(T.xl, '');
      });
    }
    if (isChineseSurnameStart(c)) {
      sink.key(i, T.s, isAmbiguousSurname(c) ? 'a' : '');
      sink.key(i, T.sp, pos);
    }
    if (isTranslitChar(c)) {
      sink.key(i, T.xt, '');
      sink.key(i, T.xtn, `${isTranslitChar(ch(i - 1))}${isTranslitChar(ch(i + 1))}`);
    }
    if (isPlaceAbbreviation(c)) sink.key(i, T.xa, '');
  }
}

/** Feature strings (`name|key`) for every UTF-16 unit of `simp`: what training reads (see walkFeatures). */
export function charFeatures(simp: string, tokens: Token[], rules: RuleSpan[], plain: Token[]): string[][] {
  const out: string[][] = Array.from({ length: simp.length }, () => []);
  walkFeatures(simp, tokens, rules, plain, {
    key: (i, template, key) => out[i].push(`${TEMPLATES[template]}|${key}`),
    chars: (i, template, a, b) => out[i].push(`${TEMPLATES[template]}|${b < 0 ? String.fromCharCode(a) : String.fromCharCode(a, b)}`),
    group: (i, _group, emit) => emit((template, key) => out[i].push(`${TEMPLATES[template]}|${key}`)),
    hasGroup: () => false,
  });
  return out;
}
