/**
 * Later updates of a followed story go to its own place in the chat, digests included. A digest
 * stays one message in the chat; when it carries an updated story that the chat follows (its alerts
 * told it of the story) and that already has its thread (Discord) or first message (Telegram) in
 * that chat, a short note saying what changed is also posted there, so
 * the thread keeps the story's whole history. Notes go out after the digest is marked sent, each
 * with its own Discord nonce: a crash before a note is sent loses that note (at most once), never
 * the digest. A coverage line (more outlets) is left out when the chat's alerts already told the
 * thread about that story since the previous digest.
 */
import type { ChatAdapter, DeliveryTarget } from '../adapters/types.ts';
import type { Reply } from '../core/contract/types.ts';
import type { Delivery, Ledger } from '../core/store/ledger-store.ts';
import type { Subscription } from '../core/store/subscription-store.ts';
import type { ComposedDigest } from '../core/digest/compose-digest.ts';
import type { StoryThread, StoryThreadStore } from '../core/follow/story-threads.ts';
import type { Logger } from '../core/logger.ts';
import { storyRef } from '../core/digest/build-digest.ts';
import { localizeReply, textLangOf } from '../core/text/reply-script.ts';
import type { Pacer } from './pacer.ts';
import { postToStory } from './story-posts.ts';

export interface StoryNote {
  row: StoryThread;
  title: string;
  reply: Reply;
}

/**
 * The notes a digest of `sub` should leave in story threads, decided BEFORE it is sent (a story the
 * digest itself anchors has no earlier place to post to).
 */
export async function planStoryNotes(
  ledger: Pick<Ledger, 'lastAlertedAt'>,
  threads: StoryThreadStore,
  sub: Subscription,
  updates: ComposedDigest['updates'],
): Promise<StoryNote[]> {
  const en = textLangOf(sub.lang) === 'en';
  const out: StoryNote[] = [];
  for (const u of updates) {
    const row = await threads.get(sub.platform, sub.chat_id, u.storyId);
    if (!row) continue;
    const told = await ledger.lastAlertedAt(sub.platform, sub.chat_id, u.storyId);
    // Only stories the chat follows (its alerts told it of them): a plain digest chat gets the digest alone.
    if (!told) continue;
    const lines = [...u.revisions, ...(told && told > (sub.last_digest_due_at ?? '') ? [] : u.coverage)];
    if (!lines.length) continue;
    const reply = localizeReply(
      { kind: 'ok', title: en ? `In the digest: story #${u.storyId} updated` : `摘要：新聞 #${u.storyId} 有更新`, items: [{ heading: u.title, text: lines.join('\n'), meta: storyRef(u.storyId) }], articles: [] },
      sub.lang,
    );
    out.push({ row, title: u.title, reply });
  }
  return out;
}

/** Posts the planned notes of a digest that went out; a note that fails is logged and skipped. */
export async function postStoryNotes(
  deps: { adapter: ChatAdapter; threads: StoryThreadStore; pacer: Pacer; log: Logger },
  sub: Subscription,
  delivery: Delivery,
  notes: StoryNote[],
): Promise<number> {
  const place: DeliveryTarget = { platform: sub.platform, chatId: sub.chat_id, threadId: sub.thread_id ?? undefined, lang: sub.lang };
  let sent = 0;
  for (const n of notes) {
    try {
      await postToStory(deps.adapter, deps.threads, place, n.row, {
        name: n.title,
        reply: n.reply,
        part: `story-${n.row.story_id}`,
        threadsAllowed: !sub.thread_id,
        send: async (target, reply, part, replyTo) => {
          await deps.pacer.acquire(sub.platform, target.chatId, 1);
          await deps.pacer.beforeSend?.(sub.platform, 1);
          return (await deps.adapter.send(target, reply, { idempotencyKey: `digest:${sub.id}:${delivery.due_at}:${part}`, replyTo })).messageIds;
        },
      });
      sent++;
    } catch (err) {
      deps.log.warn(`digest ${delivery.id}: the note for story ${n.row.story_id} in its thread failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return sent;
}
