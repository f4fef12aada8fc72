/**
 * TRANSITIONAL, deleted when the storage boundary lands: synchronous FTS5 access over a raw
 * better-sqlite3 handle for callers in areas not yet moved behind stores (DeferredIndexing and
 * ingestPaths write rows and compact inside synchronous transactions; relinkLearnedAliases and
 * searchTopicArticles read). New code uses `stores.search`. Same SQL as sqlite-search.ts.
 */
import type { Db } from '../db.ts';
import { prepareCached } from '../statements.ts';
import { parseQuery, type QueryTerm } from '../../search/parse-query.ts';
import { ftsExpansion, ftsPhrase, MAX_EXPANSION, planTerms } from '../../search/plan-query.ts';

export interface LegacyQueryPlan {
  match: string | null;
  scans: string[];
  expanded: boolean;
  impossible: boolean;
}

export function writeIndexedRowLegacy(db: Db, id: number, indexedTitle: string, indexedBody: string): void {
  prepareCached(db, 'DELETE FROM articles_fts WHERE rowid = ?').run(id);
  prepareCached(db, 'INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)').run(id, indexedTitle, indexedBody);
}

export function deleteSearchRowLegacy(db: Db, id: number): void {
  prepareCached(db, 'DELETE FROM articles_fts WHERE rowid = ?').run(id);
}

export function compactSearchIndexLegacy(db: Db, changed: number): void {
  if (changed <= 0) return;
  const total = prepareCached(db, 'SELECT count(*) FROM articles').pluck().get() as number;
  if (changed * 5 >= total) db.exec(`INSERT INTO articles_fts (articles_fts) VALUES ('optimize')`);
  else prepareCached(db, `INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', 500)`).run();
}

export function planQueryLegacy(db: Db, terms: QueryTerm[]): LegacyQueryPlan {
  const parts: string[] = [];
  const scans: string[] = [];
  let expanded = false;
  for (const t of planTerms(terms)) {
    if (!t.short) {
      parts.push(ftsPhrase(t.form));
      continue;
    }
    expanded = true;
    const vocab = prepareCached(db, 'SELECT term FROM articles_fts_vocab WHERE term >= ? AND term < ? LIMIT ?')
      .pluck()
      .all(t.form, t.form + '\u{10FFFF}', MAX_EXPANSION + 1) as string[];
    if (vocab.length === 0) return { match: null, scans: [], expanded, impossible: true };
    if (vocab.length > MAX_EXPANSION) scans.push(t.form);
    else parts.push(ftsExpansion(vocab));
  }
  return { match: parts.length ? parts.join(' AND ') : null, scans, expanded, impossible: false };
}

export function planConditionsLegacy(plan: LegacyQueryPlan, table = ''): { where: string[]; params: unknown[] } {
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

export function articlesContainingLegacy(db: Db, phrase: string, limit = 1000): number[] {
  const terms = parseQuery(`"${phrase.replace(/"/g, ' ')}"`);
  if (!terms.length) return [];
  const plan = planQueryLegacy(db, terms);
  if (plan.impossible) return [];
  const { where, params } = planConditionsLegacy(plan);
  return prepareCached(db, `SELECT rowid FROM articles_fts WHERE ${where.join(' AND ')} ORDER BY rowid DESC LIMIT ?`)
    .pluck()
    .all(...params, limit) as number[];
}
