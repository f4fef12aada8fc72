/**
 * FTS5's bm25, for backends that count phrase hits themselves (PostgreSQL): the same formula
 * (k1 1.2, b 0.75, per-column weights, IDF floored at 1e-6) and the same sign (lower is better),
 * so relevance compares across backends. See sqlite.org/fts5.html#the_bm25_function.
 */
const K1 = 1.2;
const B = 0.75;

/** IDF of a phrase found in `hits` of `rows` rows. */
export function bm25Idf(rows: number, hits: number): number {
  const idf = Math.log((rows - hits + 0.5) / (hits + 0.5));
  return idf <= 0 ? 1e-6 : idf;
}

/**
 * Score of one row: `freqs[i]` is phrase i's column-weighted hit count in the row, `tokens` the
 * row's size in tokens (all columns), `avgTokens` the mean over the table.
 */
export function bm25Score(freqs: number[], idfs: number[], tokens: number, avgTokens: number): number {
  let score = 0;
  const norm = K1 * (1 - B + (B * tokens) / (avgTokens || 1));
  for (let i = 0; i < freqs.length; i++) score += (idfs[i] * (freqs[i] * (K1 + 1))) / (freqs[i] + norm);
  return -score;
}

/** Trigram tokens in an indexed column of `chars` characters (FTS5's trigram tokenizer: one per position with three characters). */
export function trigramTokens(chars: number): number {
  return Math.max(0, chars - 2);
}
