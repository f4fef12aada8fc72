/**
 * Publishes the command menu with setMyCommands: English as the default list and Traditional
 * Chinese for clients whose language is Chinese. Run by `newsbot register`, never at start-up.
 */
import type { Api } from 'grammy';
import { commands } from '../../../commands/index.ts';
import type { TextLang } from '../../core/contract/types.ts';

/** The setMyCommands list in `lang` (names are Telegram-safe: lowercase, ≤ 32 chars). */
export function telegramCommandList(lang: TextLang): { command: string; description: string }[] {
  return commands.map((c) => ({ command: c.name, description: c.description[lang].slice(0, 256) }));
}

/** Sets the default (English) and the `zh` (Chinese) command lists. */
export async function registerTelegramCommands(api: Api): Promise<void> {
  await api.setMyCommands(telegramCommandList('en'));
  await api.setMyCommands(telegramCommandList('zh-TW'), { language_code: 'zh' });
}
