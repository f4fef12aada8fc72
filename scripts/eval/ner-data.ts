/**
 * The NER dev set as the tagger trains on it (scripts/train-ner.ts, `npm run eval ner`): each
 * sentence's features (jieba's tags and the rules' answer, features.ts) and gold BIOES labels, and
 * k-fold cross-validation, so a model is always scored on sentences it was not trained on (its
 * spans completed by the listed rules' as recognizeNames does).
 */
import { readFileSync } from 'node:fs';
import { analyseNames, type NameSpan } from '../../src/core/entities/recognize-names.ts';
import { charFeatures } from '../../src/core/entities/ner/features.ts';
import { plainTokens } from '../../src/core/entities/segment-names.ts';
import { withListedRules } from '../../src/core/entities/ner/tagger.ts';
import { decode, labelsFromSpans, spansFromLabels, train, type Example } from '../../src/core/entities/ner/perceptron.ts';
import { swapMentions } from './ner-augment.ts';

/** The People's Daily 1998 dev sentences (offsets in code points). */
export const NER_FILE = 'test/fixtures/dev/ner-zh/peoples-daily-1998-dev.jsonl';
/** A span with offsets in code points, as the dev set counts them. */
export type Span = { start: number; end: number; type: string };
/** One dev sentence. */
export type Row = { text: string; entities: Span[] };

/** Reads the dev set. */
export function loadRows(file = NER_FILE): Row[] {
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
}

/** UTF-16 span → code points. */
export function toCodePoints(text: string, s: Span): Span {
  return { start: [...text.slice(0, s.start)].length, end: [...text.slice(0, s.end)].length, type: s.type };
}

/** Code-point span → UTF-16. */
function toUtf16(text: string, s: Span): Span {
  const cps = [...text];
  const at = (n: number) => cps.slice(0, n).join('').length;
  return { start: at(s.start), end: at(s.end), type: s.type };
}

/** Each row's training example and the rules' spans (UTF-16 offsets). */
export function prepare(rows: Row[]): { examples: Example[]; rules: NameSpan[][]; simps: string[] } {
  const examples: Example[] = [];
  const rules: NameSpan[][] = [];
  const simps: string[] = [];
  for (const r of rows) {
    const a = analyseNames(r.text);
    rules.push(a.rules);
    simps.push(a.simp);
    examples.push({ feats: charFeatures(a.simp, a.tokens, a.rules, plainTokens(a.simp)), labels: labelsFromSpans(r.text.length, r.entities.map((e) => toUtf16(r.text, e))) });
  }
  return { examples, rules, simps };
}

/** Training examples of `rows` plus `copies` mention-swapped copies of them (ner-augment.ts). */
export function trainingSet(rows: Row[], examples: Example[], copies: number): Example[] {
  return copies > 0 ? [...examples, ...prepare(swapMentions(rows, copies)).examples] : examples;
}

/**
 * k-fold cross-validation in contiguous blocks (neighbouring sentences come from one article, so
 * a random split would let a name seen in training be scored): each sentence's spans predicted by
 * a model trained on the other folds (and `copies` swapped copies of them, never of the fold scored).
 */
export function crossValidate(
  rows: Row[],
  data: { examples: Example[]; rules: NameSpan[][]; simps: string[] },
  k: number,
  opts: { epochs?: number; prune?: number; minCount?: number; copies?: number },
): Span[][] {
  const { examples, rules, simps } = data;
  const out: Span[][] = new Array(examples.length);
  for (let f = 0; f < k; f++) {
    const lo = Math.floor((f * examples.length) / k);
    const hi = Math.floor(((f + 1) * examples.length) / k);
    const own = [...examples.slice(0, lo), ...examples.slice(hi)];
    const model = train(trainingSet([...rows.slice(0, lo), ...rows.slice(hi)], own, opts.copies ?? 0), opts);
    for (let i = lo; i < hi; i++) out[i] = withListedRules(spansFromLabels(decode(model, examples[i].feats)), rules[i], simps[i]);
  }
  return out;
}
