/**
 * Same-event matching for reports of one event written in different words (two outlets on the
 * same briefing), which share few shingles but many rare terms: names, places, figures with their
 * units. Each article's title and lead become terms (Han character bigrams, number+unit tokens
 * such as 3例 or 151萬, English words), kept in an inverted index by publication day.
 *
 * Decision rule: two articles published within EVENT_DAY_WINDOW days of each other report one
 * event when (1) the IDF-weighted overlap of their term sets (the weight of the shared terms over
 * the geometric mean of each article's total weight; IDF over the articles stored in that window)
 * is at least EVENT_COSINE, and (2) they share at least EVENT_RARE_TERMS
 * terms that are rare in the window (in at most RARE_DF articles). The caller also requires that
 * their leads do not name different days (the daily-briefing guard). Terms too common to be
 * informative (in more than MAX_POSTINGS articles of the window) are not looked up.
 */
import type { Stores } from '../store/stores.ts';
import { foldForShingles } from './signatures.ts';

export const EVENT_DAY_WINDOW = 1;
export const EVENT_COSINE = 0.18;
export const EVENT_RARE_TERMS = 6;
export const RARE_DF = 3;
const MAX_POSTINGS = 64;
const LEAD_CHARS = 300;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The event terms (hashed) of a title and the first paragraphs, without a leading source note such as （中央社）. */
export function eventTerms(title: string, paragraphs: string[]): number[] {
  const lead = paragraphs.join(' ').replace(/^\s*[（(][^）)]{0,40}[）)]/, '').slice(0, LEAD_CHARS);
  const out = new Set<number>();
  for (const part of [title, lead]) {
    const s = foldForShingles(part);
    for (const run of s.match(/[\u3400-\u9fff]+/g) ?? []) for (let i = 0; i + 2 <= run.length; i++) out.add(fnv1a(run.slice(i, i + 2)));
    for (const m of s.matchAll(/(\d+(?:\.\d+)?) ?([\u3400-\u9fff%a-z]?)/g)) out.add(fnv1a('#' + m[1] + m[2]));
    for (const w of s.match(/[a-z][a-z0-9]{2,}/g) ?? []) out.add(fnv1a(w));
  }
  return [...out];
}

/** An earlier article found to report the same event, with its cosine. */
export interface EventMatch {
  articleId: number;
  cosine: number;
}

/**
 * Finds the stored articles that pass the decision rule above against an article published on
 * `day` with `terms`, best first, and indexes the article (replacing what it had indexed before).
 */
export async function matchAndIndexEvent(stores: Pick<Stores, 'stories'>, articleId: number, day: number, terms: number[]): Promise<EventMatch[]> {
  const st = stores.stories;
  await st.clearEventTerms(articleId);
  const lo = day - EVENT_DAY_WINDOW;
  const hi = day + EVENT_DAY_WINDOW;
  const n = await st.eventWindowSize(lo, hi);
  // One posting more than MAX_POSTINGS tells a too-common term (skipped) from a usable one.
  const postings = await st.eventPostings(terms, lo, hi, MAX_POSTINGS + 1);
  const shared = new Map<number, { weight: number; rare: number }>();
  let norm = 0;
  for (const t of terms) {
    const ids = postings.get(t) ?? [];
    const w = Math.log((n + 2) / (ids.length + 1));
    norm += w;
    if (ids.length > MAX_POSTINGS) continue;
    for (const id of ids) {
      const s = shared.get(id) ?? { weight: 0, rare: 0 };
      s.weight += w;
      if (ids.length <= RARE_DF) s.rare++;
      shared.set(id, s);
    }
  }
  const eligible = [...shared].filter(([id, s]) => id !== articleId && s.rare >= EVENT_RARE_TERMS);
  const norms = eligible.length && norm ? await st.eventNorms(eligible.map(([id]) => id)) : new Map<number, number>();
  const out: EventMatch[] = [];
  for (const [id, s] of eligible) {
    const other = norms.get(id);
    if (!other || !norm) continue;
    const cosine = s.weight / Math.sqrt(norm * other);
    if (cosine >= EVENT_COSINE) out.push({ articleId: id, cosine });
  }
  await st.addEventTerms(articleId, day, terms, norm);
  return out.sort((a, b) => b.cosine - a.cosine);
}
