/**
 * `npm run eval stories`: pairwise precision and recall of story grouping on the hand-labelled
 * pairs in test/fixtures/dev/news-tw/story-pairs.jsonl (see STORY-PAIRS.md there). The 367
 * articles are stored in publication order into a fresh SQLite file through the real ingest path
 * (storeArticle → assignStory); the baseline in the same run is title-bigram Jaccard ≥ 0.3
 * between articles published within three days of each other.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/core/store/db.ts';
import { storeArticle } from '../../src/core/loader/store-article.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';
import { finishArticle } from '../../src/core/ingest/finish-article.ts';
import { formatPairs, scoreStoryFeed, TRADE_FLOOD_FEED, UKRAINE_FEED } from './story-feed.ts';

const ARTICLES = 'test/fixtures/dev/news-tw/covid-2021-12.jsonl';
const PAIRS = 'test/fixtures/dev/news-tw/story-pairs.jsonl';

interface Row {
  title: string;
  published: string;
  description: string;
  content: string;
  source: string;
  url: string;
}

function titleBigrams(s: string): Set<string> {
  const t = s.replace(/[^\p{L}\p{N}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 2 <= t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return a.size + b.size - common ? common / (a.size + b.size - common) : 0;
}

function report(name: string, pairs: { same: boolean }[], said: boolean[]): void {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  pairs.forEach((p, i) => {
    if (said[i] && p.same) tp++;
    else if (said[i]) fp++;
    else if (p.same) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  console.log(`${name.padEnd(40)} precision ${precision.toFixed(3)} (${tp}/${tp + fp})   recall ${recall.toFixed(3)} (${tp}/${tp + fn})`);
}

/** Runs the suite and prints its figures. */
export async function run(): Promise<void> {
  const rows = readFileSync(ARTICLES, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
  const pairs = readFileSync(PAIRS, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { a: number; b: number; same: boolean });
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-eval-stories-'));
  const db = openDatabase(join(dir, 'eval.db'));
  const idOf = new Map<number, number>();
  try {
    const order = rows.map((_, i) => i).sort((x, y) => rows[x].published.localeCompare(rows[y].published) || x - y);
    for (const i of order) {
      const r = rows[i];
      const paragraphs = r.content.split(/\n+/).map((p) => p.trim()).filter(Boolean);
      if (!paragraphs.length && !r.title) continue;
      const article = finishArticle({
        shape: 'feed-item', title: r.title || paragraphs[0]?.slice(0, 30) || '(untitled)', url: r.url || null, outlet: r.source, agency: null, authors: [], translators: [],
        published_at: r.published.replace(' ', 'T') + '+08:00', published_precision: 'datetime', dateline: null, paragraphs, tags: [], related: [],
      });
      const res = await storeArticle(sqliteStores(db), article, { source_file: `covid-${i}.json` });
      if (res.id) idOf.set(i, res.id);
    }
    const storyOf = db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').pluck();
    const story = (i: number) => (idOf.has(i) ? (storyOf.get(idOf.get(i)!) as number | undefined) : undefined);
    const ours = pairs.map((p) => story(p.a) !== undefined && story(p.a) === story(p.b));
    const day = (i: number) => Date.parse(rows[i].published.replace(' ', 'T') + '+08:00') / 86_400_000;
    const base = pairs.map((p) => Math.abs(day(p.a) - day(p.b)) <= 3 && jaccard(titleBigrams(rows[p.a].title), titleBigrams(rows[p.b].title)) >= 0.3);
    const same = pairs.filter((p) => p.same).length;
    console.log(`${PAIRS}: ${pairs.length} labelled pairs (${same} same-story), articles stored through storeArticle in publication order`);
    report('newsbot story grouping', pairs, ours);
    report('baseline: title-bigram Jaccard ≥ 0.3, ≤ 3 days', pairs, base);
    const wrong = pairs.filter((p, i) => ours[i] !== p.same);
    for (const p of wrong.slice(0, 20)) console.log(`  ${p.same ? 'missed' : 'wrong merge'}: ${rows[p.a].title.slice(0, 30)} | ${rows[p.b].title.slice(0, 30)}`);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const dir of [UKRAINE_FEED, TRADE_FLOOD_FEED]) {
    const feed = await scoreStoryFeed(dir);
    console.log(`\n${dir}: ${feed.articles} articles, ${feed.stories} stories (both scripts, many outlets, decoys); every pair within 7 days`);
    console.log(`${'newsbot story grouping'.padEnd(40)} ${formatPairs(feed.ours)}`);
    console.log(`${'baseline: title-bigram Jaccard ≥ 0.3, ≤ 3 days'.padEnd(40)} ${formatPairs(feed.base)}`);
    for (const w of feed.ours.wrong.slice(0, 10)) console.log(`  wrong merge: ${w}`);
    if (process.env.EVAL_VERBOSE === '1') for (const m of feed.ours.missed) console.log(`  missed: ${m}`);
  }
}
