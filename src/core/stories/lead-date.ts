/**
 * The day an article's lead says its news happened (今(17)日, 23日, 12月30日), resolved against
 * its publication date by the timeline's resolver. Two reports of one event share it; the daily
 * briefings of a series (境外移入＋N例, one a day) do not, however alike their wording. The same
 * guard also compares the case counts the headlines give (lead-terms.ts: titleCounts).
 * Only the lead's first sentence is read (after the photo caption, leadParagraphs): it says when
 * the news happened; what follows is its background (a case's footprints on 15, 19 and 22 Jan,
 * when symptoms began), which two reports of one event tell to different depths.
 */
import type { Stores } from '../store/stores.ts';
import { formatDate, publicationDate } from '../timeline/calendar.ts';
import { buildDateContext, findDateReferences } from '../timeline/resolve-dates.ts';
import { cleanLead, countsDisagree, leadParagraphs, titleCounts } from './lead-terms.ts';

/** The YYYY-MM-DD days the lead's first sentence names (its first 200 characters); empty when none. */
export function leadDate(paragraphs: string[], publishedAt: string | null, datelineDay: number | null = null): string[] {
  const published = publicationDate(publishedAt);
  const ctx = buildDateContext(published, datelineDay);
  const lead = leadParagraphs(paragraphs)[0];
  if (!ctx.anchor || !published || !lead) return [];
  const sentence = cleanLead(lead).split(/[。！？；]/)[0].slice(0, 200);
  // A day after publication is what the news schedules (預約自1月26日起), not when it happened.
  const latest = formatDate(published);
  const out = new Set<string>();
  for (const r of findDateReferences(sentence, ctx, { last: null })) if (r.date && r.kind !== 'slash' && r.date <= latest) out.add(r.date);
  return [...out];
}

/** Whether two leads name days and none in common: then they report different events. */
export function leadDatesDisagree(a: string[], b: string[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((d) => b.includes(d));
}

/** What the same-event guard knows of a stored article: its lead's days, its headline's case counts and days of the month. */
export interface StoredLead {
  dates: string[];
  counts: number[];
  /** Days of the month the headline names (23日停班停課): two headlines naming different days are two events. */
  titleDays?: number[];
  /** What the headline says the piece is: a report, an opinion (社論：…) or a roundup of several events (一週大事懶人包). */
  kind?: PieceKind;
}

export type PieceKind = 'report' | 'opinion' | 'roundup';

// A column label opening the headline: 社論：, 【評論】, 觀點｜, 分析：.
const OPINION = /^\s*[【\[〔（(]?\s*(?:社论|社論|社评|社評|评论|評論|时评|時評|短评|短評|快评|快評|观点|觀點|专栏|專欄|点评|點評|评论员文章|評論員文章|解读|解讀|分析|观察|觀察|论坛|論壇|投书|投書|读者来信|讀者來信)\s*(?:[】\]〕）)]|[：:｜|丨])/;
const ROUNDUP = /懶人包|懒人包|一[週周](?:大事|要聞|要闻|回顧|回顾|新聞|新闻)|(?:新聞|新闻|要聞|要闻)速[覽览]|早班[車车]|[週周]末?(?:回顧|回顾)|week in review/i;

/** What a headline says its piece is (an opinion or a roundup is never one report of an event). */
export function pieceKind(title: string): PieceKind {
  return OPINION.test(title) ? 'opinion' : ROUNDUP.test(title) ? 'roundup' : 'report';
}

// 23日, 1月24日 in a headline; not a length of time (停火30日, 為期3日, 未來7日).
const TITLE_DAY = /(?<![\d.]|停火|延長|延长|為期|为期|長達|长达|連續|连续|未來|未来|過去|过去|每|近|共|約|约)(\d{1,2})日(?![內内間间])/g;

/** The days of the month a headline names. */
export function titleDays(title: string): number[] {
  const out = new Set<number>();
  for (const m of title.matchAll(TITLE_DAY)) if (+m[1] >= 1 && +m[1] <= 31) out.add(+m[1]);
  return [...out];
}

/** leadDate and titleCounts of a stored article. */
export async function storedLead(stores: Pick<Stores, 'stories'>, articleId: number): Promise<StoredLead> {
  const row = await stores.stories.leadOf(articleId);
  if (!row) return { dates: [], counts: [], titleDays: [], kind: 'report' };
  let day: number | null = null;
  try {
    day = row.dateline ? (JSON.parse(row.dateline) as { day: number }).day ?? null : null;
  } catch {
    day = null;
  }
  return { dates: leadDate(row.paragraphs, row.published_at, day), counts: titleCounts(row.title), titleDays: titleDays(row.title), kind: pieceKind(row.title) };
}

/** Whether two leads report different events by their days, their headline counts or their kinds (a report and an editorial on it). */
export function leadsDisagree(a: StoredLead, b: StoredLead): boolean {
  return (a.kind ?? 'report') !== (b.kind ?? 'report') || leadDatesDisagree(a.dates, b.dates) || countsDisagree(a.counts, b.counts) || countsDisagree(a.titleDays ?? [], b.titleDays ?? []);
}
