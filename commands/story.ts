import type { CommandDef, ReplyItem, TextLang } from '../src/core/contract/types.ts';
import { UserError } from '../src/core/contract/errors.ts';
import { buildStoryView, type StoryView } from '../src/core/story-view/story-view.ts';
import { formatEventDate, formatPublished } from '../src/core/timeline/format-time.ts';
import { storyTimelineImage } from './timeline-image.ts';

const usage = { en: 'Usage: /story <number>, e.g. /story 3 (numbers are shown by /latest and in digests)', 'zh-TW': '用法：/story <編號>，例如 /story 3（編號見 /latest 與摘要）' };

const LANG_NAMES: Record<string, { en: string; 'zh-TW': string }> = {
  'zh-Hant': { en: 'Chinese (Traditional)', 'zh-TW': '中文（繁體）' },
  'zh-Hans': { en: 'Chinese (Simplified)', 'zh-TW': '中文（簡體）' },
  en: { en: 'English', 'zh-TW': '英文' },
};

/** Parses a story number as typed: `12` or `#12`. */
export function parseStoryNumber(raw: unknown): number | null {
  const m = /^#?(\d{1,9})$/.exec(String(raw ?? '').trim());
  return m ? Number(m[1]) : null;
}

function seen(iso: string, lang: TextLang): string {
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : formatPublished(iso, lang);
}

/** The items of /story: coverage per outlet, then the story's own dated events, then headline revisions. */
function storyItems(v: StoryView, lang: TextLang): ReplyItem[] {
  const en = lang === 'en';
  const items: ReplyItem[] = [];
  for (const c of v.coverage) {
    const langs = c.languages.map((l) => LANG_NAMES[l]?.[lang] ?? l).join(en ? ', ' : '、');
    const count = c.articles > 1 ? (en ? ` · ${c.articles} articles` : ` · ${c.articles} 篇`) : '';
    const when = c.firstSeen === c.lastSeen ? seen(c.firstSeen, lang) : en ? `first ${seen(c.firstSeen, lang)}, last ${seen(c.lastSeen, lang)}` : `首見 ${seen(c.firstSeen, lang)}，最近 ${seen(c.lastSeen, lang)}`;
    items.push({ heading: (en ? 'Coverage: ' : '報導：') + (c.outlet || (en ? 'outlet unknown' : '來源不明')), text: langs + count, meta: when });
  }
  for (const e of [...v.timeline.dated, ...v.timeline.undated]) {
    items.push({ heading: (en ? 'Event: ' : '事件：') + formatEventDate(e.date, e.day, lang), text: e.text, meta: e.outlets.join(en ? ', ' : '、') || undefined });
  }
  for (const r of v.revisions) {
    const what: string[] = [];
    if (r.old_title !== r.new_title) what.push(en ? `headline changed: ${r.old_title} → ${r.new_title}` : `標題更改：${r.old_title} → ${r.new_title}`);
    if (r.body_changed) {
      const n = en ? `text revised (+${r.paragraphs_added} / −${r.paragraphs_removed} paragraphs)` : `內文修訂（新增 ${r.paragraphs_added} 段、刪除 ${r.paragraphs_removed} 段）`;
      what.push(r.added_sample ? `${n}${en ? ': ' : '：'}${r.added_sample}` : n);
    }
    items.push({ heading: (en ? 'Revised ' : '修訂 ') + formatPublished(r.at, lang), text: what.join('\n'), meta: r.outlet ?? undefined });
  }
  return items;
}

/** /story <number>: one story whole — headline, shared lead, coverage, its own timeline, revisions — with its timeline picture. */
export const storyCommand = {
  name: 'story',
  description: { en: 'One story whole: lead, outlets, timeline, headline changes', 'zh-TW': '單則新聞全貌：導言、報導媒體、時間軸、標題更改' },
  options: [{ name: 'number', description: { en: 'Story number, from /latest or a digest', 'zh-TW': '新聞編號（見 /latest 或摘要）' }, type: 'string', required: true }],
  examples: ['/story 2'],
  run: async ({ args, lang, replyLang }, { stores }) => {
    const id = parseStoryNumber(args.number);
    if (id === null) throw new UserError('bad-story', { en: `That is not a story number. ${usage.en}`, 'zh-TW': `這不是新聞編號。${usage['zh-TW']}` });
    const v = await buildStoryView(stores, id);
    if (!v) throw new UserError('no-story', { en: `There is no story #${id}. ${usage.en}`, 'zh-TW': `沒有第 ${id} 則新聞。${usage['zh-TW']}` });
    const en = lang === 'en';
    const intro: string[] = [];
    if (v.lead) intro.push(v.leadOutlets > 1 ? (en ? `Lead shared by ${v.leadOutlets} outlets: ${v.lead}` : `${v.leadOutlets} 家媒體共同的導言：${v.lead}`) : (en ? `Lead: ${v.lead}` : `導言：${v.lead}`));
    const named = v.coverage.filter((c) => c.outlet);
    if (v.singleSource) intro.push(en ? `Single source: only ${named[0]?.outlet ?? 'one outlet'} carried it.` : `單一來源：只有${named[0]?.outlet ?? '一家媒體'}報導。`);
    else intro.push(en ? `Carried by ${named.length} outlets.` : `共 ${named.length} 家媒體報導。`);
    const picture = storyTimelineImage(v.timeline, { lang, replyLang, title: en ? `Story #${v.id}: ${v.title}` : `新聞 #${v.id}：${v.title}` });
    return {
      kind: 'ok',
      title: en ? `Story #${v.id}: ${v.title}` : `新聞 #${v.id}：${v.title}`,
      intro: intro.join('\n'),
      items: storyItems(v, lang),
      footer: v.revisions.length ? undefined : en ? 'No headline or text revisions seen.' : '沒有看到標題或內文修訂。',
      articles: v.articleIds,
      events: [...v.timeline.dated, ...v.timeline.undated].map((e) => ({ date: e.date, day: e.day, text: e.text, article_ids: e.article_ids })),
      picture,
    };
  },
} satisfies CommandDef;
