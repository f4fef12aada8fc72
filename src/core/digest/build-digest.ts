/**
 * Decides what one subscription receives at one due time, from candidate stories already read
 * from the store: each story once (with all its outlets), stories sent before left out unless they
 * grew (then marked updated), most-covered and newest first, at most `max`. Pure: no db, no clock.
 */
import type { Reply, ReplyItem, ReplyLang, TextLang } from '../contract/types.ts';
import type { SentStory } from '../store/ledger-store.ts';
import { localizeReply, textLangOf } from '../text/reply-script.ts';

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
  /** Headline or body revisions of its articles made inside this digest's window. */
  revisions?: CandidateRevision[];
}

/** A revision of one member article (see article_revisions). */
export interface CandidateRevision {
  articleId: number;
  at: string;
  oldTitle: string;
  newTitle: string;
  bodyChanged: boolean;
}

/** What changed in a story since a chat last heard of it. */
export interface StoryChanges {
  /** Outlets and articles it had when last sent (null: never sent). */
  before: { outlets: number; articles: number } | null;
  revisions: CandidateRevision[];
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
  changes: StoryChanges;
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
    r = candidates.filter((c) => (c.newArticleIds.length || c.revisions?.length) && c.articles.length).map((c) => ({ c, st: statsOf(c) }));
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

function summarize(c: CandidateStory, st: StoryStats, updated: boolean, changes: StoryChanges): DigestStory {
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
    changes,
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
    const revisions = c.revisions ?? [];
    const grew = !sent || st.count > sent.articleCount || st.outlets.length > sent.outletCount;
    if (!grew && !revisions.length) continue;
    const before = sent ? { outlets: sent.outletCount, articles: sent.articleCount } : null;
    out.push(summarize(c, st, !!sent || revisions.length > 0, { before, revisions }));
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

/** The lines saying what changed in an updated story: rewritten headlines, revised bodies, new coverage. */
export function describeChanges(s: { outlets: string[]; articleCount: number; changes: StoryChanges }, lang: TextLang): string[] {
  const en = lang === 'en';
  const lines: string[] = [];
  for (const r of s.changes.revisions) {
    if (r.oldTitle !== r.newTitle) lines.push(en ? `headline changed: ${r.oldTitle} → ${r.newTitle}` : `標題更改：${r.oldTitle} → ${r.newTitle}`);
    else if (r.bodyChanged) lines.push(en ? `text revised: ${r.newTitle}` : `內文修訂：${r.newTitle}`);
  }
  const b = s.changes.before;
  if (b && s.outlets.length > b.outlets) lines.push(en ? `now ${s.outlets.length} outlets (was ${b.outlets})` : `現有 ${s.outlets.length} 家媒體報導（原 ${b.outlets} 家）`);
  else if (b && s.articleCount > b.articles) lines.push(en ? `${s.articleCount - b.articles} more article(s)` : `新增 ${s.articleCount - b.articles} 篇報導`);
  return lines;
}

/** `/story N` in the small print of a story, so a reader can open it whole. */
export function storyRef(storyId: number): string {
  return storyId > 0 ? `/story ${storyId}` : '';
}

/** Renders the chosen stories as a neutral Reply (adapters escape and split it); `dateLabel` is the local date. */
export function renderDigest(stories: DigestStory[], opts: { lang: ReplyLang; topic: string | null; dateLabel: string }): Reply {
  const l = textLangOf(opts.lang);
  const items: ReplyItem[] = stories.map((s) => {
    const counts = l === 'en' ? `${s.outlets.length} ${T.outlets.en}, ${s.articleCount} ${T.articles.en}` : `${s.outlets.length} ${T.outlets['zh-TW']}、${s.articleCount} ${T.articles['zh-TW']}`;
    const more = s.links.slice(1, 4).map((x) => (x.outlet ? `${x.outlet} ${x.url}` : x.url));
    const changed = s.updated ? describeChanges(s, l) : [];
    return {
      heading: (s.updated ? `[${T.updated[l]}] ` : '') + s.title,
      text: [...changed, s.extract].filter(Boolean).join('\n') || undefined,
      url: s.links[0]?.url,
      meta: [s.outlets.join(' · ') || undefined, counts, ...more, storyRef(s.storyId)].filter(Boolean).join(' — '),
    };
  });
  return localizeReply({
    kind: 'ok',
    title: `${T.title[l]} · ${opts.dateLabel}`,
    intro: opts.topic ? `${T.topic[l]}: ${opts.topic}` : undefined,
    items,
    footer: T.footer[l],
    articles: stories.flatMap((s) => s.articleIds),
  }, opts.lang, opts.topic ? [opts.topic] : []);
}

/** The one-line note sent instead of silence when NEWSBOT_DIGEST_EMPTY_NOTE is set. */
export function renderEmptyNote(opts: { lang: ReplyLang; topic: string | null; dateLabel: string }): Reply {
  const l = textLangOf(opts.lang);
  const topic = opts.topic ? ` (${T.topic[l]}: ${opts.topic})` : '';
  return localizeReply({ kind: 'ok', intro: `${T.title[l]} · ${opts.dateLabel}${topic}: ${T.empty[l]}`, items: [], articles: [] }, opts.lang, opts.topic ? [opts.topic] : []);
}
