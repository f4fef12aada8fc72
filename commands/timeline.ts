import type { CommandDef, ReplyEvent, ReplyItem } from '../src/core/contract/types.ts';
import { UserError } from '../src/core/contract/errors.ts';
import { checkTextArg } from './latest.ts';
import { findTopicArticles } from '../src/core/stories/find-topic-articles.ts';
import { buildTimeline, type TimelineEntry } from '../src/core/timeline/build-timeline.ts';
import { formatEventDate } from '../src/core/timeline/format-time.ts';
import { storyTimelineImage } from './timeline-image.ts';
import { lookupEntityNames } from '../src/core/entities/topics.ts';
import type { Stores } from '../src/core/store/stores.ts';

/** The spellings an event's sentence may name `topic` by: every known alias of the entity it names, else its words. */
async function topicNames(stores: Stores, topic: string): Promise<string[]> {
  const { names } = await lookupEntityNames(stores, topic);
  return names.length ? [topic, ...names] : topic.split(/\s+/).filter(Boolean);
}

const usage = { en: 'Usage: /timeline <topic or name>, e.g. /timeline Ukraine', 'zh-TW': '用法：/timeline <主題或人名>，例如 /timeline 烏克蘭' };
export const TIMELINE_LIMIT = 25;

/** /timeline <topic>: the dated events of a story, oldest first, each with its sources; day-only events apart. */
export const timelineCommand = {
  name: 'timeline',
  description: { en: 'Dated events about a topic or person, oldest first, with sources', 'zh-TW': '主題或人物的事件時間軸（由舊到新，附來源）' },
  options: [{ name: 'topic', description: { en: 'A topic or a name', 'zh-TW': '主題或人名' }, type: 'string', required: true, rest: true, autocomplete: 'topics' }],
  replayable: true,
  examples: ['/timeline 烏克蘭', '/timeline zelensky'],
  run: async ({ args, lang, replyLang }, { stores }) => {
    const topic = checkTextArg(args.topic, 100, usage);
    if (!topic) throw new UserError('missing-topic', { en: `Which topic? ${usage.en}`, 'zh-TW': `要查哪個主題？${usage['zh-TW']}` });
    const en = lang === 'en';
    const tl = await buildTimeline(stores, await findTopicArticles(stores, topic), TIMELINE_LIMIT, await topicNames(stores, topic));
    const shown: TimelineEntry[] = [...tl.dated, ...tl.undated];
    if (!shown.length) {
      return { kind: 'ok', intro: en ? `No dated events found for “${topic}”.` : `找不到與「${topic}」相關的日期事件。`, items: [], articles: [], events: [] };
    }
    const item = (e: TimelineEntry): ReplyItem => ({
      heading: formatEventDate(e.date, e.day, lang),
      text: e.text,
      meta: e.outlets.length ? e.outlets.join(en ? ', ' : '、') : undefined,
      url: e.url ?? undefined,
    });
    const items = shown.map(item);
    const events: ReplyEvent[] = shown.map((e) => ({ date: e.date, day: e.day, text: e.text, article_ids: e.article_ids }));
    const articles: number[] = [];
    for (const e of shown) for (const id of e.article_ids) if (!articles.includes(id)) articles.push(id);
    const notes: string[] = [];
    if (tl.undated.length) notes.push(en ? `${tl.undated.length} event(s) at the end have only a day of month: the article gives no month.` : `最後 ${tl.undated.length} 則只知道日，原文沒有月份。`);
    if (tl.omitted) notes.push(en ? `${tl.omitted} less-covered events not shown.` : `另有 ${tl.omitted} 則報導較少的事件未列出。`);
    return {
      kind: 'ok',
      title: en ? `Timeline: ${topic}` : `時間軸：${topic}`,
      items,
      footer: notes.length ? notes.join(' ') : undefined,
      articles,
      events,
      picture: storyTimelineImage(tl, { lang, replyLang, title: en ? `Timeline: ${topic}` : `時間軸：${topic}`, keep: [topic] }),
    };
  },
} satisfies CommandDef;
