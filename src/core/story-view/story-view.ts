/**
 * One story, whole, for /story: its headline, the lead sentence most of its outlets share, who
 * covered it (language, first and last seen, single-source flag), its own dated events and the
 * headline/body revisions of its articles. Reads the store; no platform, no formatting.
 */
import type { Stores } from '../store/stores.ts';
import { buildTimeline, type Timeline } from '../timeline/build-timeline.ts';
import type { ArticleRevision } from '../store/article-revisions.ts';
import { foldScript } from '../text/script.ts';
import { extractSentences } from '../digest/build-digest.ts';

export interface OutletCoverage {
  outlet: string;
  /** Languages of its articles ('zh-Hant', 'zh-Hans', 'en'), most used first. */
  languages: string[];
  /** Earliest and latest publication (or ingest) instant of its articles. */
  firstSeen: string;
  lastSeen: string;
  articles: number;
}

export interface StoryRevision extends ArticleRevision {
  outlet: string | null;
}

export interface StoryView {
  id: number;
  title: string;
  /** The opening sentence shared by the most outlets (null when no article has text). */
  lead: string | null;
  /** How many outlets carry that sentence (or one close to it). */
  leadOutlets: number;
  coverage: OutletCoverage[];
  singleSource: boolean;
  timeline: Timeline;
  revisions: StoryRevision[];
  articleIds: number[];
}

// A dateline or credit in brackets at the start of a lead: （中央社華盛頓10日綜合外電報導）.
const DATELINE = /^\s*[（(【[][^）)】\]]{0,40}[）)】\]]\s*/;
const CAPTION = /圖[／/]|照片[／/]|攝[）)]?$/;

function openingSentence(body: string): string {
  for (const para of body.split(/\n+/)) {
    const p = para.replace(DATELINE, '').trim();
    if (p.length < 12 || CAPTION.test(p)) continue;
    const s = extractSentences(p, 400);
    const first = s.match(/^[^。！？!?]*[。！？!?]+[」』”’)）]*/)?.[0] ?? s;
    return first.trim();
  }
  return '';
}

function bigrams(text: string): Set<string> {
  const t = foldScript(text).replace(/[\s\p{P}]+/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** Share of `sentence`'s character pairs found in `text`'s: 1 when the text carries it verbatim. */
function containment(sentence: Set<string>, text: Set<string>): number {
  if (!sentence.size) return 0;
  let hit = 0;
  for (const b of sentence) if (text.has(b)) hit++;
  return hit / sentence.size;
}

/** Containment from which an outlet counts as carrying a lead sentence (light rewording allowed). */
export const SHARED_LEAD = 0.6;

/** The story numbered `asked` (or the one it was merged into), or undefined when there is none. */
export async function buildStoryView(stores: Stores, asked: number): Promise<StoryView | undefined> {
  // A number merged into another story answers with that story.
  const storyId = await stores.stories.resolveStory(asked);
  if (storyId === undefined) return undefined;
  const title = await stores.stories.title(storyId);
  if (title === undefined) return undefined;
  const story = { id: storyId, title };
  const members = await stores.stories.viewMembers(storyId);
  const ids = members.map((m) => m.id);

  const byOutlet = new Map<string, OutletCoverage & { langCount: Map<string, number> }>();
  for (const m of members) {
    const name = m.outlet ?? '';
    let c = byOutlet.get(name);
    if (!c) byOutlet.set(name, (c = { outlet: name, languages: [], firstSeen: m.at, lastSeen: m.at, articles: 0, langCount: new Map() }));
    c.articles++;
    if (m.at < c.firstSeen) c.firstSeen = m.at;
    if (m.at > c.lastSeen) c.lastSeen = m.at;
    for (const l of JSON.parse(m.languages) as string[]) c.langCount.set(l, (c.langCount.get(l) ?? 0) + 1);
  }
  const coverage = [...byOutlet.values()].map(({ langCount, ...c }) => ({
    ...c,
    languages: [...langCount.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l),
  }));

  // The lead: each member's opening sentence, scored by how many outlets' openings carry it.
  const openings = members.map((m) => ({ m, text: m.body.split(/\n+/).slice(0, 4).join('\n') }));
  const textGrams = openings.map((o) => bigrams(o.text));
  let lead: string | null = null;
  let leadOutlets = 0;
  for (const o of openings) {
    const sentence = openingSentence(o.m.body);
    if (!sentence) continue;
    const grams = bigrams(sentence);
    const outlets = new Set<string>();
    openings.forEach((p, i) => {
      if (containment(grams, textGrams[i]) >= SHARED_LEAD) outlets.add(p.m.outlet ?? `#${p.m.id}`);
    });
    if (outlets.size > leadOutlets) {
      lead = sentence;
      leadOutlets = outlets.size;
    }
  }

  const outletOf = new Map(members.map((m) => [m.id, m.outlet]));
  return {
    id: story.id,
    title: story.title,
    lead,
    leadOutlets,
    coverage,
    singleSource: coverage.filter((c) => c.outlet).length <= 1,
    timeline: await buildTimeline(stores, ids, 25),
    revisions: (await stores.articles.revisionsOf(ids)).map((r) => ({ ...r, outlet: outletOf.get(r.article_id) ?? null })),
    articleIds: ids,
  };
}
