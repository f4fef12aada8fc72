/**
 * Puts each stored article in a story, incrementally, at ingest: a near-duplicate (the same wire
 * printed by two outlets) joins its original's story; an article on the same event from another
 * outlet within three days (similar title and lead) joins that story; anything else starts one.
 * Candidates come from the LSH band index (story_lsh), so the cost does not grow with the archive.
 */
import type { Stores } from '../store/stores.ts';
import type { StoredArticle } from '../article.ts';
import { publicationDate, toDayNumber } from '../timeline/calendar.ts';
import { leadDate, leadsDisagree, pieceKind, storedLead, titleDays, type StoredLead } from './lead-date.ts';
import { matchAndIndexEvent } from './event-match.ts';
import { bridgedStories, mergeStories } from './bridge-stories.ts';
import type { StoryCandidate } from '../store/stories/assignment.ts';
import { cleanLead, leadParagraphs, leadTerms, titleCounts } from './lead-terms.ts';
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

/** Whether a story that began on its `first_seen` day is too old for an article of `day` (day numbers). */
export function beyondSpan(c: { first_seen: string | null }, day: number): boolean {
  return !!c.first_seen && Math.abs(day - Math.floor(Date.parse(c.first_seen) / 86_400_000)) > STORY_SPAN_DAYS;
}
const MAX_CANDIDATES = 40;

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
export async function refreshStory(stores: Pick<Stores, 'stories'>, storyId: number): Promise<void> {
  const rows = await stores.stories.membersForRefresh(storyId);
  if (!rows.length) {
    await stores.stories.deleteStory(storyId);
    return;
  }
  const time = (r: (typeof rows)[number]) => r.published_at ?? r.ingested_at;
  const byTime = [...rows].sort((a, b) => (time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : a.article_id - b.article_id));
  // Title: the earliest original (not a reprint) member; its words are what other outlets copied.
  const lead = byTime.find((r) => r.duplicate_of === null) ?? byTime[0];
  const outlets: string[] = [];
  for (const r of byTime) if (r.outlet && !outlets.includes(r.outlet)) outlets.push(r.outlet);
  const dated = rows.map((r) => r.published_at).filter((t): t is string => !!t).sort();
  await stores.stories.updateStory(storyId, {
    title: lead.title,
    titleArticleId: lead.article_id,
    firstSeen: time(byTime[0]),
    lastUpdated: time(byTime[byTime.length - 1]),
    lastPublished: dated.at(-1) ?? null,
    articleCount: rows.length,
    outletCount: outlets.length,
    outlets,
  });
}

async function removeFromStory(stores: Pick<Stores, 'stories'>, articleId: number): Promise<void> {
  const storyId = await stores.stories.storyOf(articleId);
  // Band rows are found again from the stored signature (no index on article_id needed).
  const old = await stores.stories.signatureOf(articleId);
  const keys: number[] = [];
  if (old) {
    keys.push(...bandKeys(sigFromBuffer(old.body_sig), 0));
    if (old.day !== null) keys.push(...bandKeys(sigFromBuffer(old.topic_sig), 1));
    if (old.day !== null && old.title_key !== null) keys.push(old.title_key);
  }
  await stores.stories.detachArticle(articleId, old?.day ?? -1, keys);
  if (storyId !== undefined) await refreshStory(stores, storyId);
}

function leadText(article: Pick<StoredArticle, 'paragraphs' | 'body'>): string {
  // Without the outlet's stock caption, byline and credits: they are shared by unrelated reports.
  // The first paragraph, caption or not: the report's own opening after it (指揮中心指揮官陳時中今
  // 天表示…) is shared by every report of one press conference, which this unweighted Jaccard
  // cannot tell apart; the IDF-weighted event terms read past the caption (leadParagraphs).
  const first = article.paragraphs[0]?.text ?? article.body.slice(0, 200);
  return cleanLead(first).trim().slice(0, 100);
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
 * `sigs`: storySignatures(article) when already computed. Runs inside the caller's (ingest)
 * transaction; its reads are one batched store call per kind of question.
 */
export async function assignStory(stores: Pick<Stores, 'stories'>, article: StoredArticle, sigs: StorySignatures = storySignatures(article)): Promise<void> {
  const st = stores.stories;
  await removeFromStory(stores, article.id);

  const { bodySig, topicSig } = sigs;
  const pub = publicationDate(article.published_at, 0);
  const day = pub ? toDayNumber(pub) : null;
  const bodyKeys = bandKeys(bodySig, 0);
  const topicKeys = day === null ? [] : bandKeys(topicSig, 1);

  const hits = new Map<number, number>();
  const add = (id: number, n: number) => hits.set(id, (hits.get(id) ?? 0) + n);
  const bodyHits = await st.lshCandidates(bodyKeys, day === null ? null : { lo: day - DUPLICATE_WINDOW, hi: day + DUPLICATE_WINDOW, undated: true });
  for (const k of bodyKeys) for (const id of bodyHits.get(k) ?? []) add(id, 2);
  // The same headline within the window: one story, whatever the bodies say.
  const tKey = day === null ? null : titleKey(article.title);
  const sameTitle = new Set<number>();
  if (day !== null) {
    const near = await st.lshCandidates(tKey === null ? topicKeys : [...topicKeys, tKey], { lo: day - DAY_WINDOW, hi: day + DAY_WINDOW, undated: false });
    for (const k of topicKeys) for (const id of near.get(k) ?? []) add(id, 1);
    if (tKey !== null) {
      for (const id of near.get(tKey) ?? []) {
        sameTitle.add(id);
        add(id, 4);
      }
    }
  }
  hits.delete(article.id);

  let best: { storyId: number; score: number; duplicateOf: number | null; sim: number } | null = null;
  let own: StoredLead | undefined;
  const ranked = [...hits.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
  const cands = await st.candidates(ranked.map(([id]) => id));
  const ownLead = (): StoredLead => (own ??= { dates: leadDate(article.paragraphs.map((p) => p.text), article.published_at, article.dateline?.day ?? null), counts: titleCounts(article.title), titleDays: titleDays(article.title), kind: pieceKind(article.title) });
  // One event has one day and one count: leads dated to different days (a daily briefing series
  // sharing its boilerplate, yesterday's record) or headlines giving different case counts are
  // different stories, whatever else they share. Checked only for a candidate that would
  // otherwise be taken, so ingest pays for it rarely.
  // A candidate's lead is read once, whether the join check, the event match or bridging asks.
  const leads = new Map<number, Promise<StoredLead>>();
  const leadOf = (id: number): Promise<StoredLead> => {
    let lead = leads.get(id);
    if (!lead) leads.set(id, (lead = storedLead(stores, id)));
    return lead;
  };
  const conflicts = async (id: number): Promise<boolean> => {
    const mine = ownLead();
    // The kinds are compared for every candidate taken: a report's candidate may be an editorial.
    return leadsDisagree(mine, await leadOf(id));
  };
  for (const [candId] of ranked) {
    const c = cands.get(candId);
    if (!c) continue;
    if (day !== null && beyondSpan(c, day)) continue;
    const bodySim = similarity(bodySig, sigFromBuffer(c.body_sig));
    const near = day === null || c.day === null || Math.abs(c.day - day) <= DUPLICATE_WINDOW;
    if (bodySim >= DUPLICATE_THRESHOLD && near) {
      const score = 1 + bodySim;
      if ((!best || score > best.score) && !(await conflicts(candId))) best = { storyId: c.story_id, score, duplicateOf: c.duplicate_of ?? candId, sim: bodySim };
      continue;
    }
    if (day === null || c.day === null || Math.abs(c.day - day) > DAY_WINDOW) continue;
    const shared = similarity(topicSig, sigFromBuffer(c.topic_sig));
    // A shared headline alone (a leaked site or series line) is not shared content.
    const topicSim = sameTitle.has(candId) && shared >= SAME_EVENT_THRESHOLD / 2 ? 1 : shared;
    if (topicSim < SAME_EVENT_THRESHOLD || (best && topicSim <= best.score) || (await conflicts(candId))) continue;
    best = { storyId: c.story_id, score: topicSim, duplicateOf: null, sim: topicSim };
  }

  // Differently worded reports of the same event (event-match.ts), when nothing closer matched;
  // strong matches in two stories also show those stories are one (bridge-stories.ts).
  let bridge: number[] = [];
  if (day !== null) {
    // The lead and the paragraph after it: further down comes background (a reporter's recap of
    // the cluster, repeated under each of the day's reports), which makes unrelated reports alike.
    const lead = leadParagraphs(article.paragraphs.map((p) => p.text)).slice(0, 2);
    const matches = await matchAndIndexEvent(stores, article.id, day, leadTerms(article.title, lead));
    const found = matches.length ? await st.candidates(matches.map((m) => m.articleId)) : new Map<number, StoryCandidate>();
    bridge = await bridgedStories(stores, matches, found, day, conflicts, leadOf);
    for (const m of best ? [] : matches) {
      const c = found.get(m.articleId);
      if (!c || beyondSpan(c, day)) continue;
      if (await conflicts(m.articleId)) continue;
      best = { storyId: c.story_id, score: m.cosine, duplicateOf: null, sim: m.cosine };
      break;
    }
  }

  const published = publicationInstant(article.published_at);
  const storyId = best ? best.storyId : await st.createStory(article.title, article.id, published ?? article.ingested_at, published ?? article.ingested_at);
  const lsh: { key: number; day: number }[] = [];
  if (tKey !== null && day !== null) lsh.push({ key: tKey, day });
  for (const k of bodyKeys) lsh.push({ key: k, day: day ?? -1 });
  if (day !== null) for (const k of topicKeys) lsh.push({ key: k, day });
  await st.addMember({
    articleId: article.id,
    storyId,
    duplicateOf: best?.duplicateOf ?? null,
    similarity: best?.sim ?? null,
    outlet: outletOf(article),
    publishedAt: published,
    addedAt: article.ingested_at,
    day,
    bodySig: sigToBuffer(bodySig),
    topicSig: sigToBuffer(topicSig),
    titleKey: tKey,
    lsh,
  });
  await refreshStory(stores, storyId);
  // Reports of one event that began as two stories (two outlets' words for it) become one.
  if (bridge.length > 1) await mergeStories(stores, bridge, article.ingested_at);
}
