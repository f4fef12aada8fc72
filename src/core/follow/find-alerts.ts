/**
 * What a following chat should be told now: stories about what it follows that got really new
 * coverage since the chat last heard of them (or since it started following): a new story, a new
 * outlet, or a new dated event. A re-run of the same wire copy by an outlet already counted, with
 * the same events, is not new. Reads the store; pure otherwise.
 */
import type { Stores } from '../store/stores.ts';
import type { Follow } from './follow-store.ts';
import { matchesTopic } from '../digest/topic.ts';

/** How far back new articles are looked for (a chat that follows for months is not rescanned). */
export const ALERT_LOOKBACK_MS = 3 * 24 * 3600 * 1000;

export interface AlertStory {
  storyId: number;
  title: string;
  /** 'new': the chat never heard of it; 'update': a new outlet or a new dated event. */
  kind: 'new' | 'update';
  /** Labels of the follows it matched. */
  follows: string[];
  outlets: string[];
  newOutlets: string[];
  newEvents: { date: string; text: string }[];
  articleCount: number;
  /** The newest http(s) link among the new articles. */
  url: string | null;
  /** The lead of the newest new article (first 300 characters of its body). */
  lead: string;
}

/**
 * Stories to alert `follows` (one chat's) about at `at`. `sentAt`: when each story was last sent to
 * the chat (alert or digest ledger), which is the line between old and new coverage.
 */
export async function findAlerts(stores: Stores, follows: Follow[], sentAt: Map<number, string>, at: Date): Promise<AlertStory[]> {
  const atIso = at.toISOString();
  const floor = new Date(at.getTime() - ALERT_LOOKBACK_MS).toISOString();
  // story → [earliest follow time, labels]
  const candidates = new Map<number, { since: string; labels: string[] }>();
  const note = (storyId: number, f: Follow) => {
    const c = candidates.get(storyId);
    if (!c) candidates.set(storyId, { since: f.created_at, labels: [f.label] });
    else {
      if (f.created_at < c.since) c.since = f.created_at;
      if (!c.labels.includes(f.label)) c.labels.push(f.label);
    }
  };
  const topicFollows = follows.filter((f) => f.kind !== 'story' && f.topic_query);
  if (topicFollows.length) {
    const since = topicFollows.reduce((m, f) => (f.created_at < m ? f.created_at : m), atIso);
    const rows = await stores.stories.addedBetween(since > floor ? since : floor, atIso);
    for (const r of rows) {
      for (const f of topicFollows) {
        if (f.created_at >= atIso) continue;
        if (await matchesTopic(stores, { id: r.article_id, title: '', url: null, outlet: null, at: '', lead: '' }, f.topic_query!)) note(r.story_id, f);
      }
    }
  }
  for (const f of follows) if (f.kind === 'story') note(Number(f.target), f);

  const out: AlertStory[] = [];
  for (const [storyId, c] of candidates) {
    const line = sentAt.get(storyId) ?? c.since;
    const members = await stores.stories.alertMembers(storyId, atIso);
    const old = members.filter((m) => m.added_at <= line);
    const fresh = members.filter((m) => m.added_at > line);
    if (!fresh.length) continue;
    const outlets = [...new Set(members.map((m) => m.outlet).filter((o): o is string => !!o))];
    const oldOutlets = new Set(old.map((m) => m.outlet).filter(Boolean));
    const newOutlets = [...new Set(fresh.map((m) => m.outlet).filter((o): o is string => !!o && !oldOutlets.has(o)))];
    const oldDates = new Set((await stores.events.datedOf(old.map((m) => m.article_id))).map((e) => e.date));
    const newEvents: { date: string; text: string }[] = [];
    for (const e of await stores.events.datedOf(fresh.map((m) => m.article_id))) if (!oldDates.has(e.date) && !newEvents.some((x) => x.date === e.date)) newEvents.push(e);
    const kind = old.length ? 'update' : 'new';
    if (kind === 'update' && !newOutlets.length && !newEvents.length) continue; // a re-run of copy already counted
    const newest = fresh[fresh.length - 1];
    const linked = [...fresh].reverse().find((m) => m.url && /^https?:\/\//i.test(m.url));
    out.push({
      storyId,
      title: (await stores.stories.title(storyId)) ?? newest.title,
      kind,
      follows: c.labels,
      outlets,
      newOutlets,
      newEvents: kind === 'new' ? [] : newEvents,
      articleCount: members.length,
      url: linked?.url ?? null,
      lead: newest.body,
    });
  }
  return out.sort((a, b) => a.storyId - b.storyId);
}
