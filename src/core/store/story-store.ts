/** The story store: stories, their members, and the indexes story assignment uses, for both backends (see sql.ts). */
import type { Sql } from './sql.ts';
import { storyAssignment } from './stories/assignment.ts';
import { storyEventTerms } from './stories/event-terms.ts';
import { storyReads } from './stories/story-reads.ts';
import { storyMerge } from './stories/story-merge.ts';

export function storyStore(sql: Sql) {
  return { ...storyAssignment(sql), ...storyEventTerms(sql), ...storyReads(sql), ...storyMerge(sql) };
}
