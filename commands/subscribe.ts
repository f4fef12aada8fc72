import type { CommandDef } from '../src/core/contract/types.ts';
import { parseSubscribeArgs, SubscribeArgsError } from './subscribe-args.ts';
import { UserError } from '../src/core/contract/errors.ts';
import { resolveTopic } from '../src/core/digest/topic.ts';
import { foldForMatch } from '../src/core/text/normalize.ts';
import { describeSubscription, politeReply, refuseUnlessAdmin } from './subscription-replies.ts';

/** Most subscriptions one chat may hold (several topics and times, not a flood). */
export const MAX_SUBSCRIPTIONS_PER_CHAT = 20;
const DEFAULT_TIME = '08:00';
const DEFAULT_TZ = 'Asia/Taipei';

/**
 * /subscribe [HH:MM] [topic or person] [tz:Area/City]: a daily digest of new stories at that local
 * time (default 08:00, the chat's zone, Asia/Taipei unless set). A tz: given here also becomes the
 * chat's zone for later subscriptions. In groups and channels only administrators may subscribe.
 */
export const subscribeCommand = {
  name: 'subscribe',
  description: {
    en: 'Daily digest of new stories at HH:MM (default 08:00), optionally about one topic or person; tz:Area/City sets the time zone (default Asia/Taipei); on Discord, add thread to open a discussion thread on each digest',
    'zh-TW': '每天 HH:MM（預設 08:00）送來新報導摘要，可只限某個主題或人物；tz:地區/城市 設定時區（預設 Asia/Taipei）；Discord 上加 thread 會為每則摘要開討論串',
  },
  options: [
    { name: 'time', description: { en: 'Time of day, HH:MM (default 08:00)', 'zh-TW': '每天的時間 HH:MM（預設 08:00）' }, type: 'string', required: false },
    {
      name: 'topic',
      description: { en: 'Only stories about this topic or person', 'zh-TW': '只收這個主題或人物的報導' },
      type: 'string',
      required: false,
      autocomplete: 'names',
      rest: true,
    },
    { name: 'tz', description: { en: 'Time zone, e.g. Europe/Berlin (default Asia/Taipei)', 'zh-TW': '時區，例如 Asia/Taipei（預設）' }, type: 'string', required: false },
  ],
  examples: ['/subscribe', '/subscribe 07:30 zelensky', '/subscribe 08:00 tz:Europe/Berlin', '/subscribe 08:00 thread'],
  async run({ args, lang, replyLang, chat }, { stores, now }) {
    let parsed;
    try {
      parsed = parseSubscribeArgs(args);
    } catch (err) {
      if (err instanceof SubscribeArgsError) throw new UserError(err.code, err.text);
      throw err;
    }
    const refusal = await refuseUnlessAdmin(chat, lang);
    if (refusal) return refusal;
    if (chat.canPost && !(await chat.canPost())) {
      return politeReply(
        lang,
        'I cannot post messages here, so a digest would never arrive. Give me permission to send messages in this chat, then try again.',
        '我在這裡沒有發言權限，摘要將無法送達。請先允許我在此發送訊息，再試一次。',
      );
    }
    const store = stores.subscriptions;
    const settings = stores.chatSettings;
    if (parsed.tz) await settings.setTimezone(chat.platform, chat.chatId, parsed.tz, now());
    const tz = parsed.tz ?? (await settings.get(chat.platform, chat.chatId))?.timezone ?? DEFAULT_TZ;
    const time = parsed.time ?? DEFAULT_TIME;
    const existing = await store.listByChat(chat.platform, chat.chatId);
    const topicKey = parsed.topic ? foldForMatch(parsed.topic) : null;
    const same = existing.find(
      (s) => s.time === time && s.tz === tz && (s.thread_id ?? null) === (chat.threadId ?? null) && (s.topic ? foldForMatch(s.topic) : null) === topicKey,
    );
    if (same) {
      if (same.paused_reason) {
        await store.resume(same.id, now());
        const resumed = (await store.get(same.id))!;
        return {
          kind: 'ok',
          intro: lang === 'en' ? `Resumed subscription #${same.id}.` : `已恢復訂閱 #${same.id}。`,
          items: [describeSubscription(resumed, lang)],
          articles: [],
        };
      }
      return {
        kind: 'ok',
        intro: lang === 'en' ? `This chat already has that subscription (#${same.id}).` : `這個聊天室已經有這個訂閱（#${same.id}）。`,
        items: [describeSubscription(same, lang)],
        articles: [],
      };
    }
    if (existing.length >= MAX_SUBSCRIPTIONS_PER_CHAT) {
      return politeReply(
        lang,
        `This chat already has ${existing.length} subscriptions, the most allowed. Remove one with /unsubscribe first.`,
        `這個聊天室已有 ${existing.length} 個訂閱，已達上限。請先用 /unsubscribe 移除一個。`,
      );
    }
    const sub = await store.add(
      {
        platform: chat.platform,
        chatId: chat.chatId,
        threadId: chat.threadId ?? null,
        lang: replyLang ?? lang,
        time,
        tz,
        topic: parsed.topic,
        topicQuery: parsed.topic ? await resolveTopic(stores, parsed.topic) : null,
        createdBy: chat.userId,
        openThread: parsed.thread && chat.platform === 'discord',
      },
      now(),
    );
    const what = parsed.topic ? (lang === 'en' ? ` about “${parsed.topic}”` : `（主題：${parsed.topic}）`) : '';
    return {
      kind: 'ok',
      intro:
        lang === 'en'
          ? `Subscribed: a digest of new stories${what} every day at ${time} (${tz}). Only new stories are sent; days without news stay quiet.`
          : `訂閱成功：每天 ${time}（${tz}）送上新報導摘要${what}。只送新的報導，沒有新聞的日子不打擾。`,
      items: [describeSubscription(sub, lang)],
      footer: lang === 'en' ? 'See all: /subscriptions · stop: /unsubscribe ' + sub.id : '查看：/subscriptions · 取消：/unsubscribe ' + sub.id,
      articles: [],
    };
  },
} satisfies CommandDef;
