/**
 * Reads digest candidates from the store: the articles of a window (not back-catalogue items a
 * source's first poll stored), grouped by their story (C2's story_articles), each story with all its
 * member articles so the digest lists every outlet. An article counts from its publication time
 * (ingestion time when it has none); one published shortly before the window but stored inside it
 * (a feed that lags by up to 6 hours) counts too. The per-subscription record of sent stories keeps either from repeating.
 */
import type { Stores } from '../store/stores.ts';
import type { CandidateArticleRow } from '../store/digest/digest-candidates.ts';
import type { CandidateArticle, CandidateStory } from './build-digest.ts';
import type { DigestSource } from './compose-digest.ts';
import type { TopicQuery } from '../store/subscription-store.ts';
import { matchesTopic } from './topic.ts';

const LATE_MS = 6 * 3600 * 1000;

const toArticle = (r: CandidateArticleRow): CandidateArticle => ({ id: r.id, title: r.title, url: r.url, outlet: r.outlet, at: r.at, lead: r.lead });

/**
 * Creates the store-backed candidate source. With `memo`, the window's stories are read once per
 * (since, until) and only the topic filter runs again (one scheduler pass: thousands of
 * subscriptions share a few windows); without, every call reads the store (the baseline).
 */
export function createStoreDigestSource(stores: Stores, opts: { memo?: boolean } = {}): DigestSource {
  const reads = stores.subscriptions.candidates;
  const memo = new Map<string, Promise<CandidateStory[]>>();

  return {
    async candidates({ since, until, topic, limit }) {
      void limit;
      const key = `${since.toISOString()}|${until.toISOString()}`;
      let all = opts.memo ? memo.get(key) : undefined;
      if (!all) {
        all = readWindow(since, until);
        if (opts.memo) {
          memo.set(key, all);
          all.catch(() => memo.delete(key));
        }
      }
      const stories = await all;
      if (!topic) return stories;
      const out: CandidateStory[] = [];
      for (const c of stories) {
        for (const a of c.articles) {
          if (await matchesTopic(stores, a, topic)) {
            out.push(c);
            break;
          }
        }
      }
      return out;
    },
  };

  async function readWindow(since: Date, until: Date): Promise<CandidateStory[]> {
    const s = since.toISOString();
    const u = until.toISOString();
    const ids = await reads.windowArticleIds(s, u, new Date(since.getTime() - LATE_MS).toISOString());
    const stories = new Map<number, CandidateStory>();
    const storyFor = async (id: number): Promise<CandidateStory> => {
      const story = await reads.storyOf(id);
      const key = story ? story.storyId : -id; // an article not (yet) in a story stands alone
      let c = stories.get(key);
      if (!c) {
        const rows = story ? await reads.storyMembers(story.storyId) : [await reads.article(id)].filter((r) => r !== undefined);
        const articles = rows.filter((r) => r.id === id || !r.backfilled).map(toArticle);
        c = { storyId: key, title: story?.title ?? rows[0]?.title ?? '', articles, newArticleIds: [] };
        stories.set(key, c);
      }
      return c;
    };
    for (const id of ids) (await storyFor(id)).newArticleIds.push(id);
    // Articles rewritten inside the window (a changed headline or body) bring their story back, marked updated.
    for (const r of await reads.revisionsBetween(s, u)) {
      if (await reads.isBackfilled(r.article_id)) continue;
      const c = await storyFor(r.article_id);
      (c.revisions ??= []).push({ articleId: r.article_id, at: r.at, oldTitle: r.old_title, newTitle: r.new_title, bodyChanged: r.body_changed === 1 });
    }
    return [...stories.values()];
  }
}

/** Memoizes candidates per (window, topic) for one scheduler pass: 10,000 digests due at 08:00 share a few windows. */
export function cacheDigestSource(source: DigestSource): DigestSource {
  const cache = new Map<string, Promise<CandidateStory[]>>();
  return {
    candidates(q) {
      const key = `${q.since.toISOString()}|${q.until.toISOString()}|${JSON.stringify(q.topic)}|${q.limit}`;
      let hit = cache.get(key);
      if (!hit) {
        cache.set(key, (hit = Promise.resolve(source.candidates(q))));
        hit.catch(() => cache.delete(key));
      }
      return hit;
    },
  };
}

export type { TopicQuery };
