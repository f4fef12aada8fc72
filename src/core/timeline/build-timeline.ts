/**
 * Reads the stored events of a set of articles and merges them into one timeline: the same
 * event reported by several outlets (same date, and the same story or a similar phrase) becomes
 * one entry with several sources. Dated entries oldest first; day-only entries apart.
 */
import type { Stores } from '../store/stores.ts';
import { hasHan, scriptVariants } from '../entities/fold.ts';
import { eventIsAbout } from './topic-text.ts';

export { eventIsAbout } from './topic-text.ts';

export interface TimelineEntry {
  date: string | null;
  day: number | null;
  text: string;
  article_ids: number[];
  outlets: string[];
  /** The first http(s) link among the sources, if any. */
  url: string | null;
}

export interface Timeline {
  dated: TimelineEntry[];
  undated: TimelineEntry[];
  /** Entries left out because of the limit. */
  omitted: number;
}

/**
 * A test for "this text names the topic": any of `names` in either script (opencc, once per name),
 * Latin ones case-insensitively as whole words ("xi" is not in "Xinjiang"). The text itself is
 * not converted, so the test stays cheap enough to run on every event and headline.
 */
export function topicMatcher(names: string[]): (text: string) => boolean {
  const key = names.join('\u0000');
  let m = matchers.get(key);
  if (!m) {
    m = buildMatcher(names);
    if (matchers.size >= 200) matchers.delete(matchers.keys().next().value!);
    matchers.set(key, m);
  }
  return m;
}

// Building a matcher converts each name's script (opencc, ~1 ms a name): keep the recent ones.
const matchers = new Map<string, (text: string) => boolean>();

function buildMatcher(names: string[]): (text: string) => boolean {
  const spellings = [...new Set(names.slice(0, 40).flatMap((n) => scriptVariants(n.trim())).filter((n) => [...n].length >= 2))];
  const latin = spellings.filter((n) => !hasHan(n)).map((n) => new RegExp(`(?<![\\p{L}\\d])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*')}(?![\\p{L}\\d])`, 'iu'));
  const han = spellings.filter((n) => hasHan(n));
  return (text) => han.some((n) => text.includes(n)) || latin.some((re) => re.test(text));
}

function bigrams(s: string): Set<string> {
  const t = s.replace(/[^\p{L}\p{N}]+/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 2 <= t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** Dice coefficient of the character bigrams of two phrases. */
export function phraseSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

/**
 * Whether two texts on the same date tell the same event: alike phrases (Dice), or one outlet's
 * shorter clause mostly found in another's whole sentence. A short text is contained in many
 * long ones by chance, so containment needs a clause-sized text.
 */
export function sameEventText(a: string, b: string): boolean {
  if (phraseSimilarity(a, b) >= SAME_EVENT_PHRASE) return true;
  const [x, y] = [bigrams(a), bigrams(b)].sort((p, q) => p.size - q.size);
  if (x.size < 10) return false;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / x.size >= SAME_EVENT_CONTAINED;
}

/** Two phrases on the same date with this bigram Dice similarity describe the same event. */
export const SAME_EVENT_PHRASE = 0.4;
/** Or this share of the shorter text's bigrams found in the longer one. */
export const SAME_EVENT_CONTAINED = 0.7;

/**
 * The merged timeline of `articleIds`; with `names` (the topic's spellings), only the events
 * about it (eventIsAbout). When there are more than `limit` entries, those with the
 * most sources (then the most recent) are kept, still shown in date order.
 */
export async function buildTimeline(stores: Pick<Stores, 'events'>, articleIds: number[], limit = 25, names: string[] = []): Promise<Timeline> {
  const about = names.length ? topicMatcher(names) : null;
  const rows = await stores.events.forArticles(articleIds, !!about);
  const groups: (TimelineEntry & { stories: Set<number> })[] = [];
  const byKey = new Map<string, (TimelineEntry & { stories: Set<number> })[]>();
  for (const r of rows) {
    if (about && !eventIsAbout(about, { text: r.text, paragraph_text: r.paragraph_text })) continue;
    const key = r.date ?? `day:${r.day}`;
    const list = byKey.get(key) ?? [];
    const same = list.find((g) => (r.story_id !== null && g.stories.has(r.story_id)) || sameEventText(g.text, r.text));
    const url = r.url && /^https?:\/\//i.test(r.url) ? r.url : null;
    if (same) {
      if (!same.article_ids.includes(r.article_id)) same.article_ids.push(r.article_id);
      if (r.outlet && !same.outlets.includes(r.outlet)) same.outlets.push(r.outlet);
      if (r.story_id !== null) same.stories.add(r.story_id);
      same.url ??= url;
      continue;
    }
    const g = { date: r.date, day: r.day, text: r.text, article_ids: [r.article_id], outlets: r.outlet ? [r.outlet] : [], url, stories: new Set<number>(r.story_id === null ? [] : [r.story_id]) };
    list.push(g);
    byKey.set(key, list);
    groups.push(g);
  }
  let kept = groups;
  if (groups.length > limit) {
    kept = [...groups]
      .sort((a, b) => b.article_ids.length - a.article_ids.length || (b.date ?? '').localeCompare(a.date ?? ''))
      .slice(0, limit);
  }
  const strip = ({ stories: _s, ...e }: TimelineEntry & { stories: Set<number> }): TimelineEntry => e;
  const dated = kept.filter((g) => g.date).sort((a, b) => a.date!.localeCompare(b.date!) || a.article_ids[0] - b.article_ids[0]);
  const undated = kept.filter((g) => !g.date).sort((a, b) => (a.day ?? 0) - (b.day ?? 0) || a.article_ids[0] - b.article_ids[0]);
  return { dated: dated.map(strip), undated: undated.map(strip), omitted: groups.length - kept.length };
}
