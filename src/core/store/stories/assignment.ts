/**
 * The story store's ingest side: memberships, MinHash signatures, the LSH band index and the
 * same-event term index that assignStory (core/stories) reads and writes for each stored article.
 * Runs inside the ingest transaction of its caller; reads are batched per article (one statement
 * per kind of question), so the cost per article stays flat and PostgreSQL pays few round trips.
 */
import type { Sql } from '../sql.ts';
import { firstPerKey, inList, insertRows } from './sql-lists.ts';

/** What assignment compares against: a stored article's signatures and its story. */
export interface StoryCandidate {
  day: number | null;
  body_sig: Buffer;
  topic_sig: Buffer;
  story_id: number;
  duplicate_of: number | null;
  first_seen: string | null;
}

/** A story member as refreshStory reads it. */
export interface StoryMemberRow {
  article_id: number;
  duplicate_of: number | null;
  outlet: string | null;
  published_at: string | null;
  title: string;
  ingested_at: string;
}

/** The stored signature row of an article. */
export interface StoredSignature {
  day: number | null;
  body_sig: Buffer;
  topic_sig: Buffer;
  title_key: number | null;
}

/** The derived fields of a story, recomputed from its members. */
export interface StoryTotals {
  title: string;
  titleArticleId: number;
  firstSeen: string;
  lastUpdated: string;
  lastPublished: string | null;
  articleCount: number;
  outletCount: number;
  outlets: string[];
}

/** A new membership with its signature and band keys. */
export interface NewMember {
  articleId: number;
  storyId: number;
  duplicateOf: number | null;
  similarity: number | null;
  outlet: string | null;
  publishedAt: string | null;
  addedAt: string;
  day: number | null;
  bodySig: Buffer;
  topicSig: Buffer;
  titleKey: number | null;
  /** story_lsh rows: band or headline key and day (-1 for an undated body key). */
  lsh: { key: number; day: number }[];
}

const LSH_CAP = 50;

const buf = (b: unknown): Buffer => (Buffer.isBuffer(b) ? b : Buffer.from(b as Uint8Array));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function storyAssignment(sql: Sql) {
  return {
    /** The story an article is in, if any. */
    async storyOf(articleId: number): Promise<number | undefined> {
      const r = await sql.get<{ story_id: number }>('SELECT story_id FROM story_articles WHERE article_id = ?', [articleId]);
      return r ? Number(r.story_id) : undefined;
    },

    async signatureOf(articleId: number): Promise<StoredSignature | undefined> {
      const r = await sql.get<StoredSignature>('SELECT day, body_sig, topic_sig, title_key FROM story_signatures WHERE article_id = ?', [articleId]);
      return r && { day: numOrNull(r.day), body_sig: buf(r.body_sig), topic_sig: buf(r.topic_sig), title_key: numOrNull(r.title_key) };
    },

    /** Drops an article's band rows (`keys` on `day`), signature and membership. */
    async detachArticle(articleId: number, day: number, keys: number[]): Promise<void> {
      if (keys.length) {
        const { marks, params } = inList(keys);
        await sql.run(`DELETE FROM story_lsh WHERE article_id = ? AND day = ? AND key IN (${marks})`, [articleId, day, ...params]);
      }
      await sql.run('DELETE FROM story_signatures WHERE article_id = ?', [articleId]);
      await sql.run('DELETE FROM story_articles WHERE article_id = ?', [articleId]);
    },

    /**
     * Articles under each band key (first 50 per key, by day then id): within days lo..hi, plus
     * undated ones when `undated`; with no range, any day.
     */
    lshCandidates(keys: number[], range: { lo: number; hi: number; undated: boolean } | null): Promise<Map<number, number[]>> {
      if (!range) return firstPerKey(sql, 'story_lsh', 'key', keys, '', [], LSH_CAP);
      const where = range.undated ? '(day BETWEEN ? AND ? OR day = -1)' : 'day BETWEEN ? AND ?';
      return firstPerKey(sql, 'story_lsh', 'key', keys, where, [range.lo, range.hi], LSH_CAP);
    },

    /** The signatures and stories of the given articles (those with a membership), by id. */
    async candidates(articleIds: number[]): Promise<Map<number, StoryCandidate>> {
      const out = new Map<number, StoryCandidate>();
      if (!articleIds.length) return out;
      const { marks, params } = inList(articleIds);
      const rows = await sql.all<StoryCandidate & { article_id: number }>(
        `SELECT s.article_id, s.day, s.body_sig, s.topic_sig, m.story_id, m.duplicate_of, st.first_seen FROM story_signatures s
         JOIN story_articles m ON m.article_id = s.article_id JOIN stories st ON st.id = m.story_id WHERE s.article_id IN (${marks})`,
        params,
      );
      for (const r of rows) {
        out.set(Number(r.article_id), {
          day: numOrNull(r.day),
          body_sig: buf(r.body_sig),
          topic_sig: buf(r.topic_sig),
          story_id: Number(r.story_id),
          duplicate_of: numOrNull(r.duplicate_of),
          first_seen: r.first_seen,
        });
      }
      return out;
    },

    /** What an article's lead check needs: title, publication time, dateline, first five paragraphs (a caption may come first). */
    async leadOf(articleId: number): Promise<{ title: string; published_at: string | null; dateline: string | null; paragraphs: string[] } | undefined> {
      const rows = await sql.all<{ title: string; published_at: string | null; dateline: string | null; text: string | null }>(
        `SELECT a.title, a.published_at, a.dateline, p.text FROM articles a
         LEFT JOIN paragraphs p ON p.article_id = a.id AND p.position < 5 WHERE a.id = ? ORDER BY p.position`,
        [articleId],
      );
      if (!rows.length) return undefined;
      return { title: rows[0].title, published_at: rows[0].published_at, dateline: rows[0].dateline, paragraphs: rows.filter((r) => r.text !== null).map((r) => r.text!) };
    },

    /** Starts a story; returns its id. */
    async createStory(title: string, titleArticleId: number, firstSeen: string, lastUpdated: string): Promise<number> {
      const r = await sql.get<{ id: number }>('INSERT INTO stories (title, title_article_id, first_seen, last_updated) VALUES (?, ?, ?, ?) RETURNING id', [
        title,
        titleArticleId,
        firstSeen,
        lastUpdated,
      ]);
      return Number(r!.id);
    },

    /** Writes a membership, its signature and its band rows. */
    async addMember(m: NewMember): Promise<void> {
      await sql.run(
        'INSERT INTO story_articles (article_id, story_id, duplicate_of, similarity, outlet, published_at, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [m.articleId, m.storyId, m.duplicateOf, m.similarity, m.outlet, m.publishedAt, m.addedAt],
      );
      await sql.run('INSERT INTO story_signatures (article_id, day, body_sig, topic_sig, title_key) VALUES (?, ?, ?, ?, ?)', [
        m.articleId,
        m.day,
        m.bodySig,
        m.topicSig,
        m.titleKey,
      ]);
      if (m.lsh.length) await insertRows(sql, 'story_lsh', ['key', 'day', 'article_id'], m.lsh.map((r) => [r.key, r.day, m.articleId]));
    },

    /** Members of a story for refreshStory, by article id. */
    async membersForRefresh(storyId: number): Promise<StoryMemberRow[]> {
      return sql.all<StoryMemberRow>(
        `SELECT m.article_id, m.duplicate_of, m.outlet, m.published_at, a.title, a.ingested_at FROM story_articles m
         JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? ORDER BY m.article_id`,
        [storyId],
      );
    },

    async updateStory(storyId: number, t: StoryTotals): Promise<void> {
      await sql.run(
        `UPDATE stories SET title = ?, title_article_id = ?, first_seen = ?, last_updated = ?, last_published = ?, article_count = ?, outlet_count = ?, outlets = ? WHERE id = ?`,
        [t.title, t.titleArticleId, t.firstSeen, t.lastUpdated, t.lastPublished, t.articleCount, t.outletCount, JSON.stringify(t.outlets), storyId],
      );
    },

    /** How many articles a story holds. */
    async memberCount(storyId: number): Promise<number> {
      const r = await sql.get<{ n: number }>('SELECT count(*) AS n FROM story_articles WHERE story_id = ?', [storyId]);
      return Number(r?.n ?? 0);
    },

    /**
     * Gives story `from` the number `to` (which no story has): the row is copied under the new id,
     * the members follow, the old row goes. No deferred foreign keys needed, on either backend.
     */
    async renumberStory(from: number, to: number): Promise<void> {
      await sql.tx(async () => {
        await sql.run(
          `INSERT INTO stories (id, title, title_article_id, first_seen, last_updated, last_published, article_count, outlet_count, outlets)
           SELECT CAST(? AS INTEGER), title, title_article_id, first_seen, last_updated, last_published, article_count, outlet_count, outlets FROM stories WHERE id = ?`,
          [to, from],
        );
        await sql.run('UPDATE story_articles SET story_id = ? WHERE story_id = ?', [to, from]);
        await sql.run('DELETE FROM stories WHERE id = ?', [from]);
      });
    },

    async deleteStory(storyId: number): Promise<void> {
      await sql.run('DELETE FROM stories WHERE id = ?', [storyId]);
    },
  };
}
