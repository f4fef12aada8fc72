import type { ChatContext, CommandDef, Reply, TextLang } from '../src/core/contract/types.ts';
import { UserError } from '../src/core/contract/errors.ts';
import { checkTextArg } from './latest.ts';
import { MAX_FOLLOWS_PER_CHAT } from '../src/core/follow/follow-store.ts';
import { resolveFollowTarget } from '../src/core/follow/follow-target.ts';
import { politeReply } from './subscription-replies.ts';

const usage = { en: 'Usage: /follow <person | topic | story number>, e.g. /follow zelensky', 'zh-TW': '用法：/follow <人物、主題或新聞編號>，例如 /follow 澤倫斯基' };

/** In groups only administrators change what the chat follows (as with subscriptions); the refusal, or null. */
export async function refuseFollowUnlessAdmin(chat: ChatContext, lang: TextLang): Promise<Reply | null> {
  if (!chat.isGroup || (await chat.isAdmin())) return null;
  return politeReply(
    lang,
    'Sorry, only administrators of this chat can change what it follows. Ask an admin, or follow it in a private chat with me.',
    '抱歉，只有這個聊天室的管理員可以變更追蹤項目。請找管理員，或在與我的私人對話中追蹤。',
  );
}

/** /follow <person|topic|story number>: alerts within minutes when it gets really new coverage. */
export const followCommand = {
  name: 'follow',
  description: { en: 'Get alerts when a person, topic or story gets new coverage', 'zh-TW': '追蹤人物、主題或新聞：有新報導時通知' },
  options: [{ name: 'what', description: { en: 'A name, words, or a story number', 'zh-TW': '人名、關鍵字或新聞編號' }, type: 'string', required: true, rest: true, autocomplete: 'names' }],
  examples: ['/follow 澤倫斯基', '/follow zelensky', '/follow 2'],
  async run({ args, lang, replyLang, chat }, { stores, now }) {
    const what = checkTextArg(args.what, 100, usage);
    if (!what) throw new UserError('missing-follow', { en: `Follow what? ${usage.en}`, 'zh-TW': `要追蹤什麼？${usage['zh-TW']}` });
    const refusal = await refuseFollowUnlessAdmin(chat, lang);
    if (refusal) return refusal;
    const store = stores.follows;
    const existing = await store.listByChat(chat.platform, chat.chatId);
    const t = await resolveFollowTarget(stores, what);
    const en = lang === 'en';
    if (existing.length >= MAX_FOLLOWS_PER_CHAT && !existing.some((f) => f.kind === t.kind && f.target === t.target)) {
      return politeReply(lang, `This chat already follows ${existing.length} things, the most allowed. Remove one with /unfollow first.`, `這個聊天室已追蹤 ${existing.length} 項，已達上限。請先用 /unfollow 移除一項。`);
    }
    const { follow, created } = await store.add(
      { platform: chat.platform, chatId: chat.chatId, threadId: chat.threadId ?? null, lang: replyLang ?? lang, kind: t.kind, target: t.target, label: t.kind === 'story' ? `#${t.target}` : what, topicQuery: t.topicQuery, createdBy: chat.userId },
      now(),
    );
    const name = t.kind === 'story' ? (en ? `story #${t.target}` : `新聞 #${t.target}`) : `“${what}”`;
    const zhName = t.kind === 'story' ? `新聞 #${t.target}` : `「${what}」`;
    const kindLine =
      t.kind === 'story' ? t.description : t.kind === 'entity' ? (en ? `Person or organisation: ${t.description ?? what}` : `人物或機構：${t.description ?? what}`) : en ? 'Words in the headline or text' : '標題或內文中的字詞';
    return {
      kind: 'ok',
      intro: created
        ? en
          ? `Following ${name}. New coverage — a new story, a new outlet or a new dated event — is sent here within minutes (at most one alert message every 10 minutes; /quiet sets quiet hours).`
          : `已追蹤${zhName}。有新報導（新的新聞、新的媒體或新的日期事件）時，幾分鐘內會通知這裡（每 10 分鐘最多一則；/quiet 設定勿擾時段）。`
        : en
          ? `This chat already follows ${name} (since ${follow.created_at.slice(0, 10)}).`
          : `這個聊天室已經在追蹤${zhName}（自 ${follow.created_at.slice(0, 10)} 起）。`,
      items: kindLine ? [{ text: kindLine }] : [],
      footer: en ? 'See all: /following · stop: /unfollow ' + follow.label : '查看：/following · 停止：/unfollow ' + follow.label,
      articles: [],
    };
  },
} satisfies CommandDef;
