/**
 * `npm run eval timeline`: how much of `/timeline X` is about X, on the 325 real posts of
 * test/fixtures/corpus/ (essays and reports nobody tuned the timeline for), for people, places
 * and companies those posts discuss. Counted strictly: an event counts only when the text shown
 * for it names X (any known spelling, whole words for Latin names). Baseline in the same run: the
 * same articles' events without the topic filter (what /timeline listed before).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/core/store/db.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';
import { ingestPaths } from '../../src/core/loader/ingest-paths.ts';
import { findTopicArticles } from '../../src/core/stories/find-topic-articles.ts';
import { buildTimeline, topicMatcher, type TimelineEntry } from '../../src/core/timeline/build-timeline.ts';
import { lookupEntityNames } from '../../src/core/entities/topics.ts';

const CORPUS = 'test/fixtures/corpus';
const TOPICS = ['特朗普', '习近平', '毛泽东', '邓小平', '普京', '奥巴马', '香港', '台湾', '新疆', '华为', '谷歌', '斯诺登', '胡锦涛', '刘晓波', '武汉', '北京'];

/** Runs the suite and prints its figures. */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-eval-timeline-'));
  const db = openDatabase(join(dir, 'eval.db'));
  try {
    const stores = sqliteStores(db);
    const res = await ingestPaths(stores, [CORPUS]);
    console.log(`${CORPUS}: ingested ${res.ingested}; an event counts when the text shown for it names the topic`);
    const totals = { ours: [0, 0], base: [0, 0] };
    const rows: string[] = [];
    for (const topic of TOPICS) {
      const { names } = await lookupEntityNames(stores, topic);
      const spellings = names.length ? [topic, ...names] : [topic];
      const names_ = topicMatcher(spellings);
      const ids = await findTopicArticles(stores, topic);
      const count = (entries: TimelineEntry[]) => [entries.filter((e) => names_(e.text)).length, entries.length];
      const ours = await buildTimeline(stores, ids, 25, spellings);
      const base = await buildTimeline(stores, ids, 25);
      const o = count([...ours.dated, ...ours.undated]);
      const b = count([...base.dated, ...base.undated]);
      totals.ours[0] += o[0];
      totals.ours[1] += o[1];
      totals.base[0] += b[0];
      totals.base[1] += b[1];
      rows.push(`  ${topic.padEnd(6)} newsbot ${o[0]}/${o[1]}   unfiltered ${b[0]}/${b[1]}`);
    }
    const pct = ([n, d]: number[]) => (d ? `${((100 * n) / d).toFixed(1)} % (${n}/${d})` : 'n/a');
    console.log(`events naming the topic: newsbot ${pct(totals.ours)}   baseline (unfiltered) ${pct(totals.base)}`);
    console.log(rows.join('\n'));
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
