/**
 * Mention replacement for the NER training sentences: copies of each sentence with its names (2+
 * characters) swapped for other names of the same type from the same training sentences. Two
 * thousand sentences show each name in one or two contexts, and the tagger learns the name rather
 * than the context (…报道：___说); shuffled, the contexts carry over to names it has not seen.
 * Only the sentences being trained on are drawn from, so cross-validation stays honest.
 */
import type { Row } from './ner-data.ts';

/** A small deterministic generator, so the copies (and the model) are repeatable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** `copies` rewritten copies of each row of `rows` that has a name of 2+ characters, names drawn from `rows`. */
export function swapMentions(rows: Row[], copies: number, seed = 7): Row[] {
  const rand = rng(seed);
  const pools = new Map<string, string[]>();
  for (const r of rows) {
    const cps = [...r.text];
    for (const e of r.entities) {
      if (e.end - e.start < 2) continue;
      if (!pools.has(e.type)) pools.set(e.type, []);
      pools.get(e.type)!.push(cps.slice(e.start, e.end).join(''));
    }
  }
  const out: Row[] = [];
  for (const r of rows) {
    const ents = [...r.entities].sort((a, b) => a.start - b.start);
    if (!ents.some((e) => e.end - e.start >= 2)) continue;
    const cps = [...r.text];
    for (let c = 0; c < copies; c++) {
      let text = '';
      let at = 0;
      let len = 0;
      const entities: Row['entities'] = [];
      for (const e of ents) {
        if (e.start < at) continue;
        const pool = pools.get(e.type);
        // One-character names (中, 胡) are abbreviations and bare surnames: their context is the point, keep them.
        const name = pool && e.end - e.start >= 2 ? pool[Math.floor(rand() * pool.length)] : cps.slice(e.start, e.end).join('');
        const before = cps.slice(at, e.start);
        text += before.join('') + name;
        const start = len + before.length;
        len = start + [...name].length;
        entities.push({ start, end: len, type: e.type });
        at = e.end;
      }
      text += cps.slice(at).join('');
      out.push({ text, entities });
    }
  }
  return out;
}
