/**
 * One event, two stories: two outlets' first reports of an event may share too little to join
 * (默克 in one, 默沙東 in the other), so each starts a story. A later article that strongly
 * matches reports in both (EventMatch.strong: above the joining bar by BRIDGE_FACTOR) shows they
 * are one event, and the stories are merged into the older one.
 */
import type { Stores } from '../store/stores.ts';
import type { StoryCandidate } from '../store/stories/assignment.ts';
import type { EventMatch } from './event-match.ts';
import { beyondSpan, refreshStory } from './assign-story.ts';
import { leadsDisagree, type StoredLead } from './lead-date.ts';
import { countsDisagree, titleCounts } from './lead-terms.ts';

/**
 * The stories of `matches` that clear the bridging bar, within a story's span of `day` and not
 * disagreeing with the article on the day or count (`conflicts`); `found` holds the matched
 * articles' stories and `leadOf` reads a stored article's lead (shared with `conflicts`, read once). Two stories whose matched reports or shown headlines disagree with each other
 * (a day's national count against one city's) are not one event: only the first of such a pair is kept.
 */
export async function bridgedStories(
  stores: Pick<Stores, 'stories'>,
  matches: EventMatch[],
  found: Map<number, StoryCandidate>,
  day: number,
  conflicts: (articleId: number) => Promise<boolean>,
  leadOf: (articleId: number) => Promise<StoredLead>,
): Promise<number[]> {
  const picked: { storyId: number; lead: StoredLead; counts: number[] }[] = [];
  for (const m of matches) {
    const c = found.get(m.articleId);
    if (!m.strong || !c || picked.some((p) => p.storyId === c.story_id)) continue;
    if (beyondSpan(c, day)) continue;
    if (await conflicts(m.articleId)) continue;
    const lead = await leadOf(m.articleId);
    const counts = titleCounts((await stores.stories.title(c.story_id)) ?? '');
    if (picked.some((p) => leadsDisagree(p.lead, lead) || countsDisagree(p.counts, counts))) continue;
    picked.push({ storyId: c.story_id, lead, counts });
  }
  return picked.map((p) => p.storyId);
}

/**
 * Merges `storyIds` into the oldest of them (the lowest number: the one most likely followed) at
 * time `at` (ISO) and refreshes its totals; the other numbers redirect to it.
 */
export async function mergeStories(stores: Pick<Stores, 'stories'>, storyIds: number[], at: string): Promise<number> {
  const [into, ...rest] = [...new Set(storyIds)].sort((a, b) => a - b);
  for (const from of rest) await stores.stories.mergeStory(from, into, at);
  await refreshStory(stores, into);
  return into;
}
