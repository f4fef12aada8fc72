/**
 * Publishes the command menu with setMyCommands: English as the default list and Traditional
 * Chinese for clients whose language is Chinese (run by `newsbot register`, never at start-up).
 * Telegram's language codes cannot tell Simplified from Traditional, so a chat that sets its reply
 * language gets a menu of its own in that language (chat scope).
 */
import type { Api } from 'grammy';
import { commands } from '../../../commands/index.ts';
import type { ReplyLang } from '../../core/contract/types.ts';
import { simplifyKeeping } from '../../core/text/reply-script.ts';

/** The setMyCommands list in `lang` (names are Telegram-safe: lowercase, ≤ 32 chars). */
export function telegramCommandList(lang: ReplyLang): { command: string; description: string }[] {
  const text = (c: (typeof commands)[number]) => (lang === 'zh-CN' ? simplifyKeeping(c.description['zh-TW']) : c.description[lang]);
  return commands.map((c) => ({ command: c.name, description: text(c).slice(0, 256) }));
}

/** The menu of one chat: in `lang` when the chat chose one, else the chat-scoped menu is removed (the defaults apply). */
export async function setChatMenu(api: Api, chatId: number, lang: ReplyLang | null): Promise<void> {
  const scope = { type: 'chat' as const, chat_id: chatId };
  if (lang) await api.setMyCommands(telegramCommandList(lang), { scope });
  else await api.deleteMyCommands({ scope });
}

/** Sets the default (English) and the `zh` (Chinese) command lists. */
export async function registerTelegramCommands(api: Api): Promise<void> {
  await api.setMyCommands(telegramCommandList('en'));
  await api.setMyCommands(telegramCommandList('zh-TW'), { language_code: 'zh' });
}
