/**
 * The shipped NER tagger: the averaged perceptron of perceptron.ts with the weights trained by
 * `npm run train:ner` (seeds/ner-zh.json, People's Daily 1998 sentences), read once per thread.
 * It labels each character of a Simplified text from jieba's tags and the rules' answer
 * (features.ts); recognizeNames gives its spans instead of the rules' only when asked
 * (`{ tagger: true }`): ingest keeps the rules (see the README on why).
 */
import { existsSync, readFileSync } from 'node:fs';
import { projectFile } from '../../project-files.ts';
import { isTranslitWord } from '../foreign-names.ts';
import { plainTokens, type Token } from '../segment-names.ts';
import { isKnownOrganisation, isWorldPlace } from '../world-places.ts';
import { TEMPLATES, walkFeatures, type RuleSpan } from './features.ts';
import { bestLabels, deserialize, LABELS, spansFromLabels, type TaggerModel, type TYPES } from './perceptron.ts';

/** Where the shipped model lives, from the project root. */
export const MODEL_PATH = ['seeds', 'ner-zh.json'];

let model: TaggerModel | null | undefined;

/** This thread's model, read on first use; null when none ships (the rules then stand alone). */
export function nerModel(): TaggerModel | null {
  if (model === undefined) {
    const file = projectFile(...MODEL_PATH);
    model = existsSync(file) ? deserialize(readFileSync(file, 'utf8')) : null;
  }
  return model;
}

/** Replaces this thread's model (tests and cross-validation); null turns the tagger off. */
export function setNerModel(m: TaggerModel | null): void {
  model = m;
}

/** A name the tagger found; offsets into the text tagged. */
export interface TaggedSpan {
  start: number;
  end: number;
  type: (typeof TYPES)[number];
}

/**
 * A model's weights laid out for tagging: one array of label weights, rows found per template
 * by character code (a dense table for one character, a numeric map for two) or by key. Feature
 * strings looked up in one 100k-entry map cost ~100 ns each, mostly hashing new one-character
 * strings; by code it is a few ns, and no string is built.
 */
interface Compiled {
  rows: Float64Array;
  /** Character code → its index among the characters the model knows, or -1. */
  charIndex: Int32Array;
  chars: number;
  one: (Int32Array | undefined)[];
  two: (Map<number, number> | undefined)[];
  keyed: Map<string, number>[];
}
const compiled = new WeakMap<TaggerModel, Compiled>();
const ONE_CHAR = new Set(['c', 'l', 'r', 'L', 'R']);
const TWO_CHARS = new Set(['bl', 'br', 'bL', 'bR', 'lr']);

function compile(m: TaggerModel): Compiled {
  const L = LABELS.length;
  const index = new Map<string, number>(TEMPLATES.map((name, i) => [name, i]));
  const entries: { template: number; key: string; row: number[] }[] = [];
  const charIndex = new Int32Array(65536).fill(-1);
  let chars = 0;
  for (const [f, row] of m.weights) {
    const bar = f.indexOf('|');
    const template = bar > 0 ? index.get(f.slice(0, bar)) : undefined;
    if (template === undefined) continue;
    const key = f.slice(bar + 1);
    entries.push({ template, key, row });
    if (ONE_CHAR.has(TEMPLATES[template]) || TWO_CHARS.has(TEMPLATES[template])) for (let k = 0; k < key.length; k++) if (charIndex[key.charCodeAt(k)] < 0) charIndex[key.charCodeAt(k)] = chars++;
  }
  const c: Compiled = { rows: new Float64Array(entries.length * L), charIndex, chars, one: [], two: [], keyed: TEMPLATES.map(() => new Map()) };
  TEMPLATES.forEach((name, t) => {
    if (ONE_CHAR.has(name)) c.one[t] = new Int32Array(chars).fill(-1);
    if (TWO_CHARS.has(name)) c.two[t] = new Map();
  });
  entries.forEach(({ template, key, row }, e) => {
    for (let k = 0; k < row.length; k += 2) c.rows[e * L + row[k]] = row[k + 1];
    const one = c.one[template];
    const two = c.two[template];
    if (one && key.length === 1) one[charIndex[key.charCodeAt(0)]] = e * L;
    else if (two && key.length === 2) two.set(charIndex[key.charCodeAt(0)] * chars + charIndex[key.charCodeAt(1)], e * L);
    else if (!one && !two) c.keyed[template].set(key, e * L);
  });
  return c;
}

/** The tagger's labels for each UTF-16 unit of `simp`: the same as decode() of charFeatures(), without building the strings. */
export function tagLabels(m: TaggerModel, simp: string, tokens: Token[], rules: RuleSpan[]): number[] {
  let c = compiled.get(m);
  if (!c) compiled.set(m, (c = compile(m)));
  const { rows, charIndex, chars, one, two, keyed } = c;
  const L = LABELS.length;
  const emit = new Float64Array(simp.length * L);
  const add = (i: number, at: number) => {
    for (let k = 0, to = i * L; k < L; k++) emit[to + k] += rows[at + k];
  };
  // Each word part's summed weights, computed at its first character.
  const groups = new Map<number, Float64Array>();
  walkFeatures(simp, tokens, rules, plainTokens(simp), {
    hasGroup(i, group) {
      const sum = groups.get(group);
      if (!sum) return false;
      for (let k = 0, to = i * L; k < L; k++) emit[to + k] += sum[k];
      return true;
    },
    group(i, group, emitGroup) {
      const sum = new Float64Array(L);
      emitGroup((template, key) => {
        const at = keyed[template].get(key);
        if (at !== undefined) for (let k = 0; k < L; k++) sum[k] += rows[at + k];
      });
      groups.set(group, sum);
      for (let k = 0, to = i * L; k < L; k++) emit[to + k] += sum[k];
    },
    key(i, template, key) {
      const at = keyed[template].get(key);
      if (at !== undefined) add(i, at);
    },
    chars(i, template, a, b) {
      const x = charIndex[a];
      if (x < 0) return;
      if (b < 0) {
        const at = one[template]![x];
        if (at >= 0) add(i, at);
        return;
      }
      const y = charIndex[b];
      const at = y < 0 ? undefined : two[template]!.get(x * chars + y);
      if (at !== undefined) add(i, at);
    },
  });
  return bestLabels(m, emit, simp.length);
}

/** The names the tagger finds in `simp` (jieba's `tokens` of it, the rules' `rules`), or undefined without a model. */
export function tagNames(simp: string, tokens: Token[], rules: RuleSpan[], m: TaggerModel | null = nerModel()): TaggedSpan[] | undefined {
  if (!m) return undefined;
  return withListedRules(spansFromLabels(tagLabels(m, simp, tokens, rules)), rules, simp);
}

/**
 * The tagger's spans plus the rules' where the tagger found nothing there and the rules rest on
 * knowledge the 1998 training text lacks: a listed place or organisation (百度, 新疆) or a
 * transliterated foreign name (斯诺登), in order.
 */
export function withListedRules(tagged: TaggedSpan[], rules: RuleSpan[], simp: string): TaggedSpan[] {
  const extra = rules.filter((r) => {
    const w = simp.slice(r.start, r.end);
    const known = isWorldPlace(w) || isKnownOrganisation(w) || (r.type === 'PER' && (isTranslitWord(w) || /[·・．‧•]/.test(w)));
    return known && !tagged.some((t) => t.start < r.end && r.start < t.end);
  });
  if (!extra.length) return tagged;
  return [...tagged, ...(extra as TaggedSpan[])].sort((a, b) => a.start - b.start);
}
