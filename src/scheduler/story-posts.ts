/**
 * Where a chat's updates of one story go, shared by alerts and digests (its own module so neither
 * imports the other).
 */
import type { ChatAdapter, DeliveryTarget } from '../adapters/types.ts';
import type { Reply } from '../core/contract/types.ts';
import type { StoryThread, StoryThreadStore } from '../core/follow/story-threads.ts';

export type Send = (target: DeliveryTarget, reply: Reply, part: string, replyTo?: string) => Promise<string[]>;

/**
 * Posts `reply` where story updates of a chat go: on Discord (no forum thread of its own) in the
 * thread on the story's first message, opened now if need be; elsewhere as a reply to that message
 * in its topic. Shared by alerts and digests.
 */
export async function postToStory(
  adapter: ChatAdapter,
  threads: StoryThreadStore,
  place: DeliveryTarget,
  row: StoryThread,
  o: { name: string; reply: Reply; send: Send; part: string; threadsAllowed: boolean },
): Promise<string[]> {
  const { reply, send, part } = o;
  if (adapter.openThread && o.threadsAllowed) {
    let threadId = row.thread_id;
    if (!threadId) {
      threadId = await adapter.openThread(place, row.message_id, o.name);
      await threads.setThread(row.platform, row.chat_id, row.story_id, threadId);
    }
    return send({ ...place, threadId }, reply, part);
  }
  return send({ ...place, threadId: row.thread_id ?? place.threadId }, reply, part, row.message_id);
}

