/** What the search store needs from each backend's index (FTS5 on SQLite, pg_trgm and grams on PostgreSQL). */
import type { PlannedTerm } from '../../search/plan-query.ts';
import type { SearchRow } from './search-rows.ts';

export interface Candidates {
  /** The newest CANDIDATES matches (by id), each with its relevance in [0, 1]. */
  rows: { id: number; relevance: number }[];
  /** Some term was short: relevance is a title hit, and the total is not counted past CANDIDATES. */
  short: boolean;
  /**
   * Every match, counted (only asked when `rows` is full and no term is short); null when the
   * backend found its candidates without counting them all (the total is then "more than").
   */
  count(): Promise<number | null>;
}

export interface SearchBackend {
  writeRows(rows: SearchRow[]): Promise<void>;
  deleteRow(id: number): Promise<void>;
  compact(changed: number): Promise<void>;
  /** Ids of the articles containing every term: newest id first, or newest publication first (undated last). */
  matching(terms: PlannedTerm[], order: 'id' | 'published', limit: number): Promise<number[]>;
  /** The ranked candidates of a search; `first` is the first term as folded (its title hit ranks short-term matches). */
  candidates(terms: PlannedTerm[], first: string): Promise<Candidates>;
}
