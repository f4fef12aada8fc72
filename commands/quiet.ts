import type { CommandDef, TextLang } from '../src/core/contract/types.ts';
import { UserError } from '../src/core/contract/errors.ts';
import { refuseFollowUnlessAdmin } from './follow.ts';
import type { ChatSettings } from '../src/core/store/chat-settings-store.ts';

const usage = { en: 'Usage: /quiet 23:00-07:00 (local time), /quiet off, or /quiet to see it', 'zh-TW': '用法：/quiet 23:00-07:00（當地時間）、/quiet off，或 /quiet 查看' };
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Parses `23:00-07:00` (also 23-7, 23:00~07:00, 23:00 到 07:00) into minutes after midnight, or null when it is not such a range. */
export function parseQuietRange(text: string): [number, number] | null {
  const m = /^([0-2]?\d)(?:[:：]([0-5]\d))?\s*(?:-|–|~|～|到|至|to)\s*([0-2]?\d)(?:[:：]([0-5]\d))?$/i.exec(text.trim());
  if (!m) return null;
  const a = Number(m[1]) * 60 + Number(m[2] ?? 0);
  const b = Number(m[3]) * 60 + Number(m[4] ?? 0);
  if (a >= 24 * 60 || b >= 24 * 60 || a === b) return null;
  return [a, b];
}

/** One line describing a chat's quiet hours. */
export function formatQuiet(s: Pick<ChatSettings, 'quietStart' | 'quietEnd' | 'timezone'> | null, lang: TextLang): string {
  const tz = s?.timezone ?? 'Asia/Taipei';
  if (!s || s.quietStart === null || s.quietEnd === null) return lang === 'en' ? 'No quiet hours: alerts may come at any time.' : '沒有設定勿擾時段：任何時間都可能收到通知。';
  return lang === 'en'
    ? `Quiet hours ${hhmm(s.quietStart)}–${hhmm(s.quietEnd)} (${tz}): alerts wait until they end.`
    : `勿擾時段 ${hhmm(s.quietStart)}–${hhmm(s.quietEnd)}（${tz}）：期間的通知會在結束後送出。`;
}

/** /quiet [HH:MM-HH:MM | off]: hours in which alerts are held (they go out, batched, when the hours end). */
export const quietCommand = {
  name: 'quiet',
  description: { en: 'Quiet hours for alerts, e.g. 23:00-07:00, or off', 'zh-TW': '通知的勿擾時段，例如 23:00-07:00，或 off' },
  options: [{ name: 'hours', description: { en: 'HH:MM-HH:MM local time, or off', 'zh-TW': 'HH:MM-HH:MM 當地時間，或 off' }, type: 'string', required: false, rest: true }],
  examples: ['/quiet 23:00-07:00', '/quiet off', '/quiet'],
  async run({ args, lang, chat }, { stores, now }) {
    const store = stores.chatSettings;
    const raw = typeof args.hours === 'string' ? args.hours.trim() : '';
    if (!raw) return { kind: 'ok', intro: formatQuiet(await store.get(chat.platform, chat.chatId), lang), footer: usage[lang], items: [], articles: [] };
    const off = /^(off|none|關閉|关闭|取消)$/i.test(raw);
    const range = off ? null : parseQuietRange(raw);
    if (!off && !range) throw new UserError('bad-quiet', { en: `I cannot read “${raw}” as hours. ${usage.en}`, 'zh-TW': `看不懂「${raw}」這個時段。${usage['zh-TW']}` });
    const refusal = await refuseFollowUnlessAdmin(chat, lang);
    if (refusal) return refusal;
    await store.setQuiet(chat.platform, chat.chatId, range?.[0] ?? null, range?.[1] ?? null, now());
    return { kind: 'ok', intro: formatQuiet(await store.get(chat.platform, chat.chatId), lang), items: [], articles: [] };
  },
} satisfies CommandDef;
