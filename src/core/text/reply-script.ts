/**
 * Simplified Chinese replies: commands write zh-TW text, and a zh-CN chat gets the whole reply
 * converted once with OpenCC's Taiwan → Simplified table (tw2s, converter built once). What the user
 * typed (a name, a topic) is kept as typed: names keep the form the chat asked for.
 */
import type { Reply, ReplyLang, TextLang } from '../contract/types.ts';
import { toSimplified } from './script.ts';

/** The language a reply is written in before conversion: zh-CN → zh-TW. */
export function textLangOf(lang: ReplyLang): TextLang {
  return lang === 'en' ? 'en' : 'zh-TW';
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` in Simplified characters, leaving each of `keep` (longest first) exactly as it was. */
export function simplifyKeeping(text: string, keep: string[] = []): string {
  const kept = keep.filter((k) => k && /\p{Script=Han}/u.test(k)).sort((a, b) => b.length - a.length);
  if (!kept.length) return toSimplified(text);
  const re = new RegExp(`(${kept.map(escapeRe).join('|')})`, 'g');
  return text
    .split(re)
    .map((part, i) => (i % 2 === 1 ? part : toSimplified(part)))
    .join('');
}

/**
 * `reply` for a zh-CN chat: every text field converted (links and ids untouched). `keep`: what the
 * user typed, left as typed where the reply echoes it (title, intro, footer); article lines are
 * converted whole.
 */
export function simplifyReply(reply: Reply, keep: string[] = []): Reply {
  const echo = (s: string | undefined) => (s === undefined ? undefined : simplifyKeeping(s, keep));
  const c = (s: string | undefined) => (s === undefined ? undefined : toSimplified(s));
  return {
    ...reply,
    title: echo(reply.title),
    intro: echo(reply.intro),
    footer: echo(reply.footer),
    items: reply.items.map((i) => ({ ...i, heading: c(i.heading), text: c(i.text), meta: c(i.meta) })),
    events: reply.events?.map((e) => ({ ...e, text: toSimplified(e.text) })),
    // The picture draws itself in Simplified already (the command knew the chat's language); only its alt text is converted here.
    picture: reply.picture ? { ...reply.picture, alt: simplifyKeeping(reply.picture.alt, keep) } : undefined,
  };
}

/** `reply` as a chat in `lang` should see it (converted for zh-CN, unchanged otherwise). */
export function localizeReply(reply: Reply, lang: ReplyLang, keep: string[] = []): Reply {
  return lang === 'zh-CN' ? simplifyReply(reply, keep) : reply;
}

/** An interface string written in zh-TW, as a chat in `lang` reads it (adapters' own words: buttons, page notes). */
export function zhFor(lang: ReplyLang, zhTW: string): string {
  return lang === 'zh-CN' ? toSimplified(zhTW) : zhTW;
}
