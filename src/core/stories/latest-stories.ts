/**
 * Reads the newest stories, each once with its member articles (outlets, times, links), for
 * /latest and digests. A topic narrows to stories that contain an article matching it, the
 * stories most about it first.
 */
import type { StoryMemberView } from '../store/stories/story-reads.ts';
import type { Stores } from '../store/stores.ts';
import type { StoryRow } from '../store/stories/story-reads.ts';
import { findTopicArticles } from './find-topic-articles.ts';
import { lookupEntityNames } from '../entities/topics.ts';
import { topicMatcher } from '../timeline/build-timeline.ts';

/** A member article of a story as /latest shows it (duplicate_of: the article it reprints, same wire). */
export type StoryMember = StoryMemberView;

export interface StorySummary {
  id: number;
  title: string;
  first_seen: string | null;
  last_updated: string | null;
  article_count: number;
  outlets: string[];
  /** Members, earliest first. */
  articles: StoryMember[];
}

export interface LatestOptions {
  limit: number;
  /** A name or words; only stories with a matching article. */
  topic?: string;
  /** Only stories updated after this ISO instant. */
  since?: string;
}

const summary = ({ last_published: _l, ...r }: StoryRow, articles: StoryMember[]): StorySummary => ({ ...r, outlets: JSON.parse(r.outlets) as string[], articles });

/** Members of one story, earliest first (undated last). */
export async function storyMembers(stores: Stores, storyId: number): Promise<StoryMember[]> {
  return (await stores.stories.membersOf([storyId])).get(storyId) ?? [];
}

/** The newest `limit` stories (by their latest dated article; undated stories last), optionally about `topic` and newer than `since`. */
export async function latestStories(stores: Stores, opts: LatestOptions): Promise<StorySummary[]> {
  if (opts.topic !== undefined) return topicStories(stores, opts.topic, opts);
  const rows = await stores.stories.latest(opts.limit, opts.since || undefined);
  const members = await stores.stories.membersOf(rows.map((r) => r.id));
  return rows.map((r) => summary(r, members.get(r.id) ?? []));
}

/**
 * Stories about `topic`, the most about it first: those whose headline names it (any spelling),
 * then those where most member articles mention it, then the rest; newest first within each.
 */
async function topicStories(stores: Stores, topic: string, opts: LatestOptions): Promise<StorySummary[]> {
  const ids = await findTopicArticles(stores, topic);
  if (!ids.length) return [];
  const matched = await stores.stories.countMatching(ids);
  if (!matched.size) return [];
  const rows = await stores.stories.byIds([...matched.keys()], opts.since ?? null);
  const { names } = await lookupEntityNames(stores, topic);
  const names_ = topicMatcher(names.length ? [topic, ...names] : topic.split(/\s+/).filter(Boolean));

  const rank = new Map(rows.map((r) => [r.id, (names_(r.title) ? 2 : 0) + ((matched.get(r.id) ?? 0) * 2 >= r.article_count ? 1 : 0)]));
  rows.sort((a, b) => rank.get(b.id)! - rank.get(a.id)! || (b.last_published ?? '').localeCompare(a.last_published ?? '') || b.id - a.id);
  const shown = rows.slice(0, opts.limit);
  const members = await stores.stories.membersOf(shown.map((r) => r.id));
  return shown.map((r) => summary(r, members.get(r.id) ?? []));
}
