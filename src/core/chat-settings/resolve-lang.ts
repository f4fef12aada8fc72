/**
 * Picks the reply language: the chat's override when set, else the user's client language
 * (Telegram language_code, Discord locale): any Chinese variant → zh-TW, everything else → en.
 */
import type { ReplyLang } from '../../../commands/types.ts';

/** Maps a client language tag (`zh-hans`, `zh-TW`, `en-US`, undefined) to a reply language. */
export function langFromClient(tag: string | undefined | null): ReplyLang {
  return tag && /^zh(?![a-z])/i.test(tag) ? 'zh-TW' : 'en';
}

/** The language to answer in: `override` (a chat setting) wins over the user's client tag. */
export function resolveLang(override: ReplyLang | null | undefined, clientTag: string | undefined | null): ReplyLang {
  return override ?? langFromClient(clientTag);
}

/** Parses what a user may type for a language: zh-TW/zh/中文/繁體 → zh-TW, en/english → en, auto → null. */
export function parseLangChoice(input: string): ReplyLang | null | undefined {
  const v = input.trim().toLowerCase();
  if (['zh-tw', 'zh', 'zh_tw', 'zh-hant', '中文', '繁體', '繁體中文', '繁体', 'chinese'].includes(v)) return 'zh-TW';
  if (['en', 'english', 'en-us', 'en-gb', '英文', 'eng'].includes(v)) return 'en';
  if (['auto', 'default', 'reset', '自動', '自动'].includes(v)) return null;
  return undefined;
}
