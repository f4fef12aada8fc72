import type { CommandDef } from '../src/core/contract/types.ts';
import { describeSubscription } from './subscription-replies.ts';

/** /subscriptions: this chat's digests, each with its next delivery time in its own zone, and why any is paused. */
export const subscriptionsCommand = {
  name: 'subscriptions',
  description: {
    en: "List this chat's digests with their next delivery time (and why one is paused)",
    'zh-TW': '列出這個聊天室的摘要訂閱與下次發送時間（以及暫停原因）',
  },
  options: [],
  replayable: true,
  examples: ['/subscriptions'],
  async run({ lang, chat }, { stores }) {
    const mine = await stores.subscriptions.listByChat(chat.platform, chat.chatId);
    const en = lang === 'en';
    if (!mine.length) {
      return {
        kind: 'ok',
        intro: en ? 'No subscriptions in this chat yet. Try /subscribe 08:00 or /subscribe 07:30 zelensky tz:Europe/Berlin' : '這個聊天室還沒有訂閱。試試 /subscribe 08:00 或 /subscribe 07:30 澤倫斯基',
        items: [],
        articles: [],
      };
    }
    return {
      kind: 'ok',
      title: en ? `Subscriptions (${mine.length})` : `訂閱（${mine.length}）`,
      items: mine.map((s) => describeSubscription(s, lang)),
      footer: en ? 'Stop one: /unsubscribe <number>' : '取消：/unsubscribe <編號>',
      articles: [],
    };
  },
} satisfies CommandDef;
