/**
 * `npm run eval timeline`: how much of `/timeline X` is about X, for people, places and
 * organisations each set discusses, on two kinds of text:
 * - the 325 real posts of test/fixtures/corpus/ (essays and blog posts);
 * - the 367 Taiwanese news reports of test/fixtures/dev/news-tw/covid-2021-12.jsonl (the story
 *   eval's articles; short reports, where a headline names far more than each sentence does).
 * Counted strictly: an event counts only when the text shown for it names X (any known spelling,
 * whole words for Latin names); an event kept because a pronoun or an attribution refers to X
 * counts as a miss. Baseline in the same run: the same articles' events without the topic filter
 * (what /timeline listed before issue 12).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/core/store/db.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';
import type { Stores } from '../../src/core/store/stores.ts';
import { ingestPaths } from '../../src/core/loader/ingest-paths.ts';
import { storeArticle } from '../../src/core/loader/store-article.ts';
import { finishArticle } from '../../src/core/ingest/finish-article.ts';
import { findTopicArticles } from '../../src/core/stories/find-topic-articles.ts';
import { buildTimeline, topicMatcher, type TimelineEntry } from '../../src/core/timeline/build-timeline.ts';
import { lookupEntityNames } from '../../src/core/entities/topics.ts';

const CORPUS = 'test/fixtures/corpus';
const TOPICS = ['特朗普', '习近平', '毛泽东', '邓小平', '普京', '奥巴马', '香港', '台湾', '新疆', '华为', '谷歌', '斯诺登', '胡锦涛', '刘晓波', '武汉', '北京'];
const NEWS_TW = 'test/fixtures/dev/news-tw/covid-2021-12.jsonl';
// Frequent names of that month's Taiwanese COVID news, chosen before any timeline was read (the
// figures then led to dropping the headline rule, so this set is not held out either).
const NEWS_TW_TOPICS = ['陳時中', '蔡英文', '柯文哲', '侯友宜', '莫德納', '輝瑞', '高端', '台北', '新北', '桃園', '高雄', '美國', '日本', '香港', '衛福部', '指揮中心'];

type Count = [number, number];

/** Stores the news-tw reports through the real store path, oldest first (as the story eval does). */
async function storeNewsTw(stores: Stores): Promise<number> {
  const rows = readFileSync(NEWS_TW, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { title: string; published: string; content: string; source: string; url: string });
  let stored = 0;
  for (const [i, r] of [...rows.entries()].sort(([x, a], [y, b]) => a.published.localeCompare(b.published) || x - y)) {
    const paragraphs = r.content.split(/\n+/).map((p) => p.trim()).filter(Boolean);
    if (!paragraphs.length && !r.title) continue;
    const article = finishArticle({
      shape: 'feed-item', title: r.title || paragraphs[0]?.slice(0, 30) || '(untitled)', url: r.url || null, outlet: r.source, agency: null, authors: [], translators: [],
      published_at: r.published.replace(' ', 'T') + '+08:00', published_precision: 'datetime', dateline: null, paragraphs, tags: [], related: [],
    });
    if ((await storeArticle(stores, article, { source_file: `covid-${i}.json` })).id) stored++;
  }
  return stored;
}

/** Scores the topics on what `stores` holds; prints a line per topic and the totals. */
async function score(stores: Stores, topics: string[]): Promise<void> {
  const totals: { ours: Count; base: Count } = { ours: [0, 0], base: [0, 0] };
  const rows: string[] = [];
  for (const topic of topics) {
    const { names } = await lookupEntityNames(stores, topic);
    const spellings = names.length ? [topic, ...names] : [topic];
    const names_ = topicMatcher(spellings);
    const ids = await findTopicArticles(stores, topic);
    const count = (entries: TimelineEntry[]): Count => [entries.filter((e) => names_(e.text)).length, entries.length];
    const ours = await buildTimeline(stores, ids, 25, spellings);
    const base = await buildTimeline(stores, ids, 25);
    const o = count([...ours.dated, ...ours.undated]);
    const b = count([...base.dated, ...base.undated]);
    for (const [t, c] of [[totals.ours, o], [totals.base, b]] as const) {
      t[0] += c[0];
      t[1] += c[1];
    }
    rows.push(`  ${topic.padEnd(6)} newsbot ${o[0]}/${o[1]}   unfiltered ${b[0]}/${b[1]}`);
  }
  const pct = ([n, d]: Count) => (d ? `${((100 * n) / d).toFixed(1)} % (${n}/${d})` : 'n/a');
  console.log(`events naming the topic: newsbot ${pct(totals.ours)}   baseline (unfiltered) ${pct(totals.base)}`);
  console.log(rows.join('\n'));
}

/** Runs the suite and prints its figures. */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-eval-timeline-'));
  const corpus = openDatabase(join(dir, 'corpus.db'));
  const news = openDatabase(join(dir, 'news-tw.db'));
  try {
    const stores = sqliteStores(corpus);
    const res = await ingestPaths(stores, [CORPUS]);
    console.log(`${CORPUS}: ingested ${res.ingested}; an event counts when the text shown for it names the topic`);
    await score(stores, TOPICS);
    const tw = sqliteStores(news);
    console.log(`\n${NEWS_TW}: stored ${await storeNewsTw(tw)} news reports; the same count`);
    await score(tw, NEWS_TW_TOPICS);
  } finally {
    corpus.close();
    news.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
