/**
 * Decides what one subscription receives at one due time, from candidate stories already read
 * from the store: each story once (with all its outlets), stories sent before left out unless they
 * grew (then marked updated), most-covered and newest first, at most `max`. Pure: no db, no clock.
 */
import type { Reply, ReplyItem, ReplyLang } from '../../../commands/types.ts';
import type { SentStory } from './ledger.ts';

export interface CandidateArticle {
  id: number;
  title: string;
  url: string | null;
  outlet: string | null;
  /** ISO 8601 instant the article counts from (publication time, else ingestion time). */
  at: string;
  /** The opening of the body, for the extract. */
  lead: string;
}

export interface CandidateStory {
  storyId: number;
  title: string;
  /** Every member article of the story known now (not only the new ones), newest first or any order. */
  articles: CandidateArticle[];
  /** Ids of the members that are new in this digest's window. */
  newArticleIds: number[];
}

export interface DigestStory {
  storyId: number;
  title: string;
  updated: boolean;
  outlets: string[];
  articleCount: number;
  lastUpdated: string;
  extract: string;
  links: { url: string; outlet: string | null }[];
  articleIds: number[];
}

export interface DigestInput {
  candidates: CandidateStory[];
  sent: Map<number, SentStory>;
  max: number;
}

const SENTENCE = /[^。！？!?]*?(?:[。！？!?]+[」』”’)）]*|\.(?=\s|$)[”’")]*|$)/g;

/** The first one or two sentences of `text`, trimmed to about 220 characters. */
export function extractSentences(text: string, maxChars = 220): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return '';
  const sentences = (clean.match(SENTENCE) ?? []).map((s) => s.trim()).filter(Boolean);
  let out = sentences[0] ?? clean;
  if (sentences[1] && out.length + sentences[1].length + 1 <= maxChars) out = /[。！？」』]$/.test(out) ? out + sentences[1] : `${out} ${sentences[1]}`;
  if (out.length > maxChars) out = out.slice(0, maxChars - 1).trimEnd() + '…';
  return out;
}

const isHttp = (u: string | null): u is string => !!u && /^https?:\/\/[^\s]+$/i.test(u);

interface StoryStats {
  outlets: string[];
  count: number;
  newest: string;
}

// Candidates are shared by every subscription of a scheduler pass (same window and topic): their
// statistics and ranking are computed once per candidate list, not once per subscription.
const statsCache = new WeakMap<CandidateStory, StoryStats>();
const rankCache = new WeakMap<CandidateStory[], { c: CandidateStory; st: StoryStats }[]>();

function statsOf(c: CandidateStory): StoryStats {
  let st = statsCache.get(c);
  if (!st) {
    const outlets = [...new Set(c.articles.map((a) => a.outlet).filter((o): o is string => !!o))];
    const newest = c.articles.reduce((m, a) => (a.at > m ? a.at : m), '');
    statsCache.set(c, (st = { outlets, count: c.articles.length, newest }));
  }
  return st;
}

/** Most outlets first, then most articles, then newest, then story id (stable). */
function ranked(candidates: CandidateStory[]): { c: CandidateStory; st: StoryStats }[] {
  let r = rankCache.get(candidates);
  if (!r) {
    r = candidates.filter((c) => c.newArticleIds.length && c.articles.length).map((c) => ({ c, st: statsOf(c) }));
    r.sort(
      (a, b) =>
        b.st.outlets.length - a.st.outlets.length ||
        b.st.count - a.st.count ||
        (a.st.newest < b.st.newest ? 1 : a.st.newest > b.st.newest ? -1 : 0) ||
        a.c.storyId - b.c.storyId,
    );
    rankCache.set(candidates, r);
  }
  return r;
}

function summarize(c: CandidateStory, st: StoryStats, updated: boolean): DigestStory {
  const byNewest = [...c.articles].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id - b.id));
  const fresh = new Set(c.newArticleIds);
  const lead = byNewest.find((a) => fresh.has(a.id) && a.lead) ?? byNewest.find((a) => a.lead) ?? byNewest[0];
  const links: DigestStory['links'] = [];
  const seenOutlets = new Set<string>();
  for (const a of [lead, ...byNewest]) {
    if (!isHttp(a.url) || links.some((l) => l.url === a.url)) continue;
    const key = a.outlet ?? a.url;
    if (seenOutlets.has(key)) continue;
    seenOutlets.add(key);
    links.push({ url: a.url, outlet: a.outlet });
  }
  return {
    storyId: c.storyId,
    title: c.title || lead.title,
    updated,
    outlets: st.outlets,
    articleCount: st.count,
    lastUpdated: st.newest,
    extract: extractSentences(lead.lead),
    links,
    articleIds: byNewest.map((a) => a.id),
  };
}

/**
 * Picks and orders the stories of one digest (empty when nothing is new): stories already sent
 * are left out unless they gained articles or outlets since (then they come back marked updated).
 */
export function selectDigestStories(input: DigestInput): DigestStory[] {
  const out: DigestStory[] = [];
  for (const { c, st } of ranked(input.candidates)) {
    if (out.length >= input.max) break;
    const sent = input.sent.get(c.storyId);
    if (sent && st.count <= sent.articleCount && st.outlets.length <= sent.outletCount) continue;
    out.push(summarize(c, st, !!sent));
  }
  return out;
}

const T = {
  title: { en: 'Your news digest', 'zh-TW': '新聞摘要' },
  topic: { en: 'Topic', 'zh-TW': '主題' },
  updated: { en: 'Updated', 'zh-TW': '更新' },
  outlets: { en: 'outlets', 'zh-TW': '家媒體' },
  articles: { en: 'articles', 'zh-TW': '篇報導' },
  empty: { en: 'No new stories since the last digest.', 'zh-TW': '自上次摘要以來沒有新的報導。' },
  footer: { en: 'Change or stop: /subscriptions · /unsubscribe', 'zh-TW': '修改或停止：/subscriptions · /unsubscribe' },
};

/** Renders the chosen stories as a neutral Reply (adapters escape and split it); `dateLabel` is the local date. */
export function renderDigest(stories: DigestStory[], opts: { lang: ReplyLang; topic: string | null; dateLabel: string }): Reply {
  const l = opts.lang;
  const items: ReplyItem[] = stories.map((s) => {
    const counts = l === 'en' ? `${s.outlets.length} ${T.outlets.en}, ${s.articleCount} ${T.articles.en}` : `${s.outlets.length} ${T.outlets['zh-TW']}、${s.articleCount} ${T.articles['zh-TW']}`;
    const more = s.links.slice(1, 4).map((x) => (x.outlet ? `${x.outlet} ${x.url}` : x.url));
    return {
      heading: (s.updated ? `[${T.updated[l]}] ` : '') + s.title,
      text: s.extract || undefined,
      url: s.links[0]?.url,
      meta: [s.outlets.join(' · ') || undefined, counts, ...more].filter(Boolean).join(' — '),
    };
  });
  return {
    kind: 'ok',
    title: `${T.title[l]} · ${opts.dateLabel}`,
    intro: opts.topic ? `${T.topic[l]}: ${opts.topic}` : undefined,
    items,
    footer: T.footer[l],
    articles: stories.flatMap((s) => s.articleIds),
  };
}

/** The one-line note sent instead of silence when NEWSBOT_DIGEST_EMPTY_NOTE is set. */
export function renderEmptyNote(opts: { lang: ReplyLang; topic: string | null; dateLabel: string }): Reply {
  const topic = opts.topic ? ` (${T.topic[opts.lang]}: ${opts.topic})` : '';
  return { kind: 'ok', intro: `${T.title[opts.lang]} · ${opts.dateLabel}${topic}: ${T.empty[opts.lang]}`, items: [], articles: [] };
}
