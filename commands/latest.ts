import type { CommandDef, ReplyItem } from '../src/core/contract/types.ts';
import { UserError } from '../src/core/contract/errors.ts';
import { latestStories } from '../src/core/stories/latest-stories.ts';
import { formatPublished } from '../src/core/timeline/format-time.ts';

export const LATEST_DEFAULT = 5;
export const LATEST_MAX = 20;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const usage = {
  en: `Usage: /latest [count 1–${LATEST_MAX}] [topic], e.g. /latest 5 Ukraine`,
  'zh-TW': `用法：/latest [數量 1–${LATEST_MAX}] [主題]，例如 /latest 5 烏克蘭`,
};

/** Checks a topic or query argument: one line of at most `max` characters, no control characters. */
export function checkTextArg(value: unknown, max: number, usageText: { en: string; 'zh-TW': string }): string | undefined {
  if (value === undefined) return undefined;
  const s = String(value).trim();
  if (!s) return undefined;
  if (s.length > max) throw new UserError('too-long', { en: `That is too long (at most ${max} characters). ${usageText.en}`, 'zh-TW': `內容太長（最多 ${max} 個字元）。${usageText['zh-TW']}` });
  if (CONTROL.test(s)) throw new UserError('control-chars', { en: `That contains control characters. ${usageText.en}`, 'zh-TW': `內容含有控制字元。${usageText['zh-TW']}` });
  return s;
}

/** /latest [count] [topic]: the newest stories, each once however many outlets carried it. */
export const latestCommand = {
  name: 'latest',
  description: { en: 'Newest stories, each once with all its outlets', 'zh-TW': '最新報導，每則新聞只列一次並附上所有媒體' },
  options: [
    { name: 'count', description: { en: `How many stories (1–${LATEST_MAX}, default ${LATEST_DEFAULT})`, 'zh-TW': `幾則（1–${LATEST_MAX}，預設 ${LATEST_DEFAULT}）` }, type: 'integer', required: false, min: 1, max: LATEST_MAX },
    { name: 'topic', description: { en: 'A name or words to narrow to', 'zh-TW': '限定的人名或關鍵字' }, type: 'string', required: false, rest: true, autocomplete: 'topics' },
  ],
  replayable: true,
  examples: ['/latest 5 烏克蘭', '/latest', '/latest 3 trump'],
  run: async ({ args, lang }, { stores }) => {
    const count = args.count === undefined ? LATEST_DEFAULT : Number(args.count);
    if (!Number.isInteger(count) || count < 1 || count > LATEST_MAX) {
      throw new UserError('bad-count', { en: `Count must be 1 to ${LATEST_MAX}. ${usage.en}`, 'zh-TW': `數量必須是 1 到 ${LATEST_MAX}。${usage['zh-TW']}` });
    }
    const topic = checkTextArg(args.topic, 100, usage);
    const stories = await latestStories(stores, { limit: count, topic });
    const en = lang === 'en';
    if (!stories.length) {
      const intro = topic ? (en ? `No stories about “${topic}” yet.` : `目前沒有與「${topic}」相關的報導。`) : en ? 'No stories yet.' : '目前還沒有任何報導。';
      return { kind: 'ok', intro, items: [], articles: [] };
    }
    const items: ReplyItem[] = stories.map((s) => {
      const linked = s.articles.find((a) => a.url && /^https?:\/\//i.test(a.url));
      // Title and date from one article: the story's title article, else its newest member.
      const shown = s.articles.find((a) => a.title === s.title) ?? s.articles.at(-1);
      const newest = shown?.published_at ?? null;
      const outlets = s.outlets.length ? s.outlets.join(en ? ', ' : '、') : en ? 'outlet unknown' : '來源不明';
      const count = s.article_count > 1 ? (en ? ` · ${s.article_count} articles` : ` · ${s.article_count} 篇`) : '';
      return { heading: s.title, text: outlets, meta: formatPublished(newest, lang) + count + ` · /story ${s.id}`, url: linked?.url ?? undefined };
    });
    return {
      kind: 'ok',
      title: topic ? (en ? `Latest on ${topic}` : `「${topic}」最新報導`) : en ? 'Latest stories' : '最新報導',
      items,
      articles: stories.flatMap((s) => s.articles.map((a) => a.id)),
    };
  },
} satisfies CommandDef;
