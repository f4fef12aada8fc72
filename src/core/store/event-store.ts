/**
 * The event store: the dated events extracted from each article (the `events` table), which
 * /timeline, /story and alerts read. For both backends (see sql.ts).
 */
import type { Sql } from './sql.ts';
import { inChunks, inList, padded } from './stories/sql-lists.ts';

/** An event to store for an article. */
export interface NewEvent {
  date: string | null;
  day: number | null;
  text: string;
  paragraph: number;
}

/** An event row with its article's story, outlet and link, as the timeline merges them. */
export interface EventRow {
  article_id: number;
  date: string | null;
  day: number | null;
  text: string;
  story_id: number | null;
  outlet: string | null;
  url: string | null;
  /** With `withParagraph`: the text of the event's paragraph. */
  paragraph_text?: string | null;
}

const CHUNK = 500;

export function eventStore(sql: Sql) {
  return {
    /** Replaces the events of an article (in the given order: the timeline keeps it). */
    async replaceForArticle(articleId: number, events: NewEvent[]): Promise<void> {
      await sql.run('DELETE FROM events WHERE article_id = ?', [articleId]);
      for (let i = 0; i < events.length; i += 200) {
        const chunk = events.slice(i, i + 200);
        await sql.run(
          `INSERT INTO events (article_id, date, day, text, paragraph) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
          chunk.flatMap((e) => [articleId, e.date, e.day, e.text, e.paragraph]),
        );
      }
    },

    /** The events of `articleIds`, by article then extraction order; `withParagraph` adds each event's paragraph text. */
    async forArticles(articleIds: number[], withParagraph = false): Promise<EventRow[]> {
      const paragraph = withParagraph ? ', (SELECT text FROM paragraphs WHERE article_id = e.article_id AND position = e.paragraph) AS paragraph_text' : '';
      // PostgreSQL would hash-join the whole of story_articles for a few hundred events (a scan that
      // grows with the archive); the LATERAL (at most one row: article_id is its key) keeps it to one
      // index probe per event.
      const story =
        sql.dialect === 'postgres'
          ? 'LEFT JOIN LATERAL (SELECT story_id, outlet FROM story_articles WHERE article_id = e.article_id LIMIT 1) m ON true'
          : 'LEFT JOIN story_articles m ON m.article_id = e.article_id';
      return inChunks(articleIds, CHUNK, (chunk) => {
        const { marks, params } = inList(chunk);
        return sql.all<EventRow>(
          `SELECT e.article_id, e.date, e.day, e.text, m.story_id, COALESCE(m.outlet, a.outlet, a.agency) AS outlet, a.url${paragraph}
           FROM events e JOIN articles a ON a.id = e.article_id ${story}
           WHERE e.article_id IN (${marks}) ORDER BY e.article_id, e.id`,
          params,
        );
      });
    },

    /** The dated events of `articleIds`, by date then id. */
    async datedOf(articleIds: number[]): Promise<{ date: string; text: string }[]> {
      if (!articleIds.length) return [];
      // One statement (the order is across all of them); lists are short: a story's members.
      const ids = padded(articleIds);
      return sql.all<{ date: string; text: string }>(
        `SELECT date, text FROM events WHERE date IS NOT NULL AND article_id IN (${ids.map(() => '?').join(',')}) ORDER BY date, id`,
        ids,
      );
    },
  };
}
