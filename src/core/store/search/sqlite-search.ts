/**
 * The search index on SQLite: FTS5 with the trigram tokenizer (`articles_fts`, rowid = article id),
 * short terms expanded through its vocabulary (see src/core/search/plan-query.ts), ranked by
 * FTS5's bm25 with the title weighted 4:1.
 */
import type { Sql, SqlValue } from '../sql.ts';
import { ftsExpansion, ftsPhrase, MAX_EXPANSION, type PlannedTerm } from '../../search/plan-query.ts';
import { CANDIDATES, relativeRelevance, SHORT_BODY_RELEVANCE, SHORT_TITLE_RELEVANCE } from '../../search/search-articles.ts';
import type { Candidates, SearchBackend } from './search-backend.ts';
import type { SearchRow } from './search-rows.ts';

interface FtsPlan {
  /** FTS5 expression every hit must match, or null when only scans remain. */
  match: string | null;
  /** Search-form substrings every hit must contain, checked by scanning. */
  scans: string[];
}

/** The search index and its queries over `articles_fts` (SQLite FTS5). */
export function sqliteSearch(sql: Sql): SearchBackend {
  /** The FTS5 plan of `terms`, or null when some term is in no indexed text (no hits). */
  async function plan(terms: PlannedTerm[]): Promise<FtsPlan | null> {
    const parts: string[] = [];
    const scans: string[] = [];
    for (const t of terms) {
      if (!t.short) {
        parts.push(ftsPhrase(t.form));
        continue;
      }
      const vocab = (
        await sql.all<{ term: string }>('SELECT term FROM articles_fts_vocab WHERE term >= ? AND term < ? LIMIT ?', [t.form, t.form + '\u{10FFFF}', MAX_EXPANSION + 1])
      ).map((r) => r.term);
      if (vocab.length === 0) return null;
      if (vocab.length > MAX_EXPANSION) scans.push(t.form);
      else parts.push(ftsExpansion(vocab));
    }
    return { match: parts.length ? parts.join(' AND ') : null, scans };
  }

  /** WHERE conditions (ANDed) and parameters selecting the matches of `p`; `table` prefixes columns when aliased ("f."). */
  function conditions(p: FtsPlan, table = ''): { where: string; params: SqlValue[] } {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (p.match) {
      where.push('articles_fts MATCH ?');
      params.push(p.match);
    }
    for (const s of p.scans) {
      where.push(`instr(${table}title || ${table}body, ?) > 0`);
      params.push(s);
    }
    return { where: where.join(' AND '), params };
  }

  return {
    async writeRows(rows: SearchRow[]) {
      if (!rows.length) return;
      await sql.tx(async () => {
        // One statement per row: FTS5 deletes a row the rowid already has (a revision) itself.
        for (const r of rows) await sql.run('INSERT OR REPLACE INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)', [r.id, r.title, r.body]);
      });
    },

    async deleteRow(id: number) {
      await sql.run('DELETE FROM articles_fts WHERE rowid = ?', [id]);
    },

    // A full 'optimize' when the batch changed at least a fifth of all articles (bulk loads: short
    // terms expand to hundreds of trigrams, each one seek per segment, so a merged index answers
    // them ~8x faster), else a bounded 'merge' step so a large index is never rewritten for a few files.
    async compact(changed: number) {
      if (changed <= 0) return;
      const total = Number((await sql.get<{ n: number }>('SELECT count(*) AS n FROM articles'))?.n ?? 0);
      if (changed * 5 >= total) await sql.run(`INSERT INTO articles_fts (articles_fts) VALUES ('optimize')`);
      else await sql.run(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', 500)`);
    },

    async matching(terms, order, limit) {
      const p = await plan(terms);
      if (!p) return [];
      if (order === 'id') {
        const { where, params } = conditions(p);
        const rows = await sql.all<{ id: number }>(`SELECT rowid AS id FROM articles_fts WHERE ${where} ORDER BY rowid DESC LIMIT ?`, [...params, limit]);
        return rows.map((r) => r.id);
      }
      const { where, params } = conditions(p, 'f.');
      const rows = await sql.all<{ id: number }>(
        `SELECT f.rowid AS id FROM articles_fts f JOIN articles a ON a.id = f.rowid
         WHERE ${where} ORDER BY a.published_utc IS NULL, a.published_utc DESC, f.rowid DESC LIMIT ?`,
        [...params, limit],
      );
      return rows.map((r) => r.id);
    },

    async candidates(terms, first): Promise<Candidates> {
      const p = await plan(terms);
      const short = terms.some((t) => t.short);
      if (!p) return { rows: [], short, count: async () => 0 };
      if (short) {
        const { where, params } = conditions(p);
        const rows = await sql.all<{ id: number; in_title: number }>(
          `SELECT rowid AS id, instr(title, ?) > 0 AS in_title FROM articles_fts WHERE ${where} ORDER BY rowid DESC LIMIT ${CANDIDATES}`,
          [first, ...params],
        );
        return { rows: rows.map((r) => ({ id: r.id, relevance: r.in_title ? SHORT_TITLE_RELEVANCE : SHORT_BODY_RELEVANCE })), short, count: async () => rows.length };
      }
      // bm25 over the newest CANDIDATES matches only: ranking every match of a common word costs
      // hundreds of ms at 100k articles. The FTS query runs alone: joined to articles, SQLite may
      // re-run MATCH once per article row.
      const rows = await sql.all<{ id: number; s: number }>(
        `SELECT rowid AS id, bm25(articles_fts, 4.0, 1.0) AS s FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ${CANDIDATES}`,
        [p.match],
      );
      const relevance = relativeRelevance(rows.map((r) => r.s));
      return {
        rows: rows.map((r, i) => ({ id: r.id, relevance: relevance[i] })),
        short,
        count: async () => Number((await sql.get<{ n: number }>('SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?', [p.match]))?.n ?? 0),
      };
    },
  };
}
