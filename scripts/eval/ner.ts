/**
 * `npm run eval ner`: exact-span F1 per type (PER, ORG, LOC) of the name recogniser ingest uses
 * (recognizeNames) on People's Daily 1998 dev sentences, beside the baseline measured in the same
 * run: jieba's own POS tags read plainly (nr/nrt/nrfg → PER, nt → ORG, ns → LOC).
 */
import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { recognizeNames } from '../../src/core/entities/recognize-names.ts';

const FILE = 'test/fixtures/dev/ner-zh/peoples-daily-1998-dev.jsonl';
const TYPES = ['PER', 'ORG', 'LOC'] as const;
type Span = { start: number; end: number; type: string };

function score(name: string, predict: (text: string) => Span[], rows: { text: string; entities: Span[] }[]): void {
  const st = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const t0 = performance.now();
  for (const r of rows) {
    const gold = new Set(r.entities.map((e) => `${e.start}:${e.end}:${e.type}`));
    const pred = new Set(predict(r.text).map((e) => `${e.start}:${e.end}:${e.type}`));
    for (const p of pred) {
      const s = st[p.split(':')[2]];
      if (s) gold.has(p) ? s.tp++ : s.fp++;
    }
    for (const g of gold) if (!pred.has(g)) st[g.split(':')[2]].fn++;
  }
  const ms = performance.now() - t0;
  const cells = TYPES.map((t) => {
    const { tp, fp, fn } = st[t];
    const p = tp / (tp + fp || 1);
    const r = tp / (tp + fn || 1);
    return `${t} P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)}`;
  });
  console.log(`${name.padEnd(34)} ${cells.join(' | ')}  (${ms.toFixed(0)} ms)`);
}

/** UTF-16 span → code points (the dev set counts code points). */
function toCodePoints(text: string, s: { start: number; end: number; type: string }): Span {
  return { start: [...text.slice(0, s.start)].length, end: [...text.slice(0, s.end)].length, type: s.type };
}

/** Prints F1 per type for the baseline and for newsbot. */
export async function run(): Promise<void> {
  const rows = readFileSync(FILE, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; entities: Span[] });
  const spans = rows.reduce((n, r) => n + r.entities.length, 0);
  console.log(`${FILE}: ${rows.length} sentences, ${spans} gold spans; exact span and type must match`);
  const jieba = Jieba.withDict(dict);
  const TAG: Record<string, string> = { nr: 'PER', nrt: 'PER', nrfg: 'PER', nt: 'ORG', ns: 'LOC' };
  score('baseline: jieba POS tags (HMM on)', (text) => {
    const out: Span[] = [];
    let pos = 0;
    for (const w of jieba.tag(text, true)) {
      const t = TAG[w.tag];
      if (t) out.push({ start: pos, end: pos + w.word.length, type: t });
      pos += w.word.length;
    }
    return out.map((s) => toCodePoints(text, s));
  }, rows);
  recognizeNames('预热');
  score('newsbot recognizeNames', (text) => recognizeNames(text).map((s) => toCodePoints(text, s)), rows);
  console.log('targets: PER ≥ 0.90, ORG ≥ 0.80, LOC ≥ 0.85');
}
