/**
 * Puts each stored article in a story, incrementally, at ingest: a near-duplicate (the same wire
 * printed by two outlets) joins its original's story; an article on the same event from another
 * outlet within three days (similar title and lead) joins that story; anything else starts one.
 * Candidates come from the LSH band index (story_lsh), so the cost does not grow with the archive.
 */
import type { Db } from '../store/db.ts';
import type { StoredArticle } from '../article.ts';
import { publicationDate, toDayNumber } from '../timeline/calendar.ts';
import { leadDate, leadDatesDisagree, storedLeadDate } from './lead-date.ts';
import { eventTerms, matchAndIndexEvent } from './event-match.ts';
import { bandKeys, bodySignature, minHash, sigFromBuffer, sigToBuffer, similarity, titleKey, topicFeatures } from './signatures.ts';

/** Body similarity from which an article counts as a reprint of another. */
export const DUPLICATE_THRESHOLD = 0.5;
/** Topic similarity (title + lead) from which two articles within DAY_WINDOW days are one event. */
export const SAME_EVENT_THRESHOLD = 0.28;
export const DAY_WINDOW = 3;
/** Reprints are looked for within this many days (and among undated articles). */
export const DUPLICATE_WINDOW = 7;
/** A story spans at most this many days from its first article: recurring headlines do not chain forever. */
export const STORY_SPAN_DAYS = 10;
const MAX_CANDIDATES = 40;

type Statement = import('better-sqlite3').Statement;
interface Statements {
  [name: string]: Statement;
}
const cache = new WeakMap<Db, Statements>();

function prepare(db: Db): Statements {
  let st = cache.get(db);
  if (st) return st;
  st = {
    existing: db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?'),
    delMember: db.prepare('DELETE FROM story_articles WHERE article_id = ?'),
    delSig: db.prepare('DELETE FROM story_signatures WHERE article_id = ?'),
    bodyCandAny: db.prepare('SELECT article_id FROM story_lsh WHERE key = ? LIMIT 50'),
    bodyCandNear: db.prepare('SELECT article_id FROM story_lsh WHERE key = ? AND (day BETWEEN ? AND ? OR day = -1) LIMIT 50'),
    topicCand: db.prepare('SELECT article_id FROM story_lsh WHERE key = ? AND day BETWEEN ? AND ? LIMIT 50'),
    candidate: db.prepare(
      `SELECT s.day, s.body_sig, s.topic_sig, m.story_id, m.duplicate_of, st.first_seen FROM story_signatures s
       JOIN story_articles m ON m.article_id = s.article_id JOIN stories st ON st.id = m.story_id WHERE s.article_id = ?`,
    ),
    oldSig: db.prepare('SELECT day, body_sig, topic_sig, title_key FROM story_signatures WHERE article_id = ?'),
    titleCand: db.prepare('SELECT article_id FROM story_lsh WHERE key = ? AND day BETWEEN ? AND ? LIMIT 50'),
    delLshKey: db.prepare('DELETE FROM story_lsh WHERE key = ? AND day = ? AND article_id = ?'),
    newStory: db.prepare(`INSERT INTO stories (title, title_article_id, first_seen, last_updated) VALUES (?, ?, ?, ?)`),
    addMember: db.prepare(
      `INSERT INTO story_articles (article_id, story_id, duplicate_of, similarity, outlet, published_at, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    addSig: db.prepare('INSERT INTO story_signatures (article_id, day, body_sig, topic_sig, title_key) VALUES (?, ?, ?, ?, ?)'),
    addLsh: db.prepare('INSERT OR IGNORE INTO story_lsh (key, day, article_id) VALUES (?, ?, ?)'),
    members: db.prepare(
      `SELECT m.article_id, m.duplicate_of, m.outlet, m.published_at, a.title, a.ingested_at FROM story_articles m
       JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? ORDER BY m.article_id`,
    ),
    updateStory: db.prepare(
      `UPDATE stories SET title = ?, title_article_id = ?, first_seen = ?, last_updated = ?, last_published = ?, article_count = ?, outlet_count = ?, outlets = ? WHERE id = ?`,
    ),
    delStory: db.prepare('DELETE FROM stories WHERE id = ?'),
  };
  cache.set(db, st);
  return st;
}

/** ISO UTC instant of a publication time ('2025-08-23' → midnight UTC), or null. */
export function publicationInstant(published: string | null): string | null {
  if (!published) return null;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(published) ? published + 'T00:00:00Z' : published);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The outlet shown for an article: outlet, else the wire agency, else the link's host. */
export function outletOf(a: Pick<StoredArticle, 'outlet' | 'agency' | 'url'>): string | null {
  if (a.outlet) return a.outlet;
  if (a.agency) return a.agency;
  try {
    return a.url ? new URL(a.url).hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** Recomputes a story's title, counts, outlets and times from its members; deletes it when empty. */
export function refreshStory(db: Db, storyId: number): void {
  const st = prepare(db);
  const rows = st.members.all(storyId) as { article_id: number; duplicate_of: number | null; outlet: string | null; published_at: string | null; title: string; ingested_at: string }[];
  if (!rows.length) {
    st.delStory.run(storyId);
    return;
  }
  const time = (r: (typeof rows)[number]) => r.published_at ?? r.ingested_at;
  const byTime = [...rows].sort((a, b) => (time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : a.article_id - b.article_id));
  // Title: the earliest original (not a reprint) member; its words are what other outlets copied.
  const lead = byTime.find((r) => r.duplicate_of === null) ?? byTime[0];
  const outlets: string[] = [];
  for (const r of byTime) if (r.outlet && !outlets.includes(r.outlet)) outlets.push(r.outlet);
  const dated = rows.map((r) => r.published_at).filter((t): t is string => !!t).sort();
  st.updateStory.run(lead.title, lead.article_id, time(byTime[0]), time(byTime[byTime.length - 1]), dated.at(-1) ?? null, rows.length, outlets.length, JSON.stringify(outlets), storyId);
}

function removeFromStory(db: Db, articleId: number): void {
  const st = prepare(db);
  const row = st.existing.get(articleId) as { story_id: number } | undefined;
  // Band rows are found again from the stored signature (no index on article_id needed).
  const old = st.oldSig.get(articleId) as { day: number | null; body_sig: Buffer; topic_sig: Buffer; title_key: number | null } | undefined;
  if (old) {
    for (const k of bandKeys(sigFromBuffer(old.body_sig), 0)) st.delLshKey.run(k, old.day ?? -1, articleId);
    if (old.day !== null) for (const k of bandKeys(sigFromBuffer(old.topic_sig), 1)) st.delLshKey.run(k, old.day, articleId);
    if (old.day !== null && old.title_key !== null) st.delLshKey.run(old.title_key, old.day, articleId);
  }
  st.delSig.run(articleId);
  if (!row) return;
  st.delMember.run(articleId);
  refreshStory(db, row.story_id);
}

function leadText(article: Pick<StoredArticle, 'paragraphs' | 'body'>): string {
  const first = article.paragraphs[0]?.text ?? article.body.slice(0, 200);
  return first.replace(/^\s*[（(][^）)]{0,40}[）)]/, '').slice(0, 100);
}

/** An article's two MinHash signatures (pure: the parse worker computes them ahead of storing). */
export interface StorySignatures {
  bodySig: Uint32Array;
  topicSig: Uint32Array;
}

/** The signatures of an article from its title and text; `body` is the paragraphs joined as stored. */
export function storySignatures(article: Pick<StoredArticle, 'title' | 'paragraphs' | 'body'>): StorySignatures {
  const body = article.body || article.paragraphs.map((p) => p.text).join('\n');
  return { bodySig: bodySignature(body), topicSig: minHash(topicFeatures(article.title, leadText(article))) };
}

/**
 * Assigns `article` to a story (creating one when nothing matches) and indexes its signatures.
 * `sigs`: storySignatures(article) when already computed.
 */
export function assignStory(db: Db, article: StoredArticle, sigs: StorySignatures = storySignatures(article)): void {
  const st = prepare(db);
  removeFromStory(db, article.id);

  const { bodySig, topicSig } = sigs;
  const pub = publicationDate(article.published_at, 0);
  const day = pub ? toDayNumber(pub) : null;
  const bodyKeys = bandKeys(bodySig, 0);
  const topicKeys = day === null ? [] : bandKeys(topicSig, 1);

  const hits = new Map<number, number>();
  for (const k of bodyKeys) {
    const rows = (day === null ? st.bodyCandAny.all(k) : st.bodyCandNear.all(k, day - DUPLICATE_WINDOW, day + DUPLICATE_WINDOW)) as { article_id: number }[];
    for (const r of rows) hits.set(r.article_id, (hits.get(r.article_id) ?? 0) + 2);
  }
  if (day !== null) {
    for (const k of topicKeys) {
      for (const r of st.topicCand.all(k, day - DAY_WINDOW, day + DAY_WINDOW) as { article_id: number }[]) hits.set(r.article_id, (hits.get(r.article_id) ?? 0) + 1);
    }
  }
  // The same headline within the window: one story, whatever the bodies say.
  const tKey = day === null ? null : titleKey(article.title);
  const sameTitle = new Set<number>();
  if (tKey !== null && day !== null) {
    for (const r of st.titleCand.all(tKey, day - DAY_WINDOW, day + DAY_WINDOW) as { article_id: number }[]) {
      sameTitle.add(r.article_id);
      hits.set(r.article_id, (hits.get(r.article_id) ?? 0) + 4);
    }
  }
  hits.delete(article.id);

  let best: { storyId: number; score: number; duplicateOf: number | null; sim: number } | null = null;
  let own: { dates: string[] } | undefined;
  const ranked = [...hits.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
  for (const [candId] of ranked) {
    const c = st.candidate.get(candId) as { day: number | null; body_sig: Buffer; topic_sig: Buffer; story_id: number; duplicate_of: number | null; first_seen: string | null } | undefined;
    if (!c) continue;
    if (day !== null && c.first_seen) {
      const start = Math.floor(Date.parse(c.first_seen) / 86_400_000);
      if (Math.abs(day - start) > STORY_SPAN_DAYS) continue;
    }
    const bodySim = similarity(bodySig, sigFromBuffer(c.body_sig));
    const near = day === null || c.day === null || Math.abs(c.day - day) <= DUPLICATE_WINDOW;
    // One event has one day: leads dated to different days (a daily briefing series sharing its
    // boilerplate, yesterday's record) are different stories, whatever else they share. Checked
    // only for a candidate that would otherwise be taken, so ingest pays for it rarely.
    const otherDay = (): boolean => {
      own ??= { dates: leadDate(article.paragraphs.map((p) => p.text), article.published_at, article.dateline?.day ?? null) };
      return own.dates.length > 0 && leadDatesDisagree(own.dates, storedLeadDate(db, candId));
    };
    if (bodySim >= DUPLICATE_THRESHOLD && near) {
      const score = 1 + bodySim;
      if ((!best || score > best.score) && !otherDay()) best = { storyId: c.story_id, score, duplicateOf: c.duplicate_of ?? candId, sim: bodySim };
      continue;
    }
    if (day === null || c.day === null || Math.abs(c.day - day) > DAY_WINDOW) continue;
    const shared = similarity(topicSig, sigFromBuffer(c.topic_sig));
    // A shared headline alone (a leaked site or series line) is not shared content.
    const topicSim = sameTitle.has(candId) && shared >= SAME_EVENT_THRESHOLD / 2 ? 1 : shared;
    if (topicSim < SAME_EVENT_THRESHOLD || (best && topicSim <= best.score) || otherDay()) continue;
    best = { storyId: c.story_id, score: topicSim, duplicateOf: null, sim: topicSim };
  }

  // Differently worded reports of the same event (event-match.ts), when nothing closer matched.
  if (day !== null) {
    const matches = matchAndIndexEvent(db, article.id, day, eventTerms(article.title, article.paragraphs.slice(0, 3).map((p) => p.text)));
    for (const m of best ? [] : matches) {
      const c = st.candidate.get(m.articleId) as { story_id: number; first_seen: string | null } | undefined;
      if (!c || (c.first_seen && Math.abs(day - Math.floor(Date.parse(c.first_seen) / 86_400_000)) > STORY_SPAN_DAYS)) continue;
      own ??= { dates: leadDate(article.paragraphs.map((p) => p.text), article.published_at, article.dateline?.day ?? null) };
      if (own.dates.length > 0 && leadDatesDisagree(own.dates, storedLeadDate(db, m.articleId))) continue;
      best = { storyId: c.story_id, score: m.cosine, duplicateOf: null, sim: m.cosine };
      break;
    }
  }

  const published = publicationInstant(article.published_at);
  const storyId = best ? best.storyId : Number(st.newStory.run(article.title, article.id, published ?? article.ingested_at, published ?? article.ingested_at).lastInsertRowid);
  st.addMember.run(article.id, storyId, best?.duplicateOf ?? null, best?.sim ?? null, outletOf(article), published, article.ingested_at);
  st.addSig.run(article.id, day, sigToBuffer(bodySig), sigToBuffer(topicSig), tKey);
  if (tKey !== null && day !== null) st.addLsh.run(tKey, day, article.id);
  for (const k of bodyKeys) st.addLsh.run(k, day ?? -1, article.id);
  if (day !== null) for (const k of topicKeys) st.addLsh.run(k, day, article.id);
  refreshStory(db, storyId);
}
