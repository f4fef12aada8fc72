import type { CommandDef } from '../src/core/contract/types.ts';
import { formatQuiet } from './quiet.ts';

const KIND = { entity: { en: 'person or organisation', 'zh-TW': '人物或機構' }, topic: { en: 'topic words', 'zh-TW': '主題字詞' }, story: { en: 'one story', 'zh-TW': '單則新聞' } };

/** /following: what this chat follows, since when, and its quiet hours. */
export const followingCommand = {
  name: 'following',
  description: { en: 'What this chat follows', 'zh-TW': '本聊天室追蹤的項目' },
  options: [],
  examples: ['/following'],
  async run({ lang, chat }, { stores }) {
    const en = lang === 'en';
    const mine = await stores.follows.listByChat(chat.platform, chat.chatId);
    const quiet = await stores.chatSettings.get(chat.platform, chat.chatId);
    const quietLine = formatQuiet(quiet, lang);
    if (!mine.length) return { kind: 'ok', intro: en ? 'This chat follows nothing yet. Try /follow zelensky.' : '這個聊天室還沒有追蹤任何項目。試試 /follow 澤倫斯基。', items: [], articles: [] };
    const titles = new Map<string, string | undefined>();
    for (const f of mine) if (f.kind === 'story') titles.set(f.target, await stores.stories.title(Number(f.target)));
    const title = (id: string) => titles.get(id);
    return {
      kind: 'ok',
      title: en ? 'Following' : '追蹤中',
      items: mine.map((f) => ({
        heading: f.label,
        text: f.kind === 'story' ? `${KIND.story[lang]}${en ? ': ' : '：'}${title(f.target) ?? '—'}` : KIND[f.kind][lang],
        meta: en ? `since ${f.created_at.slice(0, 10)} · /unfollow ${f.label}` : `自 ${f.created_at.slice(0, 10)} 起 · /unfollow ${f.label}`,
      })),
      footer: quietLine,
      articles: [],
    };
  },
} satisfies CommandDef;
