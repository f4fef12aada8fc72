/**
 * What `/follow <text>` means: a story number (`12`, `#12`) when such a story exists, else a
 * person or organisation the alias index knows (any script or spelling), else plain topic words.
 */
import type { Stores } from '../store/stores.ts';
import type { TopicQuery } from '../store/subscription-store.ts';
import type { FollowKind } from './follow-store.ts';
import { resolveTopic } from '../digest/topic.ts';
import { foldForMatch } from '../text/normalize.ts';
import { foldScript } from '../text/script.ts';
import { getAliasIndex } from '../entities/alias-index.ts';

export interface FollowTarget {
  kind: FollowKind;
  target: string;
  topicQuery: TopicQuery | null;
  /** For a story: its headline; for an entity: its names (Chinese, English). */
  description: string | null;
}

/** Resolves `text` (already checked for length and control characters). */
export async function resolveFollowTarget(stores: Stores, text: string): Promise<FollowTarget> {
  const num = /^#?(\d{1,9})$/.exec(text.trim());
  if (num) {
    // A number merged into another story follows that story.
    const id = await stores.stories.resolveStory(Number(num[1]));
    const title = id === undefined ? undefined : await stores.stories.title(id);
    if (id !== undefined && title !== undefined) return { kind: 'story', target: String(id), topicQuery: null, description: title };
  }
  const q = await resolveTopic(stores, text);
  if (q.entityIds.length) {
    let description: string | null = null;
    try {
      const e = (await getAliasIndex(stores)).entities.get(q.entityIds[0]);
      if (e) description = [e.name_zh, e.name_en].filter(Boolean).join(' / ') || null;
    } catch {
      // no alias index: the label alone describes it
    }
    return { kind: 'entity', target: q.entityIds[0], topicQuery: q, description };
  }
  return { kind: 'topic', target: foldForMatch(foldScript(text)), topicQuery: q, description: null };
}
