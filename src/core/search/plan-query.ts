/**
 * How each query term is looked up, whatever the backend:
 * - 3+ characters: a substring of title or body ("澤倫斯基", "zelensk"): a trigram phrase on
 *   SQLite (FTS5), a pg_trgm LIKE on PostgreSQL.
 * - 1–2 characters: too short for trigrams. SQLite expands it to every indexed trigram that starts
 *   with it, OR-ed (川普 → "川普的" OR "川普表" …; indexed text is space-padded, so each occurrence
 *   starts some trigram), or scans when that expansion would be huge; PostgreSQL looks it up in
 *   the row's set of 1–2 character grams. A short Latin term gets a leading space first (" eu"),
 *   which asks for a word start instead of any substring.
 * The SQL of both lives in src/core/store/search/.
 */
import { charLength, type QueryTerm } from './parse-query.ts';

/** Above this many vocabulary terms, a short query term is scanned instead of expanded (SQLite). */
export const MAX_EXPANSION = 600;

export interface PlannedTerm {
  /** What the indexed text must contain: the folded term, with a leading space for short Latin terms. */
  form: string;
  /** Under three characters: expanded (SQLite) or looked up by gram (PostgreSQL), and ranked by title hit, not bm25. */
  short: boolean;
}

/** The lookup form of each term. */
export function planTerms(terms: QueryTerm[]): PlannedTerm[] {
  return terms.map((t) => {
    let form = t.folded;
    if (charLength(form) < 3 && /^[a-z0-9]+$/.test(form)) form = ' ' + form;
    return { form, short: charLength(form) < 3 };
  });
}

/** `s` as an FTS5 phrase. */
export const ftsPhrase = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The FTS5 expression for one expanded short term: its vocabulary trigrams, OR-ed. */
export function ftsExpansion(vocab: string[]): string {
  return vocab.length === 1 ? ftsPhrase(vocab[0]) : `(${vocab.map(ftsPhrase).join(' OR ')})`;
}

