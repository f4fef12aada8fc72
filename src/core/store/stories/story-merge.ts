/**
 * Merging two stories into one (core/stories/bridge-stories.ts): the members move, and so does
 * what chats hold on the story that goes — follows of it, its thread in each chat, and what
 * digests already sent of it — so a merge loses no follower and re-sends nothing. Where a chat
 * already holds the same on the story kept, that row wins and the other goes. A redirect keeps the
 * old number working (`/story 57`, buttons of earlier messages).
 */
import type { Sql } from '../sql.ts';

export function storyMerge(sql: Sql) {
  return {
    /** Moves story `from` into story `into` and deletes `from`, leaving a redirect (totals: refreshStory afterwards). */
    async mergeStory(from: number, into: number, at: string): Promise<void> {
      await sql.tx(async () => {
        await sql.run('UPDATE story_articles SET story_id = ? WHERE story_id = ?', [into, from]);
        await sql.run(
          `UPDATE follows SET target = ?, label = CASE WHEN label = ? THEN ? ELSE label END WHERE kind = 'story' AND target = ?
           AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.platform = follows.platform AND f.chat_id = follows.chat_id AND f.kind = 'story' AND f.target = ?)`,
          [String(into), `#${from}`, `#${into}`, String(from), String(into)],
        );
        await sql.run(`DELETE FROM follows WHERE kind = 'story' AND target = ?`, [String(from)]);
        await sql.run(
          `UPDATE story_threads SET story_id = ? WHERE story_id = ?
           AND NOT EXISTS (SELECT 1 FROM story_threads t WHERE t.platform = story_threads.platform AND t.chat_id = story_threads.chat_id AND t.story_id = ?)`,
          [into, from, into],
        );
        await sql.run('DELETE FROM story_threads WHERE story_id = ?', [from]);
        await sql.run(
          `UPDATE subscription_stories SET story_id = ? WHERE story_id = ?
           AND NOT EXISTS (SELECT 1 FROM subscription_stories s WHERE s.subscription_id = subscription_stories.subscription_id AND s.story_id = ?)`,
          [into, from, into],
        );
        await sql.run('DELETE FROM subscription_stories WHERE story_id = ?', [from]);
        await sql.run('DELETE FROM stories WHERE id = ?', [from]);
        // Flat: what pointed at `from` now points at `into` too.
        await sql.run('UPDATE story_redirects SET to_id = ? WHERE to_id = ?', [into, from]);
        await sql.run('DELETE FROM story_redirects WHERE from_id = ?', [from]);
        await sql.run('INSERT INTO story_redirects (from_id, to_id, merged_at) VALUES (?, ?, ?)', [from, into, at]);
      });
    },

    /** The story number `id` answers to: itself while it exists, else the story it was merged into (if that exists). */
    async resolveStory(id: number): Promise<number | undefined> {
      if (await sql.get('SELECT 1 AS x FROM stories WHERE id = ?', [id])) return id;
      const r = await sql.get<{ to_id: number }>('SELECT r.to_id FROM story_redirects r JOIN stories s ON s.id = r.to_id WHERE r.from_id = ?', [id]);
      return r ? Number(r.to_id) : undefined;
    },
  };
}
