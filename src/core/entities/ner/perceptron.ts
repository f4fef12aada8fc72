/**
 * A character-level sequence tagger: an averaged structured perceptron (Collins 2002) over BIOES
 * labels of PER/ORG/LOC, decoded by Viterbi with the label transitions BIOES allows. Features are
 * strings (the caller builds them per character, see features.ts); training maps them to ids,
 * the shipped model keeps only the weights that matter (prune) as a compact JSON object.
 */

/** The entity types the tagger labels. */
export const TYPES = ['PER', 'ORG', 'LOC'] as const;
/** O, then B/I/E/S of each type: label k > 0 is type TYPES[(k-1)>>2], part 'BIES'[(k-1)&3]. */
export const LABELS = ['O', ...TYPES.flatMap((t) => ['B', 'I', 'E', 'S'].map((p) => `${p}-${t}`))];
const L = LABELS.length;

/** One training sentence: the feature strings of each character and its gold label index. */
export interface Example {
  feats: string[][];
  labels: number[];
}

/** Learned weights: per feature, label weights as [label, weight, label, weight, …]; transitions[prev * L + cur] (prev L = start). */
export interface TaggerModel {
  labels: string[];
  transitions: number[];
  weights: Map<string, number[]>;
}

/** Whether BIOES allows label `cur` after `prev` (prev = -1 at the start of the sentence). */
function allowed(prev: number, cur: number): boolean {
  const open = prev > 0 && ((prev - 1) & 3) < 2; // B or I: the name goes on
  if (!open) return cur === 0 || ((cur - 1) & 3) === 0 || ((cur - 1) & 3) === 3;
  return cur > 0 && (cur - 1) >> 2 === (prev - 1) >> 2 && ((cur - 1) & 3) >= 1 && ((cur - 1) & 3) <= 2;
}
/** Whether a sentence may end on `label` (no name left open). */
function canEnd(label: number): boolean {
  return label === 0 || ((label - 1) & 3) >= 2;
}

/** Gold labels for `n` characters from spans (offsets in characters, end exclusive); overlapping spans keep the first. */
export function labelsFromSpans(n: number, spans: { start: number; end: number; type: string }[]): number[] {
  const out = new Array<number>(n).fill(0);
  for (const s of spans) {
    const t = TYPES.indexOf(s.type as (typeof TYPES)[number]);
    if (t < 0 || s.end > n || s.end <= s.start || out.slice(s.start, s.end).some((x) => x !== 0)) continue;
    const base = 1 + t * 4;
    if (s.end - s.start === 1) out[s.start] = base + 3;
    else {
      out[s.start] = base;
      for (let i = s.start + 1; i < s.end - 1; i++) out[i] = base + 1;
      out[s.end - 1] = base + 2;
    }
  }
  return out;
}

/** Spans (character offsets) of a decoded label sequence. */
export function spansFromLabels(labels: number[]): { start: number; end: number; type: (typeof TYPES)[number] }[] {
  const out: { start: number; end: number; type: (typeof TYPES)[number] }[] = [];
  let open = -1;
  for (let i = 0; i < labels.length; i++) {
    const k = labels[i];
    if (k === 0) continue;
    const part = (k - 1) & 3;
    const type = TYPES[(k - 1) >> 2];
    if (part === 3) out.push({ start: i, end: i + 1, type });
    else if (part === 0) open = i;
    else if (part === 2 && open >= 0) {
      out.push({ start: open, end: i + 1, type });
      open = -1;
    }
  }
  return out;
}

/** Viterbi over per-character label scores `emit` (n × L) and `trans` ((L+1) × L, row L = start). */
function viterbi(emit: Float64Array, n: number, trans: ArrayLike<number>): number[] {
  if (n === 0) return [];
  const score = new Float64Array(n * L).fill(-Infinity);
  const back = new Int8Array(n * L);
  for (let c = 0; c < L; c++) if (allowed(-1, c)) score[c] = emit[c] + trans[L * L + c];
  for (let i = 1; i < n; i++) {
    for (let c = 0; c < L; c++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        const prev = score[(i - 1) * L + p];
        if (prev === -Infinity || !allowed(p, c)) continue;
        const s = prev + trans[p * L + c];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * L + c] = best + emit[i * L + c];
      back[i * L + c] = arg;
    }
  }
  let last = 0;
  for (let c = 1; c < L; c++) if (canEnd(c) && score[(n - 1) * L + c] > score[(n - 1) * L + last]) last = c;
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = last;
    last = back[i * L + last];
  }
  return out;
}

/** The best label sequence for `n` characters whose label scores (n × labels) are `emit`. */
export function bestLabels(model: TaggerModel, emit: Float64Array, n: number): number[] {
  return viterbi(emit, n, model.transitions);
}

/** The best label sequence for one sentence's features under `model`. */
export function decode(model: TaggerModel, feats: string[][]): number[] {
  const n = feats.length;
  const emit = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    for (const f of feats[i]) {
      const w = model.weights.get(f);
      if (!w) continue;
      for (let k = 0; k < w.length; k += 2) emit[i * L + w[k]] += w[k + 1];
    }
  }
  return viterbi(emit, n, model.transitions);
}

/** A small deterministic generator, so training is repeatable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * Trains an averaged structured perceptron on `examples` for `epochs` passes (shuffled with a fixed
 * seed); weights whose averaged magnitude is below `prune` are dropped from the model.
 */
export function train(examples: Example[], opts: { epochs?: number; prune?: number; seed?: number; minCount?: number } = {}): TaggerModel {
  const epochs = opts.epochs ?? 10;
  // Features seen fewer than minCount times are left out: too rare to learn, they only fit the noise.
  const counts = new Map<string, number>();
  for (const ex of examples) for (const fs of ex.feats) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const ids = new Map<string, number>();
  for (const [f, n] of counts) if (n >= (opts.minCount ?? 1)) ids.set(f, ids.size);
  const enc = examples.map((ex) => ex.feats.map((fs) => Int32Array.from(fs.map((f) => ids.get(f) ?? -1).filter((id) => id >= 0))));
  // w: current weights; u: weights summed with the update's time, so the average is w - u / c.
  const w = new Float64Array(ids.size * L);
  const u = new Float64Array(ids.size * L);
  const tw = new Float64Array((L + 1) * L);
  const tu = new Float64Array((L + 1) * L);
  const order = examples.map((_, i) => i);
  const rand = rng(opts.seed ?? 1);
  let c = 1;
  const emit = new Float64Array(1024 * L);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const x of order) {
      const feats = enc[x];
      const gold = examples[x].labels;
      const n = feats.length;
      const em = n * L <= emit.length ? emit.subarray(0, n * L).fill(0) : new Float64Array(n * L);
      for (let i = 0; i < n; i++) for (const f of feats[i]) for (let k = 0; k < L; k++) em[i * L + k] += w[f * L + k];
      const pred = viterbi(em, n, tw);
      for (let i = 0; i < n; i++) {
        const g = gold[i];
        const p = pred[i];
        const gp = i ? gold[i - 1] * L : L * L;
        const pp = i ? pred[i - 1] * L : L * L;
        if (g === p && gp === pp) continue;
        tw[gp + g]++; tu[gp + g] += c;
        tw[pp + p]--; tu[pp + p] -= c;
        if (g === p) continue;
        for (const f of feats[i]) {
          w[f * L + g]++; u[f * L + g] += c;
          w[f * L + p]--; u[f * L + p] -= c;
        }
      }
      c++;
    }
  }
  const prune = opts.prune ?? 0;
  const weights = new Map<string, number[]>();
  for (const [f, id] of ids) {
    const row: number[] = [];
    for (let k = 0; k < L; k++) {
      const avg = w[id * L + k] - u[id * L + k] / c;
      if (Math.abs(avg) > prune) row.push(k, avg);
    }
    if (row.length) weights.set(f, row);
  }
  return { labels: LABELS, transitions: Array.from(tw, (v, i) => v - tu[i] / c), weights };
}

/** The model as JSON, weights rounded to `digits` decimals (they are counts averaged over updates). */
export function serialize(model: TaggerModel, digits = 2): string {
  const r = (v: number) => Number(v.toFixed(digits));
  const weights: Record<string, number[]> = {};
  for (const [f, row] of model.weights) {
    const kept: number[] = [];
    for (let k = 0; k < row.length; k += 2) if (r(row[k + 1]) !== 0) kept.push(row[k], r(row[k + 1]));
    if (kept.length) weights[f] = kept;
  }
  return JSON.stringify({ labels: model.labels, transitions: model.transitions.map(r), weights });
}

/** A model read back from serialize's JSON; throws when its labels are not this tagger's. */
export function deserialize(json: string): TaggerModel {
  const raw = JSON.parse(json) as { labels: string[]; transitions: number[]; weights: Record<string, number[]> };
  if (raw.labels.join() !== LABELS.join()) throw new Error('NER model: unexpected labels');
  return { labels: raw.labels, transitions: raw.transitions, weights: new Map(Object.entries(raw.weights)) };
}
