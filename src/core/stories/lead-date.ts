/**
 * The day an article's lead says its news happened (今(17)日, 23日, 12月30日), resolved against
 * its publication date by the timeline's resolver. Two reports of one event share it; the daily
 * briefings of a series (境外移入＋N例, one a day) do not, however alike their wording. The same
 * guard also compares the case counts the headlines give (lead-terms.ts: titleCounts).
 */
import type { Stores } from '../store/stores.ts';
import { publicationDate } from '../timeline/calendar.ts';
import { buildDateContext, findDateReferences } from '../timeline/resolve-dates.ts';
import { countsDisagree, titleCounts } from './lead-terms.ts';

/** The YYYY-MM-DD days the first two paragraphs name (their first 200 characters each); empty when none. */
export function leadDate(paragraphs: string[], publishedAt: string | null, datelineDay: number | null = null): string[] {
  const ctx = buildDateContext(publicationDate(publishedAt), datelineDay);
  if (!ctx.anchor) return [];
  const state = { last: null };
  const out = new Set<string>();
  for (const p of paragraphs.slice(0, 2)) {
    for (const r of findDateReferences(p.slice(0, 200), ctx, state)) if (r.date && r.kind !== 'slash') out.add(r.date);
  }
  return [...out];
}

/** Whether two leads name days and none in common: then they report different events. */
export function leadDatesDisagree(a: string[], b: string[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((d) => b.includes(d));
}

/** What the same-event guard knows of a stored article: its lead's days and its headline's case counts. */
export interface StoredLead {
  dates: string[];
  counts: number[];
}

/** leadDate and titleCounts of a stored article. */
export async function storedLead(stores: Pick<Stores, 'stories'>, articleId: number): Promise<StoredLead> {
  const row = await stores.stories.leadOf(articleId);
  if (!row) return { dates: [], counts: [] };
  let day: number | null = null;
  try {
    day = row.dateline ? (JSON.parse(row.dateline) as { day: number }).day ?? null : null;
  } catch {
    day = null;
  }
  return { dates: leadDate(row.paragraphs, row.published_at, day), counts: titleCounts(row.title) };
}

/** Whether two leads report different events by their days or their headline counts. */
export function leadsDisagree(a: StoredLead, b: StoredLead): boolean {
  return leadDatesDisagree(a.dates, b.dates) || countsDisagree(a.counts, b.counts);
}
