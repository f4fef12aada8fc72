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
import { charFeatures, type RuleSpan } from './features.ts';
import { decode, deserialize, spansFromLabels, type TaggerModel, type TYPES } from './perceptron.ts';

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

/** The names the tagger finds in `simp` (jieba's `tokens` of it, the rules' `rules`), or undefined without a model. */
export function tagNames(simp: string, tokens: Token[], rules: RuleSpan[], m: TaggerModel | null = nerModel()): TaggedSpan[] | undefined {
  if (!m) return undefined;
  return withListedRules(spansFromLabels(decode(m, charFeatures(simp, tokens, rules, plainTokens(simp)))), rules, simp);
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
