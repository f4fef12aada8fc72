/**
 * Picks the reply language: the chat's override when set, else the user's client language
 * (Telegram language_code, Discord locale): Simplified variants (zh-hans, zh-CN, zh-SG, zh-MY) →
 * zh-CN, any other Chinese → zh-TW, everything else → en.
 */
import type { ReplyLang } from '../contract/types.ts';

/** Maps a client language tag (`zh-hans`, `zh-TW`, `en-US`, undefined) to a reply language. */
export function langFromClient(tag: string | undefined | null): ReplyLang {
  if (!tag || !/^zh(?![a-z])/i.test(tag)) return 'en';
  return /^zh[-_](hans|cn|sg|my)\b/i.test(tag) ? 'zh-CN' : 'zh-TW';
}

/** The language to answer in: `override` (a chat setting) wins over the user's client tag. */
export function resolveLang(override: ReplyLang | null | undefined, clientTag: string | undefined | null): ReplyLang {
  return override ?? langFromClient(clientTag);
}

/** Parses what a user may type for a language: zh-TW/zh/中文/繁體 → zh-TW, zh-CN/简体 → zh-CN, en/english → en, auto → null. */
export function parseLangChoice(input: string): ReplyLang | null | undefined {
  const v = input.trim().toLowerCase();
  if (['zh-cn', 'zh_cn', 'zh-hans', 'zh-sg', 'cn', '简体', '簡體', '简体中文', '簡體中文', '简中'].includes(v)) return 'zh-CN';
  if (['zh-tw', 'zh', 'zh_tw', 'zh-hant', '中文', '繁體', '繁體中文', '繁体', 'chinese'].includes(v)) return 'zh-TW';
  if (['en', 'english', 'en-us', 'en-gb', '英文', 'eng'].includes(v)) return 'en';
  if (['auto', 'default', 'reset', '自動', '自动'].includes(v)) return null;
  return undefined;
}
