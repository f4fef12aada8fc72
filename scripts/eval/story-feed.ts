/**
 * Story grouping scored on a feed with a story id for every article (test/fixtures/stories-ukraine:
 * a peace process and a typhoon week told by Taiwanese, mainland, Hong Kong, Singapore and
 * international outlets in both scripts, with decoys; written by a helper that never saw the
 * grouping). The articles are stored in publication order into a fresh SQLite file through the real
 * path (storeArticle → assignStory); every pair published within PAIR_DAYS days is scored. The
 * baseline in the same run: title-bigram Jaccard ≥ 0.3 within three days.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/core/store/db.ts';
import { storeArticle } from '../../src/core/loader/store-article.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';
import { finishArticle } from '../../src/core/ingest/finish-article.ts';

export const UKRAINE_FEED = 'test/fixtures/stories-ukraine';
/** A second helper's feed: US–China trade talks and a southern Taiwan flood week, with decoys. */
export const TRADE_FLOOD_FEED = 'test/fixtures/stories-trade-flood';
const PAIR_DAYS = 7;

interface Row {
  title: string;
  published: string;
  content: string;
  source: string;
  url: string;
}

export interface PairScore {
  tp: number;
  fp: number;
  fn: number;
  wrong: string[];
  missed: string[];
}

function bigrams(s: string): Set<string> {
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

/** Scores newsbot's grouping and the baseline on the feed in `dir` (feed.jsonl, stories.json). */
export async function scoreStoryFeed(dir: string = UKRAINE_FEED): Promise<{ ours: PairScore; base: PairScore; articles: number; stories: number }> {
  const rows = readFileSync(join(dir, 'feed.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
  const gold = JSON.parse(readFileSync(join(dir, 'stories.json'), 'utf8')) as Record<string, string>;
  const tmp = mkdtempSync(join(tmpdir(), 'newsbot-eval-feed-'));
  const db = openDatabase(join(tmp, 'eval.db'));
  try {
    const idOf = new Map<number, number>();
    const at = (i: number) => Date.parse(rows[i].published.replace(' ', 'T') + '+08:00');
    const order = rows.map((_, i) => i).sort((x, y) => at(x) - at(y) || x - y);
    for (const i of order) {
      const r = rows[i];
      const paragraphs = r.content.split(/\n+/).map((p) => p.trim()).filter(Boolean);
      const article = finishArticle({
        shape: 'feed-item', title: r.title, url: r.url || null, outlet: r.source, agency: null, authors: [], translators: [],
        published_at: r.published.replace(' ', 'T') + '+08:00', published_precision: 'datetime', dateline: null, paragraphs, tags: [], related: [],
      });
      const res = await storeArticle(sqliteStores(db), article, { source_file: `feed-${i}.json` });
      if (res.id) idOf.set(i, res.id);
    }
    const storyOf = db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').pluck();
    const story = (i: number) => (idOf.has(i) ? (storyOf.get(idOf.get(i)!) as number | undefined) : undefined);
    const ours: PairScore = { tp: 0, fp: 0, fn: 0, wrong: [], missed: [] };
    const base: PairScore = { tp: 0, fp: 0, fn: 0, wrong: [], missed: [] };
    const tally = (s: PairScore, said: boolean, same: boolean, label: string) => {
      if (said && same) s.tp++;
      else if (said) (s.fp++, s.wrong.push(label));
      else if (same) (s.fn++, s.missed.push(label));
    };
    for (let a = 0; a < rows.length; a++) {
      for (let b = a + 1; b < rows.length; b++) {
        const days = Math.abs(at(a) - at(b)) / 86_400_000;
        if (days > PAIR_DAYS) continue;
        const same = gold[a] === gold[b];
        const label = `${rows[a].title.slice(0, 30)} | ${rows[b].title.slice(0, 30)}`;
        tally(ours, story(a) !== undefined && story(a) === story(b), same, label);
        tally(base, days <= 3 && jaccard(bigrams(rows[a].title), bigrams(rows[b].title)) >= 0.3, same, label);
      }
    }
    return { ours, base, articles: rows.length, stories: new Set(Object.values(gold)).size };
  } finally {
    db.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** "precision 0.938 (60/64)   recall 0.723 (60/83)". */
export function formatPairs(s: PairScore): string {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  return `precision ${p.toFixed(3)} (${s.tp}/${s.tp + s.fp})   recall ${r.toFixed(3)} (${s.tp}/${s.tp + s.fn})`;
}
