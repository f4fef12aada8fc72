/** Chat-facing wording shared by /subscribe, /unsubscribe and /subscriptions, in zh-TW and en. */
import type { ChatContext, Reply, ReplyItem, ReplyLang } from '../src/core/contract/types.ts';
import type { Subscription } from '../src/core/store/subscription-store.ts';
import { formatLocal } from '../src/core/digest/due-times.ts';

/** One subscription as a list item: id, time and zone, topic, next delivery (in its zone), pause reason. */
export function describeSubscription(s: Subscription, lang: ReplyLang): ReplyItem {
  const en = lang === 'en';
  const topic = s.topic ? (en ? `topic: ${s.topic}` : `主題：${s.topic}`) : en ? 'all stories' : '所有新聞';
  const where = s.thread_id ? (en ? ` · thread ${s.thread_id}` : ` · 討論串 ${s.thread_id}`) : '';
  const next = en ? `next: ${formatLocal(new Date(s.next_due_at), s.tz)}` : `下次：${formatLocal(new Date(s.next_due_at), s.tz)}`;
  const paused = s.paused_reason ? (en ? `PAUSED: ${s.paused_reason}` : `已暫停：${s.paused_reason}`) : undefined;
  return {
    heading: `#${s.id} · ${s.time} ${s.tz}`,
    text: topic + where,
    meta: paused ? `${paused} — ${en ? 'send /subscribe again to resume' : '再次 /subscribe 即可恢復'}` : next,
  };
}

/** A private, friendly usage-style reply. */
export function politeReply(lang: ReplyLang, en: string, zh: string): Reply {
  return { kind: 'usage', intro: lang === 'en' ? en : zh, items: [], articles: [], private: true };
}

/** In groups and channels only administrators change subscriptions; returns the refusal, or null when allowed. */
export async function refuseUnlessAdmin(chat: ChatContext, lang: ReplyLang): Promise<Reply | null> {
  if (!chat.isGroup) return null;
  if (await chat.isAdmin()) return null;
  return politeReply(
    lang,
    'Sorry, only administrators of this chat can change its subscriptions. Ask an admin, or subscribe in a private chat with me.',
    '抱歉，只有這個聊天室的管理員可以變更訂閱。請找管理員，或在與我的私人對話中訂閱。',
  );
}
