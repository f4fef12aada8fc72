import type { CommandDef, ReplyLang } from '../src/core/contract/types.ts';
import { UserError } from '../src/core/contract/errors.ts';
import { parseLangChoice } from '../src/core/chat-settings/resolve-lang.ts';

const NAMES: Record<ReplyLang, string> = { 'zh-TW': '繁體中文 (zh-TW)', 'zh-CN': '简体中文 (zh-CN)', en: 'English (en)' };

/**
 * /language [zh-TW|zh-CN|en|auto]: shows or sets the chat's reply language. `auto` follows each
 * user's client language. In groups only administrators may change it.
 */
export const languageCommand = {
  name: 'language',
  description: { en: 'Show or set the reply language of this chat (zh-TW, zh-CN, en, auto)', 'zh-TW': '查看或設定本聊天室的回覆語言（zh-TW、zh-CN、en、auto）' },
  options: [
    {
      name: 'language',
      description: { en: 'zh-TW, zh-CN, en or auto', 'zh-TW': 'zh-TW、zh-CN、en 或 auto' },
      type: 'string',
      required: false,
    },
  ],
  examples: ['/language en', '/language zh-TW', '/language zh-CN', '/language auto'],
  run: async ({ args, lang, chat }, { stores, now }) => {
    const store = stores.chatSettings;
    const current = (await store.get(chat.platform, chat.chatId))?.lang ?? null;
    const raw = typeof args.language === 'string' ? args.language : '';
    if (!raw) {
      const what = current ? NAMES[current] : lang === 'en' ? 'automatic (each user’s app language)' : '自動（依各使用者的應用程式語言）';
      return {
        kind: 'ok',
        intro: lang === 'en' ? `Reply language for this chat: ${what}.` : `本聊天室的回覆語言：${what}。`,
        footer: lang === 'en' ? 'Change it with /language zh-TW, /language zh-CN, /language en or /language auto.' : '用 /language zh-TW、/language zh-CN、/language en 或 /language auto 變更。',
        items: [],
        articles: [],
      };
    }
    const choice = parseLangChoice(raw);
    if (choice === undefined) {
      throw new UserError('bad-language', {
        en: `Unknown language “${raw}”. Use zh-TW, zh-CN, en or auto.`,
        'zh-TW': `不認得的語言「${raw}」。請用 zh-TW、zh-CN、en 或 auto。`,
      });
    }
    if (chat.isGroup && !(await chat.isAdmin())) {
      throw new UserError('not-admin', {
        en: 'Only administrators of this chat can change its language.',
        'zh-TW': '只有本聊天室的管理員可以變更語言設定。',
      });
    }
    await store.setLang(chat.platform, chat.chatId, choice, now());
    if (choice === null) {
      return {
        kind: 'ok',
        intro: lang === 'en' ? 'Replies now follow each user’s app language.' : '之後的回覆將依各使用者的應用程式語言。',
        items: [],
        articles: [],
      };
    }
    // Answered in the newly chosen language (a zh-CN chat's text is converted after the command runs).
    const intro = { en: 'This chat now gets replies in English.', 'zh-TW': '本聊天室之後將以繁體中文回覆。', 'zh-CN': '本聊天室之后将以简体中文回复。' };
    return { kind: 'ok', intro: intro[choice], items: [], articles: [], lang: choice };
  },
} satisfies CommandDef;
