/** The read side of the article store: stored articles with their paragraphs, revisions, and what export adds. */
import type { Lang, Paragraph, StoredArticle } from '../../article.ts';
import { toUtcInstant } from '../article-identity.ts';
import { ARTICLE_COLUMNS, toStoredArticle, type ArticleRow } from '../article-rows.ts';
import type { ArticleRevision, ArticleVersion } from '../article-revisions.ts';
import type { Sql, SqlValue } from '../sql.ts';
import { chunks, placeholders } from './rows-sql.ts';

export interface RecentOptions {
  limit?: number;
  /** Only articles published at or after this instant (ISO 8601); undated articles are then left out. */
  since?: string;
  /** Only articles published strictly before this instant (ISO 8601). */
  before?: string;
}

export type ExportedArticle = StoredArticle & { updated_at: string };

/** The read methods of the article store over `sql`. */
export function articleReads(sql: Sql) {
  /** Paragraphs of the given articles, grouped by article id, in reading order (one query per 100 ids). */
  const paragraphsOf = async (ids: readonly number[]): Promise<Map<number, Paragraph[]>> => {
    const out = new Map<number, Paragraph[]>();
    for (const id of ids) out.set(id, []);
    const unique = [...new Set(ids)];
    if (unique.length === 1) {
      const rows = await sql.all<{ text: string; lang: Lang }>('SELECT text, lang FROM paragraphs WHERE article_id = ? ORDER BY position', [unique[0]]);
      out.set(unique[0], rows.map((r) => ({ text: r.text, lang: r.lang })));
      return out;
    }
    for (const part of chunks(unique)) {
      const rows = await sql.all<{ article_id: number; text: string; lang: Lang }>(
        `SELECT article_id, text, lang FROM paragraphs WHERE article_id IN (${placeholders(part.length)}) ORDER BY article_id, position`,
        part,
      );
      for (const r of rows) out.get(r.article_id)!.push({ text: r.text, lang: r.lang });
    }
    return out;
  };
  const hydrate = async (rows: ArticleRow[]): Promise<ExportedArticle[]> => {
    const paragraphs = await paragraphsOf(rows.map((r) => r.id));
    return rows.map((r) => toStoredArticle(r, paragraphs.get(r.id) ?? []));
  };
  const row = (id: number) => sql.get<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`, [id]);

  const reads = {
    paragraphsOf,
    /** The `articles` row of `id` (JSON columns still strings), or undefined. */
    row,
    /** One article with its paragraphs, or undefined. */
    async get(id: number): Promise<ExportedArticle | undefined> {
      const r = await row(id);
      return r ? (await hydrate([r]))[0] : undefined;
    },
    /** Articles for the given ids, in the order given; unknown ids are skipped. */
    async byIds(ids: readonly number[]): Promise<ExportedArticle[]> {
      if (!ids.length) return [];
      const found = new Map<number, ArticleRow>();
      for (const part of chunks([...new Set(ids)])) {
        for (const r of await sql.all<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id IN (${placeholders(part.length)})`, part)) found.set(r.id, r);
      }
      return hydrate(ids.map((id) => found.get(id)).filter((r): r is ArticleRow => r !== undefined));
    },
    /** Every article id, ascending. */
    async ids(): Promise<number[]> {
      return (await sql.all<{ id: number }>('SELECT id FROM articles ORDER BY id')).map((r) => r.id);
    },
    /** Every article, by id, a page at a time (memory stays flat on large databases). */
    async *iterate(pageSize = 200): AsyncGenerator<ExportedArticle> {
      let after = -1;
      for (;;) {
        const rows = await sql.all<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id > ? ORDER BY id LIMIT ?`, [after, pageSize]);
        if (!rows.length) return;
        yield* await hydrate(rows);
        after = rows[rows.length - 1].id;
      }
    },
    async count(): Promise<number> {
      return Number((await sql.get<{ n: number }>('SELECT count(*) AS n FROM articles'))!.n);
    },
    /** Newest first by publication time (undated last, then newest id). */
    async recent(opts: RecentOptions = {}): Promise<ExportedArticle[]> {
      const where: string[] = [];
      const params: SqlValue[] = [];
      if (opts.since) {
        where.push('published_utc >= ?');
        params.push(toUtcInstant(opts.since) ?? opts.since);
      }
      if (opts.before) {
        where.push('published_utc < ?');
        params.push(toUtcInstant(opts.before) ?? opts.before);
      }
      const text = `SELECT ${ARTICLE_COLUMNS} FROM articles ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY published_utc IS NULL, published_utc DESC, id DESC LIMIT ?`;
      return hydrate(await sql.all<ArticleRow>(text, [...params, opts.limit ?? 20]));
    },
    /** The headline and paragraph texts of article `id` as stored, or undefined. */
    async version(id: number): Promise<ArticleVersion | undefined> {
      const r = await sql.get<{ title: string }>('SELECT title FROM articles WHERE id = ?', [id]);
      if (!r) return undefined;
      const paragraphs = await sql.all<{ text: string }>('SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position', [id]);
      return { title: r.title, paragraphs: paragraphs.map((p) => p.text) };
    },
    /** The revisions of the given articles, oldest first: by the content's own time where known, else by arrival. */
    async revisionsOf(articleIds: readonly number[]): Promise<ArticleRevision[]> {
      if (!articleIds.length) return [];
      type Row = Omit<ArticleRevision, 'body_changed'> & { body_changed: number; sort_at: string };
      const rows: Row[] = [];
      for (const part of chunks([...new Set(articleIds)])) {
        rows.push(
          ...(await sql.all<Row>(
            `SELECT id, article_id, at, old_title, new_title, body_changed, paragraphs_added, paragraphs_removed, added_sample, coalesce(content_at, at) AS sort_at
             FROM article_revisions WHERE article_id IN (${placeholders(part.length)})`,
            part,
          )),
        );
      }
      rows.sort((a, b) => cmp(a.sort_at, b.sort_at) || cmp(a.at, b.at) || a.id - b.id);
      return rows.map(({ sort_at: _, ...r }) => ({ ...r, body_changed: Number(r.body_changed) === 1 }));
    },
    /** The story article `id` is in, if any. */
    async storyOf(id: number): Promise<number | undefined> {
      return (await sql.get<{ story_id: number }>('SELECT story_id FROM story_articles WHERE article_id = ?', [id]))?.story_id;
    },
    /** What `newsbot export` adds to an article's record from the derived tables: its dated events (in order found) and its story. */
    async exportExtras(id: number): Promise<{ events: { date: string | null; day: number | null; text: string }[]; story_id: number | null }> {
      const events = await sql.all<{ date: string | null; day: number | null; text: string }>('SELECT date, day, text FROM events WHERE article_id = ? ORDER BY id', [id]);
      return { events, story_id: (await reads.storyOf(id)) ?? null };
    },
  };
  return reads;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
