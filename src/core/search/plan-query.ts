/**
 * Turns query terms into one FTS5 MATCH expression plus, rarely, substring scans.
 * - 3+ characters: a quoted trigram phrase ("澤倫斯基", "zelensk").
 * - 1–2 characters: every indexed trigram that starts with the term, OR-ed (川普 → "川普的" OR
 *   "川普表" …). Indexed text is space-padded, so each occurrence starts some trigram. A short Latin
 *   term gets a leading space first (" eu"), which asks for a word start instead of any substring.
 * - When the expansion would be huge (a single common character), that term becomes an instr()
 *   scan over the search form, newest first, which stops early because such terms hit often.
 */
import type { Db } from '../store/db.ts';
import { prepareCached } from '../store/statements.ts';
import { charLength, type QueryTerm } from './parse-query.ts';

/** Above this many vocabulary terms, a short query term is scanned instead of expanded. */
export const MAX_EXPANSION = 600;

export interface QueryPlan {
  /** FTS5 expression every hit must match, or null when only scans remain. */
  match: string | null;
  /** Search-form substrings every hit must contain, checked by scanning. */
  scans: string[];
  /** True when some term was expanded or scanned: bm25 over such OR-groups is costly and skewed. */
  expanded: boolean;
  /** A term that matches nothing in the index: the query has no hits. */
  impossible: boolean;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Plans `terms` against the index vocabulary of `db`. */
export function planQuery(db: Db, terms: QueryTerm[]): QueryPlan {
  const parts: string[] = [];
  const scans: string[] = [];
  let expanded = false;
  for (const t of terms) {
    let term = t.folded;
    if (charLength(term) < 3 && /^[a-z0-9]+$/.test(term)) term = ' ' + term;
    if (charLength(term) >= 3) {
      parts.push(quote(term));
      continue;
    }
    expanded = true;
    const vocab = prepareCached(db, 'SELECT term FROM articles_fts_vocab WHERE term >= ? AND term < ? LIMIT ?')
      .pluck()
      .all(term, term + '\u{10FFFF}', MAX_EXPANSION + 1) as string[];
    if (vocab.length === 0) return { match: null, scans: [], expanded, impossible: true };
    if (vocab.length > MAX_EXPANSION) scans.push(term);
    else parts.push(vocab.length === 1 ? quote(vocab[0]) : `(${vocab.map(quote).join(' OR ')})`);
  }
  return { match: parts.length ? parts.join(' AND ') : null, scans, expanded, impossible: false };
}

/**
 * The WHERE conditions (joined with AND) and their parameters that select the articles matching
 * `plan`; `table` prefixes the column names when the FTS table is aliased in a join ("f.").
 */
export function planConditions(plan: QueryPlan, table = ''): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (plan.match) {
    where.push('articles_fts MATCH ?');
    params.push(plan.match);
  }
  for (const s of plan.scans) {
    where.push(`instr(${table}title || ${table}body, ?) > 0`);
    params.push(s);
  }
  return { where, params };
}
