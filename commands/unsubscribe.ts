import type { CommandDef } from '../src/core/contract/types.ts';
import type { Subscription } from '../src/core/store/subscription-store.ts';
import { describeSubscription, politeReply, refuseUnlessAdmin } from './subscription-replies.ts';
import { foldForMatch } from '../src/core/text/normalize.ts';
import { parseClockTime, formatClockTime } from '../src/core/digest/due-times.ts';

/**
 * /unsubscribe [which]: which is a subscription number (#3 or 3), a time (08:00), a topic, or
 * `all`. Without it, a chat's only subscription is removed; with several, the list is shown.
 */
export const unsubscribeCommand = {
  name: 'unsubscribe',
  description: {
    en: 'Stop a digest: by number (see /subscriptions), time, topic, or all',
    'zh-TW': '停止摘要：指定編號（見 /subscriptions）、時間、主題或 all',
  },
  options: [
    { name: 'which', description: { en: 'Number, HH:MM, topic, or all', 'zh-TW': '編號、HH:MM、主題或 all' }, type: 'string', required: false, rest: true },
  ],
  examples: ['/unsubscribe 3', '/unsubscribe zelensky', '/unsubscribe all'],
  async run({ args, lang, chat }, { stores }) {
    const refusal = await refuseUnlessAdmin(chat, lang);
    if (refusal) return refusal;
    const store = stores.subscriptions;
    const mine = await store.listByChat(chat.platform, chat.chatId);
    const en = lang === 'en';
    if (!mine.length) return politeReply(lang, 'This chat has no subscriptions. Start one with /subscribe.', '這個聊天室沒有任何訂閱。用 /subscribe 開始訂閱。');
    const which = String(args.which ?? '').trim();
    let chosen: Subscription[];
    if (!which) {
      if (mine.length > 1) {
        return {
          kind: 'usage',
          intro: en ? 'This chat has several subscriptions. Which one? e.g. /unsubscribe 3, or /unsubscribe all' : '這個聊天室有多個訂閱，要取消哪一個？例如 /unsubscribe 3，或 /unsubscribe all',
          items: mine.map((s) => describeSubscription(s, lang)),
          articles: [],
          private: true,
        };
      }
      chosen = mine;
    } else if (/^(all|全部)$/i.test(which)) {
      chosen = mine;
    } else if (/^#?\d+$/.test(which)) {
      chosen = mine.filter((s) => s.id === Number(which.replace('#', '')));
    } else if (parseClockTime(which)) {
      const t = formatClockTime(parseClockTime(which)!);
      chosen = mine.filter((s) => s.time === t);
    } else {
      const key = foldForMatch(which);
      chosen = mine.filter((s) => s.topic && foldForMatch(s.topic) === key);
    }
    if (!chosen.length) {
      return {
        kind: 'usage',
        intro: en ? `No subscription here matches “${which}”. This chat has:` : `這裡沒有符合「${which}」的訂閱。目前的訂閱：`,
        items: mine.map((s) => describeSubscription(s, lang)),
        articles: [],
        private: true,
      };
    }
    for (const s of chosen) await store.remove(s.id);
    const ids = chosen.map((s) => `#${s.id}`).join(', ');
    return {
      kind: 'ok',
      intro: en ? `Unsubscribed ${ids}. No more digests from ${chosen.length > 1 ? 'them' : 'it'}.` : `已取消訂閱 ${ids}，之後不再發送。`,
      items: [],
      articles: [],
    };
  },
} satisfies CommandDef;
