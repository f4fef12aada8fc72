/**
 * What a following chat should be told now: stories about what it follows that got really new
 * coverage since the chat last heard of them (or since it started following): a new story, a new
 * outlet, or a new dated event. A re-run of the same wire copy by an outlet already counted, with
 * the same events, is not new. Reads the store; pure otherwise.
 */
import type { Db } from '../store/db.ts';
import type { Follow } from './follow-store.ts';
import { matchesTopic } from '../digest/topic.ts';
import { sqliteStores } from '../store/open-stores.ts';

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

interface Member {
  article_id: number;
  outlet: string | null;
  added_at: string;
  url: string | null;
  title: string;
  body: string;
}

/**
 * Stories to alert `follows` (one chat's) about at `at`. `sentAt`: when each story was last sent to
 * the chat (alert or digest ledger), which is the line between old and new coverage.
 */
export async function findAlerts(db: Db, follows: Follow[], sentAt: Map<number, string>, at: Date): Promise<AlertStory[]> {
  const atIso = at.toISOString();
  const floor = new Date(at.getTime() - ALERT_LOOKBACK_MS).toISOString();
  const recent = db.prepare(
    `SELECT sa.article_id, sa.story_id FROM story_articles sa WHERE sa.added_at > ? AND sa.added_at <= ?
     AND NOT EXISTS (SELECT 1 FROM source_items si WHERE si.article_id = sa.article_id AND si.backfill = 1)`,
  );
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
    const rows = recent.all(since > floor ? since : floor, atIso) as { article_id: number; story_id: number }[];
    for (const r of rows) {
      for (const f of topicFollows) {
        if (f.created_at >= atIso) continue;
        if (await matchesTopic(sqliteStores(db), { id: r.article_id, title: '', url: null, outlet: null, at: '', lead: '' }, f.topic_query!)) note(r.story_id, f);
      }
    }
  }
  for (const f of follows) if (f.kind === 'story') note(Number(f.target), f);

  const membersOf = db.prepare(
    `SELECT sa.article_id, COALESCE(sa.outlet, a.outlet, a.agency) AS outlet, sa.added_at, a.url, a.title, substr(a.body, 1, 300) AS body
     FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? AND sa.added_at <= ? ORDER BY sa.added_at, sa.article_id`,
  );
  const storyTitle = db.prepare('SELECT title FROM stories WHERE id = ?').pluck();
  const out: AlertStory[] = [];
  for (const [storyId, c] of candidates) {
    const line = sentAt.get(storyId) ?? c.since;
    const members = membersOf.all(storyId, atIso) as Member[];
    const old = members.filter((m) => m.added_at <= line);
    const fresh = members.filter((m) => m.added_at > line);
    if (!fresh.length) continue;
    const outlets = [...new Set(members.map((m) => m.outlet).filter((o): o is string => !!o))];
    const oldOutlets = new Set(old.map((m) => m.outlet).filter(Boolean));
    const newOutlets = [...new Set(fresh.map((m) => m.outlet).filter((o): o is string => !!o && !oldOutlets.has(o)))];
    const oldDates = new Set(eventsOf(db, old.map((m) => m.article_id)).map((e) => e.date));
    const newEvents: { date: string; text: string }[] = [];
    for (const e of eventsOf(db, fresh.map((m) => m.article_id))) if (!oldDates.has(e.date) && !newEvents.some((x) => x.date === e.date)) newEvents.push(e);
    const kind = old.length ? 'update' : 'new';
    if (kind === 'update' && !newOutlets.length && !newEvents.length) continue; // a re-run of copy already counted
    const newest = fresh[fresh.length - 1];
    const linked = [...fresh].reverse().find((m) => m.url && /^https?:\/\//i.test(m.url));
    out.push({
      storyId,
      title: (storyTitle.get(storyId) as string | undefined) ?? newest.title,
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

function eventsOf(db: Db, ids: number[]): { date: string; text: string }[] {
  if (!ids.length) return [];
  return db
    .prepare(`SELECT date, text FROM events WHERE date IS NOT NULL AND article_id IN (${ids.map(() => '?').join(',')}) ORDER BY date, id`)
    .all(...ids) as { date: string; text: string }[];
}
