/**
 * The search index on PostgreSQL (`article_search`, migration 001): the same indexed form of title
 * and body as SQLite's FTS5 table, matched as substrings. Terms of 3+ characters are LIKE patterns
 * served by pg_trgm GIN indexes; 1–2 character terms are looked up in `grams` (the row's distinct
 * 1–2 character substrings, GIN-indexed), which is exact. Ranking reproduces SQLite's: bm25 with
 * the title weighted 4:1 over the newest CANDIDATES matches, computed here from per-row hit counts
 * (non-overlapping, which differs from FTS5 only for self-overlapping terms like 哈哈哈), or a title
 * hit for short terms.
 *
 * Reads run with sequential scans off (and, when a LIKE is involved, plain index scans too): the
 * table's heap is small because title, body and grams live in TOAST, so the planner takes a scan
 * or a newest-first walk for cheap, while each row it looks at costs a decompression of its grams
 * or body. The GIN bitmap reads only the rows that match.
 */
import type { Sql, SqlValue } from '../sql.ts';
import { charLength } from '../../search/parse-query.ts';
import type { PlannedTerm } from '../../search/plan-query.ts';
import { searchGrams, termBigrams } from '../../search/search-grams.ts';
import { bm25Idf, bm25Score, trigramTokens } from '../../search/bm25.ts';
import { CANDIDATES, relativeRelevance, SHORT_BODY_RELEVANCE, SHORT_TITLE_RELEVANCE } from '../../search/search-articles.ts';
import type { Candidates, SearchBackend } from './search-backend.ts';
import type { SearchRow } from './search-rows.ts';

/** Rows per INSERT when writing the index (one JSON parameter each). */
const WRITE_CHUNK = 200;
/** How long the table totals bm25 needs (rows, tokens) are reused before being read again. */
const STATS_TTL_MS = 60_000;
const TITLE_WEIGHT = 4;
/** Newest ids a long-term search looks among first (see candidates). */
const FIRST_WINDOW = 4096;
/**
 * A term's document frequency for its IDF is counted exactly up to this many rows (each counted
 * row is a body decompressed) and estimated past it (documentFrequency); SQLite counts them all.
 */
const DF_CAP = 300;
const BODY_WEIGHT = 1;

/** `s` as a LIKE pattern matching it anywhere (backslash is PostgreSQL's default LIKE escape). */
const containsPattern = (s: string) => `%${s.replace(/[\\%_]/g, '\\$&')}%`;

/** The search index and its queries over `article_search` (PostgreSQL). */
export function postgresSearch(sql: Sql): SearchBackend {
  let stats: { rows: number; tokens: number; at: number } | null = null;
  let trigramsSeeHan: Promise<boolean> | null = null;

  /**
   * pg_trgm takes only word characters into trigrams, and under LC_CTYPE C no CJK character is one:
   * there, 3+ character terms are narrowed by their 2-character grams as well, so they still use an index.
   */
  function hanTrigrams(): Promise<boolean> {
    return (trigramsSeeHan ??= sql
      .get<{ n: number | null }>(`SELECT array_length(show_trgm('中文字'), 1) AS n`)
      .then(
        (r) => Number(r?.n ?? 0) > 0,
        (err) => {
          trigramsSeeHan = null; // asked again next time
          throw err;
        },
      ));
  }

  /**
   * Runs `fn` (this store's reads) in a transaction with sequential scans off, and index scans off
   * too unless `indexScans` (short-term lookups, whose gram statistics are good enough for the
   * planner to choose between the gram index and a newest-first walk). The settings are restored
   * before the transaction (or the caller's, when nested) goes on.
   */
  function indexed<T>(indexScans: boolean, fn: () => Promise<T>): Promise<T> {
    return sql.tx(async () => {
      const prev = await sql.get<{ s: string; i: string }>(
        `SELECT current_setting('enable_seqscan') AS s, current_setting('enable_indexscan') AS i,
                set_config('enable_seqscan', 'off', true) AS s2, set_config('enable_indexscan', CAST(? AS TEXT), true) AS i2`,
        [indexScans ? 'on' : 'off'],
      );
      const out = await fn();
      await sql.get(`SELECT set_config('enable_seqscan', CAST(? AS TEXT), true) AS s, set_config('enable_indexscan', CAST(? AS TEXT), true) AS i`, [prev!.s, prev!.i]);
      return out;
    });
  }

  /** Short terms only: the planner may walk newest-first for common ones. */
  const allShort = (terms: PlannedTerm[]) => terms.every((t) => t.short);

  async function tableStats(): Promise<{ rows: number; tokens: number }> {
    if (stats && Date.now() - stats.at < STATS_TTL_MS) return stats;
    const r = await indexed(false, () => sql.get<{ n: number; t: number | null }>('SELECT count(*) AS n, sum(tokens) AS t FROM article_search'));
    stats = { rows: Number(r?.n ?? 0), tokens: Number(r?.t ?? 0), at: Date.now() };
    return stats;
  }

  /** WHERE conditions (ANDed) and parameters selecting rows that contain every term; `p` prefixes columns when aliased ("s."). */
  async function conditions(terms: PlannedTerm[], p = ''): Promise<{ where: string; params: SqlValue[] }> {
    const narrow = !(await hanTrigrams());
    const grams = new Set<string>();
    for (const t of terms) {
      if (t.short) grams.add(t.form);
      else if (narrow) for (const g of termBigrams(t.form)) grams.add(g);
    }
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (grams.size) {
      where.push(`${p}grams @> ARRAY[${[...grams].map(() => 'CAST(? AS TEXT)').join(', ')}]`);
      params.push(...grams);
    }
    for (const t of terms) {
      if (t.short) continue;
      where.push(`(${p}title LIKE ? OR ${p}body LIKE ?)`);
      params.push(containsPattern(t.form), containsPattern(t.form));
    }
    return { where: where.join(' AND '), params };
  }

  /**
   * How many rows contain every term: exact up to DF_CAP, estimated past it. The bitmap scan reads
   * rows in storage order (oldest first, as ingest appends them), so when it stops at DF_CAP
   * matches, the share of ids up to `top` it covered gives the rate; call inside `indexed`.
   */
  async function documentFrequency(terms: PlannedTerm[], top: number): Promise<number> {
    const { where, params } = await conditions(terms);
    const r = await sql.get<{ n: number; last: number | null }>(
      `SELECT count(*) AS n, max(article_id) AS last FROM (SELECT article_id FROM article_search WHERE ${where} LIMIT ${DF_CAP}) AS m`,
      params,
    );
    const n = Number(r?.n ?? 0);
    const last = Number(r?.last ?? 0);
    return n < DF_CAP || last <= 0 ? n : Math.round((n * top) / last);
  }

  return {
    async writeRows(rows: SearchRow[]) {
      // Only the last row per article counts (one INSERT cannot update a row twice).
      const last = new Map(rows.map((r) => [r.id, r]));
      const all = [...last.values()].map((r) => ({
        id: r.id,
        title: r.title,
        body: r.body,
        grams: searchGrams(r.title, r.body),
        tokens: trigramTokens(charLength(r.title)) + trigramTokens(charLength(r.body)),
      }));
      if (!all.length) return;
      stats = null;
      await sql.tx(async () => {
        for (let i = 0; i < all.length; i += WRITE_CHUNK) {
          await sql.run(
            `INSERT INTO article_search (article_id, title, body, grams, tokens)
             SELECT r.id, r.title, r.body, ARRAY(SELECT json_array_elements_text(r.grams)), r.tokens
             FROM json_to_recordset(CAST(? AS JSON)) AS r (id BIGINT, title TEXT, body TEXT, grams JSON, tokens INTEGER)
             ON CONFLICT (article_id) DO UPDATE SET title = excluded.title, body = excluded.body, grams = excluded.grams, tokens = excluded.tokens`,
            [JSON.stringify(all.slice(i, i + WRITE_CHUNK))],
          );
        }
      });
    },

    async deleteRow(id: number) {
      stats = null;
      await sql.run('DELETE FROM article_search WHERE article_id = ?', [id]);
    },

    // GIN indexes need no merging; after a bulk load (a fifth of the archive or more) fresh planner
    // statistics decide between the gram index and a newest-first scan for common short terms.
    async compact(changed: number) {
      if (changed <= 0) return;
      stats = null;
      const { rows } = await tableStats();
      if (changed * 5 >= rows) await sql.run('ANALYZE article_search');
    },

    async matching(terms, order, limit) {
      if (order === 'id') {
        const { where, params } = await conditions(terms);
        const rows = await indexed(allShort(terms), () =>
          sql.all<{ id: number }>(`SELECT article_id AS id FROM article_search WHERE ${where} ORDER BY article_id DESC LIMIT ?`, [...params, limit]),
        );
        return rows.map((r) => Number(r.id));
      }
      const { where, params } = await conditions(terms, 's.');
      const rows = await indexed(allShort(terms), () =>
        sql.all<{ id: number }>(
          `SELECT s.article_id AS id FROM article_search s JOIN articles a ON a.id = s.article_id
           WHERE ${where} ORDER BY a.published_utc IS NULL, a.published_utc DESC, s.article_id DESC LIMIT ?`,
          [...params, limit],
        ),
      );
      return rows.map((r) => Number(r.id));
    },

    async candidates(terms, first): Promise<Candidates> {
      const short = terms.some((t) => t.short);
      const { where, params } = await conditions(terms);
      if (short) {
        const rows = await indexed(allShort(terms), () =>
          sql.all<{ id: number; in_title: boolean }>(
            `SELECT article_id AS id, strpos(title, CAST(? AS TEXT)) > 0 AS in_title FROM article_search WHERE ${where} ORDER BY article_id DESC LIMIT ${CANDIDATES}`,
            [first, ...params],
          ),
        );
        return { rows: rows.map((r) => ({ id: Number(r.id), relevance: r.in_title ? SHORT_TITLE_RELEVANCE : SHORT_BODY_RELEVANCE })), short, count: async () => rows.length };
      }
      // Newest first: each LIKE recheck decompresses a body, so a single word's newest CANDIDATES
      // matches are looked for among the newest FIRST_WINDOW rows first; a rarer word, or several
      // words (rarer together), in the whole table. The matches are counted in the same bitmap pass:
      // the total is exact for the whole table, a lower bound ("more than") for the window.
      const newest = async (lo: number) => {
        const ids = await indexed(false, () =>
          sql.all<{ id: number; total: number }>(
            `SELECT article_id AS id, count(*) OVER () AS total FROM article_search WHERE ${where} AND article_id > ? ORDER BY article_id DESC LIMIT ${CANDIDATES}`,
            [...params, lo],
          ),
        );
        return { ids: ids.map((r) => Number(r.id)), total: Number(ids[0]?.total ?? 0), windowed: lo > 0 };
      };
      const top = Number((await sql.get<{ m: number | null }>('SELECT max(article_id) AS m FROM article_search'))?.m ?? 0);
      let found = terms.length === 1 && top > FIRST_WINDOW ? await newest(top - FIRST_WINDOW) : null;
      // Too few among the newest: the whole table (not a middle-sized window: when the planner
      // expects few matches it rechecks every trigram candidate anyway, so that would be paid twice).
      if (!found || found.ids.length < CANDIDATES) found = await newest(0);
      // Per candidate: its size in tokens and, per term, how many characters its hits take up in title and body.
      const hitCols = terms.map(
        (_, i) => `char_length(title) - char_length(replace(title, CAST(? AS TEXT), '')) AS t${i}, char_length(body) - char_length(replace(body, CAST(? AS TEXT), '')) AS b${i}`,
      );
      const hits = found.ids.length
        ? sql.all<Record<string, number>>(
            `SELECT article_id AS id, tokens, ${hitCols.join(', ')} FROM article_search WHERE article_id IN (${found.ids.map(() => '?').join(', ')}) ORDER BY article_id DESC`,
            [...terms.flatMap((t) => [t.form, t.form]), ...found.ids],
          )
        : Promise.resolve([]);
      // Several terms (always over the whole table): each one's document frequency for its IDF; one
      // term's IDF scales every score alike and cancels in the relative relevance. Asked while the
      // hits are counted: outside a caller's transaction each query has its own pooled connection.
      const frequencies = terms.length > 1 && found.ids.length ? Promise.all(terms.map((t) => indexed(false, () => documentFrequency([t], top)))) : Promise.resolve(null);
      const [rows, termCounts] = await Promise.all([hits, frequencies]);
      const { rows: total, tokens } = await tableStats();
      const idfs = termCounts ? termCounts.map((c) => bm25Idf(total, c)) : terms.map(() => 1);
      const lengths = terms.map((t) => charLength(t.form));
      const scores = rows.map((r) => {
        const freqs = terms.map((_, i) => (TITLE_WEIGHT * Number(r[`t${i}`]) + BODY_WEIGHT * Number(r[`b${i}`])) / lengths[i]);
        return bm25Score(freqs, idfs, Number(r.tokens), total ? tokens / total : 1);
      });
      const relevance = relativeRelevance(scores);
      return { rows: rows.map((r, i) => ({ id: Number(r.id), relevance: relevance[i] })), short, count: async () => (found.windowed ? null : found.total) };
    },
  };
}
