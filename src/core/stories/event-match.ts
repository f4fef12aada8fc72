/**
 * Same-event matching for reports of one event written in different words (two outlets on the
 * same briefing), which share few shingles but many rare terms: names, places, figures with their
 * units. Each article's title and lead become terms (lead-terms.ts: Han character bigrams, figures,
 * English words, and its headline's terms marked as such), kept in an inverted index by day.
 *
 * Decision rule: two articles published within EVENT_DAY_WINDOW days of each other report one
 * event when either
 * (1) the IDF-weighted overlap of their term sets (the weight of the shared terms over the
 *     geometric mean of each article's total weight; IDF over the articles stored in that window)
 *     is at least EVENT_COSINE, they share at least
 *     EVENT_RARE_TERMS terms that are rare in the window (in at most RARE_DF articles and
 *     RARE_SHARE of them), and their headlines share a term that is not common (a shared
 *     background paragraph alone, such as an outlet's recap of a cluster, does not make one event);
 * or (2) they share a rare exact figure and another rare figure or English word (the neutral rule:
 *     all an English version shares with the Chinese report it retells).
 * The caller also requires that their leads do not name different days and their headlines do
 * not give different case counts (the daily-briefing guard). Terms too common to be informative
 * (in more than MAX_POSTINGS articles of the window) are not looked up.
 */
import type { Stores } from '../store/stores.ts';
import type { LeadTerms } from './lead-terms.ts';

export const EVENT_DAY_WINDOW = 1;
export const EVENT_COSINE = 0.12;
export const EVENT_RARE_TERMS = 6;
export const RARE_DF = 3;
/** ...and in at most this share of them: in a thin window (a slow news day) every term looks rare. */
export const RARE_SHARE = 0.05;
/** A figure or English word in at most this share of the window's articles (and RARE_DF) is rare enough for the neutral rule. */
export const NEUTRAL_DF_SHARE = 0.03;
/** Two headlines agree when they share a term in at most this share of the window's articles (or RARE_DF). */
export const HEADLINE_DF_SHARE = 0.1;
const MAX_POSTINGS = 64;

/** A paragraph after the lead is a shared background when the other article holds this share of its (at least BACKGROUND_MIN_TERMS) own terms. */
export const BACKGROUND_SHARE = 0.6;
export const BACKGROUND_MIN_TERMS = 12;

interface Overlap {
  weight: number;
  rare: number;
  figures: number;
  words: number;
  terms: number;
}
function count(o: Overlap, weight: number, rare: boolean, figure: boolean, word: boolean): void {
  o.weight += weight;
  o.terms++;
  if (rare) o.rare++;
  if (figure) o.figures++;
  if (word) o.words++;
}

/** What an earlier article shares with this one; `context`: the part of it from after the lead. */
interface Shared extends Overlap {
  headline: number;
  context: Overlap;
}

/**
 * How much more than the joining bar a match must score to join two existing stories through the
 * article (bridge-stories.ts): merging two stories is a bigger step than adding one article.
 */
export const BRIDGE_FACTOR = 1.25;

/** An earlier article found to report the same event, with its cosine; `strong` when it clears the bridging bar too. */
export interface EventMatch {
  articleId: number;
  cosine: number;
  strong: boolean;
}

/**
 * Finds the stored articles that pass the decision rule above against an article published on
 * `day` with the terms `lead` (leadTerms), best first, and indexes the article (replacing what it
 * had indexed before).
 */
export async function matchAndIndexEvent(stores: Pick<Stores, 'stories'>, articleId: number, day: number, lead: LeadTerms): Promise<EventMatch[]> {
  const { terms, figures, words, headline, context } = lead;
  const st = stores.stories;
  await st.clearEventTerms(articleId);
  const lo = day - EVENT_DAY_WINDOW;
  const hi = day + EVENT_DAY_WINDOW;
  const n = await st.eventWindowSize(lo, hi);
  const rareDf = Math.min(RARE_DF, Math.max(1, Math.floor(n * RARE_SHARE)));
  const neutralDf = Math.min(Math.max(RARE_DF, Math.ceil(n * NEUTRAL_DF_SHARE)), Math.max(1, Math.floor(n * RARE_SHARE)));
  // One posting more than MAX_POSTINGS tells a too-common term (skipped) from a usable one.
  const postings = await st.eventPostings(terms, lo, hi, MAX_POSTINGS + 1);
  const headlineDf = Math.max(RARE_DF, Math.floor(n * HEADLINE_DF_SHARE));
  const shared = new Map<number, Shared>();
  const fresh = (): Overlap => ({ weight: 0, rare: 0, figures: 0, words: 0, terms: 0 });
  let norm = 0;
  let contextTerms = 0;
  for (const t of terms) {
    const ids = postings.get(t) ?? [];
    const w = Math.log((n + 2) / (ids.length + 1));
    norm += w;
    if (ids.length > MAX_POSTINGS) continue;
    const inContext = context.has(t);
    if (inContext) contextTerms++;
    const figure = ids.length <= neutralDf && figures.has(t);
    const word = ids.length <= neutralDf && words.has(t);
    const head = ids.length <= headlineDf && headline.has(t);
    const rare = ids.length <= rareDf;
    for (const id of ids) {
      let s = shared.get(id);
      if (!s) shared.set(id, (s = { ...fresh(), headline: 0, context: fresh() }));
      count(s, w, rare, figure, word);
      if (inContext) count(s.context, w, rare, figure, word);
      if (head) s.headline++;
    }
  }
  // A paragraph after the lead that the other article holds nearly whole is the background a
  // reporter repeats under each of the day's reports (the cluster so far, the rules in force):
  // shared by unrelated reports, it says nothing of whether they tell one event.
  for (const s of shared.values()) {
    const c = s.context;
    if (contextTerms < BACKGROUND_MIN_TERMS || c.terms < contextTerms * BACKGROUND_SHARE) continue;
    s.weight -= c.weight;
    s.rare -= c.rare;
    s.figures -= c.figures;
    s.words -= c.words;
  }
  // The neutral rule: a rare exact figure and another rare figure or English word (an English
  // version of a Chinese report shares little else); the cosine rule for everything else.
  const neutral = (s: Overlap) => s.figures >= 1 && s.figures + s.words >= 2;
  const eligible = [...shared].filter(([id, s]) => id !== articleId && (s.rare >= EVENT_RARE_TERMS || neutral(s)));
  const norms = eligible.length && norm ? await st.eventNorms(eligible.map(([id]) => id)) : new Map<number, number>();
  const out: EventMatch[] = [];
  const minCosine = EVENT_COSINE;
  for (const [id, s] of eligible) {
    const other = norms.get(id);
    if (!other || !norm) continue;
    const cosine = s.weight / Math.sqrt(norm * other);
    const byCosine = s.rare >= EVENT_RARE_TERMS && s.headline >= 1;
    if ((cosine >= minCosine && byCosine) || neutral(s)) out.push({ articleId: id, cosine, strong: byCosine && cosine >= minCosine * BRIDGE_FACTOR });
  }
  await st.addEventTerms(articleId, day, terms, norm);
  return out.sort((a, b) => b.cosine - a.cosine);
}
