/**
 * Splits a search query into terms (words, or "quoted phrases") in search form. Every term must
 * match (AND). Terms of three or more characters are trigram phrases; shorter ones are expanded
 * through the index vocabulary (see plan-query.ts), because the trigram tokenizer alone silently
 * finds nothing for them.
 */
import { toSearchForm } from './search-text.ts';

export interface QueryTerm {
  /** The term as typed (for snippets: it is what the original text most likely contains). */
  raw: string;
  /** Search form: folded, one script (see search-text.ts). */
  folded: string;
}

/** Terms of `query`, deduplicated, in the order typed; empty when the query has nothing searchable. */
export function parseQuery(query: string): QueryTerm[] {
  const out: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const m of query.matchAll(/"([^"]*)"|(\S+)/g)) {
    const raw = (m[1] ?? m[2] ?? '').trim();
    const folded = toSearchForm(raw).replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
    if (!folded || seen.has(folded)) continue;
    seen.add(folded);
    out.push({ raw, folded });
  }
  return out;
}

/** Length in characters (code points), which is what the trigram tokenizer counts. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
