/**
 * Alert messages as neutral Replies: a batch of new stories for the chat itself, and a coverage
 * update for a story's own thread (or reply chain). Pure; zh-CN chats get them converted.
 */
import type { Reply, ReplyItem, ReplyLang } from '../contract/types.ts';
import type { AlertStory } from './find-alerts.ts';
import { extractSentences, storyRef } from '../digest/build-digest.ts';
import { localizeReply, textLangOf } from '../text/reply-script.ts';

function whatIsNew(s: AlertStory, en: boolean): string[] {
  const lines: string[] = [];
  if (s.newOutlets.length) lines.push(en ? `New coverage: ${s.newOutlets.join(', ')}` : `新的報導媒體：${s.newOutlets.join('、')}`);
  for (const e of s.newEvents.slice(0, 3)) lines.push(en ? `New event ${e.date}: ${e.text}` : `新事件 ${e.date}：${e.text}`);
  return lines;
}

function item(s: AlertStory, en: boolean): ReplyItem {
  const lines = s.kind === 'new' ? [extractSentences(s.lead)] : whatIsNew(s, en);
  const outlets = s.outlets.join(en ? ', ' : '、') || (en ? 'outlet unknown' : '來源不明');
  return { heading: s.title, text: lines.filter(Boolean).join('\n') || undefined, url: s.url ?? undefined, meta: `${outlets} · ${storyRef(s.storyId)}` };
}

/** One message for the chat: the stories it follows that are new or newly covered, each with its /story number. */
export function renderAlertBatch(stories: AlertStory[], lang: ReplyLang): Reply {
  const en = textLangOf(lang) === 'en';
  const labels = [...new Set(stories.flatMap((s) => s.follows))];
  return localizeReply(
    {
      kind: 'ok',
      title: en ? `Following: ${labels.join(', ')}` : `追蹤：${labels.join('、')}`,
      items: stories.map((s) => ({ ...item(s, en), heading: (s.kind === 'new' ? (en ? '[New] ' : '【新】') : en ? '[Update] ' : '【更新】') + s.title })),
      footer: en ? 'Stop: /unfollow · list: /following · quiet hours: /quiet' : '停止：/unfollow · 列表：/following · 勿擾時段：/quiet',
      articles: [],
    },
    lang,
    labels,
  );
}

/** A coverage update posted in the story's own thread (Discord) or as a reply to its first message (Telegram). */
export function renderStoryUpdate(s: AlertStory, lang: ReplyLang): Reply {
  const en = textLangOf(lang) === 'en';
  return localizeReply(
    { kind: 'ok', title: en ? `Update: story #${s.storyId}` : `更新：新聞 #${s.storyId}`, items: [item(s, en)], articles: [] },
    lang,
  );
}
