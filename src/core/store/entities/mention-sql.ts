/**
 * The mention index: which articles mention which entity (entity_mentions), and per-entity tallies
 * of articles, spellings and roles (entity_facets) kept exact as mentions are replaced. Reads are
 * index ranges on (entity_id, sort_key), so their cost grows with the answer, not the archive.
 */
import type { Sql } from '../sql.ts';
import { insertRows, marks } from './rows.ts';

/** One article's mention of one entity, as the indexer writes it. */
export interface MentionInput {
  entityId: string;
  count: number;
  firstPos: number;
  inTitle: boolean;
  surface: string;
  surfaces: string[];
  role: string | null;
}

/** The facets one mention adds to its entity's tallies. */
function facetsOf(surfaces: string[], role: string | null): [string, string][] {
  const out: [string, string][] = [['count', '']];
  for (const s of surfaces) out.push(['spelling', s]);
  if (role) out.push(['role', role]);
  return out;
}

/** How many of the latest articles co-mentions are counted over. */
export const CO_MENTION_SAMPLE = 500;
/** Stories are counted exactly up to this many articles, else over the newest this many. */
export const STORY_SAMPLE = 5000;

export function mentionSql(sql: Sql) {
  // SQLite keeps a CROSS JOIN's left table outer (the sampled articles); PostgreSQL has no ON for CROSS JOIN.
  const outerJoin = sql.dialect === 'sqlite' ? 'CROSS JOIN' : 'JOIN';
  // PostgreSQL hash-joins the whole of story_articles once the sample is a few hundred articles (a
  // scan that grows with the archive); a LATERAL probe per article (article_id is the key, so at
  // most one row) keeps the cost to the sample's size.
  const storyJoin =
    sql.dialect === 'sqlite'
      ? 'CROSS JOIN story_articles s ON s.article_id = m.article_id'
      : 'CROSS JOIN LATERAL (SELECT story_id FROM story_articles WHERE article_id = m.article_id LIMIT 1) s';
  return {
    /**
     * Replaces the mention rows of article `articleId` and moves the facet tallies by the
     * difference: one read, one delete, one multi-row insert and one multi-row upsert per article.
     */
    async replaceMentions(articleId: number, sortKey: string, mentions: MentionInput[]): Promise<void> {
      await sql.tx(async () => {
        const old = await sql.all<{ entity_id: string; surfaces: string; role: string | null }>(`SELECT entity_id, surfaces, role FROM entity_mentions WHERE article_id = ?`, [
          articleId,
        ]);
        const delta = new Map<string, { entityId: string; kind: string; value: string; n: number }>();
        const move = (entityId: string, surfaces: string[], role: string | null, by: number) => {
          for (const [kind, value] of facetsOf(surfaces, role)) {
            const k = `${entityId}\u0000${kind}\u0000${value}`;
            const d = delta.get(k);
            if (d) d.n += by;
            else delta.set(k, { entityId, kind, value, n: by });
          }
        };
        for (const o of old) move(o.entity_id, JSON.parse(o.surfaces) as string[], o.role, -1);
        for (const m of mentions) move(m.entityId, m.surfaces, m.role, 1);
        if (old.length) await sql.run(`DELETE FROM entity_mentions WHERE article_id = ?`, [articleId]);
        await insertRows(
          sql,
          `INSERT INTO entity_mentions (entity_id, article_id, count, first_pos, in_title, surface, surfaces, role, sort_key) VALUES`,
          `(?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          '',
          mentions.map((m) => [m.entityId, articleId, m.count, m.firstPos, m.inTitle ? 1 : 0, m.surface, JSON.stringify(m.surfaces), m.role, sortKey]),
        );
        const changed = [...delta.values()].filter((d) => d.n !== 0);
        if (!changed.length) return;
        await insertRows(
          sql,
          `INSERT INTO entity_facets (entity_id, kind, value, articles) VALUES`,
          `(?, ?, ?, ?)`,
          `ON CONFLICT (entity_id, kind, value) DO UPDATE SET articles = entity_facets.articles + excluded.articles`,
          changed.map((d) => [d.entityId, d.kind, d.value, d.n]),
        );
        const dropped = [...new Set(changed.filter((d) => d.n < 0).map((d) => d.entityId))];
        for (let i = 0; i < dropped.length; i += 500) {
          const part = dropped.slice(i, i + 500);
          await sql.run(`DELETE FROM entity_facets WHERE entity_id IN (${marks(part.length)}) AND articles <= 0`, part);
        }
      });
    },

    /** The found-name (`n:`) mention rows of one article, for re-indexing without the segmenter. */
    async foundMentionsOf(articleId: number): Promise<MentionInput[]> {
      const rows = await sql.all<{ entity_id: string; count: number; first_pos: number; in_title: number; surface: string; surfaces: string }>(
        `SELECT entity_id, count, first_pos, in_title, surface, surfaces FROM entity_mentions WHERE article_id = ? AND entity_id LIKE 'n:%' ORDER BY entity_id`,
        [articleId],
      );
      return rows.map((r) => ({ entityId: r.entity_id, count: r.count, firstPos: r.first_pos, inTitle: !!r.in_title, surfaces: JSON.parse(r.surfaces) as string[], surface: r.surface, role: null }));
    },

    /** An article's mentions with their entity's name and type, most mentioned first (for export). */
    async mentionsWithNames(articleId: number): Promise<{ id: string; count: number; type: string; name: string }[]> {
      return sql.all(
        `SELECT m.entity_id AS id, m.count AS count, e.type AS type, coalesce(e.name_zh, e.name_en, e.id) AS name
         FROM entity_mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.count DESC, m.first_pos, m.entity_id`,
        [articleId],
      );
    },

    /** Whether article `articleId` mentions any of `entityIds`. */
    async mentionsAny(articleId: number, entityIds: string[]): Promise<boolean> {
      if (!entityIds.length) return false;
      const row = await sql.get(`SELECT 1 AS x FROM entity_mentions WHERE article_id = ? AND entity_id IN (${marks(entityIds.length)}) LIMIT 1`, [articleId, ...entityIds]);
      return row !== undefined;
    },

    /** Ids of the articles mentioning `entityId`, newest first (undated last); all of them without `limit`. */
    async articleIds(entityId: string, limit?: number): Promise<number[]> {
      if (sql.dialect === 'postgres' && limit === undefined) {
        // Every id, thousands for a common name: one text row instead of a protocol row per id.
        const r = await sql.get<{ ids: string | null }>(
          `SELECT string_agg(CAST(article_id AS TEXT), ',' ORDER BY sort_key DESC, article_id DESC) AS ids FROM entity_mentions WHERE entity_id = ?`,
          [entityId],
        );
        return r?.ids ? r.ids.split(',').map(Number) : [];
      }
      const rows =
        limit === undefined
          ? await sql.all<{ article_id: number }>(`SELECT article_id FROM entity_mentions WHERE entity_id = ? ORDER BY sort_key DESC, article_id DESC`, [entityId])
          : await sql.all<{ article_id: number }>(`SELECT article_id FROM entity_mentions WHERE entity_id = ? ORDER BY sort_key DESC, article_id DESC LIMIT ?`, [entityId, limit]);
      return rows.map((r) => Number(r.article_id));
    },

    /** Sort dates of the first and last dated mention (two LIMIT 1 probes of the index, not MIN/MAX over the range). */
    async seenRange(entityId: string): Promise<{ first: string | null; last: string | null }> {
      if (sql.dialect === 'postgres') {
        // One round trip for both probes.
        const r = await sql.get<{ first: string | null; last: string | null }>(
          `SELECT (SELECT sort_key FROM entity_mentions WHERE entity_id = ? AND sort_key > '' ORDER BY sort_key ASC LIMIT 1) AS first,
                  (SELECT sort_key FROM entity_mentions WHERE entity_id = ? AND sort_key > '' ORDER BY sort_key DESC LIMIT 1) AS last`,
          [entityId, entityId],
        );
        return { first: r?.first ?? null, last: r?.last ?? null };
      }
      const first = await sql.get<{ sort_key: string }>(`SELECT sort_key FROM entity_mentions WHERE entity_id = ? AND sort_key > '' ORDER BY sort_key ASC LIMIT 1`, [entityId]);
      const last = await sql.get<{ sort_key: string }>(`SELECT sort_key FROM entity_mentions WHERE entity_id = ? AND sort_key > '' ORDER BY sort_key DESC LIMIT 1`, [entityId]);
      return { first: first?.sort_key ?? null, last: last?.sort_key ?? null };
    },

    /** Distinct stories among the newest STORY_SAMPLE articles mentioning `entityId`. */
    async storyCount(entityId: string): Promise<number> {
      const row = await sql.get<{ n: number }>(
        `WITH m AS MATERIALIZED (SELECT article_id FROM entity_mentions WHERE entity_id = ? ORDER BY sort_key DESC, article_id DESC LIMIT ${STORY_SAMPLE})
         SELECT COUNT(DISTINCT s.story_id) AS n FROM m ${storyJoin}`,
        [entityId],
      );
      return Number(row?.n ?? 0);
    },

    /** The most frequent values of one facet kind ('spelling' or 'role') of an entity. */
    async facets(entityId: string, kind: 'spelling' | 'role', limit = 12): Promise<{ value: string; articles: number }[]> {
      const rows = await sql.all<{ value: string; articles: number }>(
        `SELECT value, articles FROM entity_facets WHERE entity_id = ? AND kind = ? ORDER BY articles DESC, length(value) DESC, value LIMIT ?`,
        [entityId, kind, limit],
      );
      return rows.map((r) => ({ value: r.value, articles: Number(r.articles) }));
    },

    /** Entities most often mentioned in the same articles, over the newest CO_MENTION_SAMPLE articles of `entityId`. */
    async coMentions(entityId: string): Promise<{ id: string; n: number }[]> {
      const rows = await sql.all<{ id: string; n: number }>(
        `WITH a AS MATERIALIZED (SELECT article_id FROM entity_mentions WHERE entity_id = ? ORDER BY sort_key DESC, article_id DESC LIMIT ${CO_MENTION_SAMPLE})
         SELECT m.entity_id AS id, COUNT(*) AS n FROM a ${outerJoin} entity_mentions m ON m.article_id = a.article_id
         WHERE m.entity_id != ? GROUP BY m.entity_id ORDER BY n DESC, m.entity_id`,
        [entityId, entityId],
      );
      return rows.map((r) => ({ id: r.id, n: Number(r.n) }));
    },

    /** How many articles mention each of `ids` (kept in entity_facets, so one index probe each). */
    async mentionCounts(ids: string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      const uniq = [...new Set(ids)];
      for (let i = 0; i < uniq.length; i += 500) {
        const part = uniq.slice(i, i + 500);
        const rows = await sql.all<{ entity_id: string; articles: number }>(
          `SELECT entity_id, articles FROM entity_facets WHERE entity_id IN (${marks(part.length)}) AND kind = 'count' AND value = ''`,
          part,
        );
        for (const r of rows) out.set(r.entity_id, Number(r.articles));
      }
      return out;
    },

    /** The `limit` most mentioned entities. */
    async mostMentioned(limit: number): Promise<string[]> {
      const rows = await sql.all<{ entity_id: string }>(`SELECT entity_id FROM entity_facets WHERE kind = 'count' AND value = '' ORDER BY articles DESC, entity_id LIMIT ?`, [limit]);
      return rows.map((r) => r.entity_id);
    },

    /** The headline fields of articles `ids`, in the order given (missing ones left out). */
    async headlines(ids: number[]): Promise<{ id: number; title: string; url: string | null; outlet: string | null; published_at: string | null }[]> {
      if (!ids.length) return [];
      const rows = await sql.all<{ id: number; title: string; url: string | null; outlet: string | null; published_at: string | null }>(
        `SELECT id, title, url, outlet, published_at FROM articles WHERE id IN (${marks(ids.length)})`,
        ids,
      );
      const byId = new Map(rows.map((r) => [Number(r.id), { ...r, id: Number(r.id) }]));
      return ids.map((id) => byId.get(id)).filter((h) => !!h);
    },
  };
}
