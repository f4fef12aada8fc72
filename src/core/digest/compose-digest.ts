/**
 * Builds the digest one subscription receives at one due time: reads the candidate stories of
 * its window from the store (first digest: the 24 hours before the first due time; then everything
 * since its previous digest, at most 7 days), applies what was already sent, renders a Reply.
 */
import { DateTime } from 'luxon';
import type { Reply } from '../contract/types.ts';
import type { Subscription } from '../store/subscription-store.ts';
import type { Ledger, SentStory } from '../store/ledger-store.ts';
import { selectDigestStories, renderDigest, renderEmptyNote, describeChanges } from './build-digest.ts';
import { textLangOf } from '../text/reply-script.ts';
import type { CandidateStory } from './build-digest.ts';

/** Where candidate stories come from: stories with at least one non-backfill article in (since, until]. */
export interface DigestSource {
  candidates(q: { since: Date; until: Date; topic: Subscription['topic_query']; limit: number }): Promise<CandidateStory[]> | CandidateStory[];
}

export interface ComposeOptions {
  source: DigestSource;
  ledger: Ledger;
  /** Default story cap (NEWSBOT_DIGEST_MAX_STORIES) when the subscription sets none. */
  maxStories: number;
  /** Send a one-line note when nothing is new (NEWSBOT_DIGEST_EMPTY_NOTE). */
  emptyNote: boolean;
}

export interface ComposedDigest {
  /** null: nothing to send. */
  reply: Reply | null;
  stories: SentStory[];
  /**
   * The updated stories of this digest and what changed: `revisions` (rewritten headline, revised
   * text) and `coverage` (more outlets or articles), in the subscription's language, for a short
   * note in each story's own thread.
   */
  updates: { storyId: number; title: string; revisions: string[]; coverage: string[] }[];
}

const DAY = 24 * 3600 * 1000;

/**
 * The window a digest covers, as described above. `firstDue`: the subscription's earliest due time
 * in the ledger, so when no digest has gone out yet (the first failed), the next one still covers
 * the day before that first one.
 */
export function digestWindow(sub: Subscription, due: Date, firstDue: Date = due): { since: Date; until: Date } {
  const floor = due.getTime() - 7 * DAY;
  const since = sub.last_digest_due_at ? Date.parse(sub.last_digest_due_at) : Math.min(firstDue.getTime(), due.getTime()) - DAY;
  return { since: new Date(Math.max(since, floor)), until: due };
}

/** Composes the digest of `sub` due at `due`. */
export async function composeDigest(sub: Subscription, due: Date, opts: ComposeOptions): Promise<ComposedDigest> {
  const { since, until } = digestWindow(sub, due, (await opts.ledger.firstDueAt(sub.id)) ?? due);
  const max = sub.max_stories ?? opts.maxStories;
  const candidates = await opts.source.candidates({ since, until, topic: sub.topic_query, limit: Math.max(200, max * 20) });
  const chosen = selectDigestStories({ candidates, sent: await opts.ledger.sentStories(sub.id), max });
  const dateLabel = DateTime.fromJSDate(due, { zone: sub.tz }).toFormat('yyyy-MM-dd');
  if (!chosen.length) return { reply: opts.emptyNote ? renderEmptyNote({ lang: sub.lang, topic: sub.topic, dateLabel }) : null, stories: [], updates: [] };
  const l = textLangOf(sub.lang);
  const updates = chosen
    .filter((s) => s.updated && s.storyId > 0)
    .map((s) => {
      const revisions = describeChanges({ ...s, changes: { ...s.changes, before: null } }, l);
      return { storyId: s.storyId, title: s.title, revisions, coverage: describeChanges(s, l).slice(revisions.length) };
    })
    .filter((u) => u.revisions.length || u.coverage.length);
  return {
    updates,
    reply: renderDigest(chosen, { lang: sub.lang, topic: sub.topic, dateLabel }),
    stories: chosen.map((s) => ({ storyId: s.storyId, articleCount: s.articleCount, outletCount: s.outlets.length, lastUpdated: s.lastUpdated })),
  };
}
