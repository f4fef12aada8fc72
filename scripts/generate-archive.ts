/**
 * Builds a synthetic archive for benchmarks: N articles (100,000 by default) made from the seeds
 * and the real corpus (test/fixtures/corpus), with varied names (people swapped and respelled
 * from seeds/aliases.json), dates (2019–2025, a few undated), outlets, datelines, and ~15%
 * reprints of a recent article by another outlet (so near-duplicate detection has work).
 * Corpus articles become news-sized excerpts (a window of 3–8 paragraphs).
 *
 * Every article goes through the real store path, storeArticle (search row, entities, events,
 * story), in transactions of 500: the tables are exactly what ingest would produce. The result
 * is cached: bench-out/archive-N.db is reused while its .json stamp matches GENERATOR_VERSION
 * and the committed code of src/core (a change to parsing, folding or indexing rebuilds it).
 *
 *   node --import tsx scripts/generate-archive.ts [--count 100000] [--out FILE] [--force | --reuse]
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import type { NormalizedArticle } from '../src/core/article.ts';
import { parseDocument } from '../src/core/ingest/parse-document.ts';
import { openDatabase } from '../src/core/store/db.ts';
import { storeArticle } from '../src/core/loader/store-article.ts';
import { sqliteStores } from '../src/core/store/open-stores.ts';

export const GENERATOR_VERSION = 2;

/** The git tree of src/core and this script: a cached archive built by other code is rebuilt. */
function codeVersion(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD:src/core', 'HEAD:scripts/generate-archive.ts'], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim();
  } catch {
    return 'unknown';
  }
}
const OUTLETS = ['中央社', '聯合新聞網', '自由時報', 'ETtoday', '風傳媒', '端傳媒', 'BBC中文', '報導者', '鏡週刊', '天下雜誌', 'Reuters', 'AP'];
const PLACES = ['台北', '華盛頓', '基輔', '布魯塞爾', '柏林', '倫敦', '東京', '莫斯科', '巴黎', '紐約'];
const START_DAY = Date.UTC(2019, 0, 1) / 86_400_000;
const DAYS = Date.UTC(2025, 11, 31) / 86_400_000 - START_DAY;

/** Deterministic pseudo-random numbers (mulberry32), so the same N always gives the same archive. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Person {
  han: string[];
  latin: string[];
}

function loadPeople(): Person[] {
  const data = JSON.parse(readFileSync('seeds/aliases.json', 'utf8')) as { entities: { type: string; aliases: (string | { text: string })[] }[] };
  return data.entities
    .filter((e) => e.type === 'person')
    .map((e) => {
      const plain = e.aliases.filter((a): a is string => typeof a === 'string');
      return { han: plain.filter((a) => /^[\u4e00-\u9fff·]{2,}$/.test(a)), latin: plain.filter((a) => /^[A-Za-z][A-Za-z .'-]{3,}$/.test(a)) };
    })
    .filter((p) => p.han.length && p.latin.length);
}

function loadTemplates(): NormalizedArticle[] {
  const files = [...readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => join('seeds', f)), ...readdirSync('test/fixtures/corpus').map((f) => join('test/fixtures/corpus', f))];
  const out: NormalizedArticle[] = [];
  for (const f of files) {
    try {
      const a = parseDocument(readFileSync(f), f);
      if (a.paragraphs.length) out.push(a);
    } catch {
      // A corpus file the parser rejects is simply not a template.
    }
  }
  return out;
}

/** Generates `count` articles into `out` unless a matching cached archive exists; returns its path. */
export async function generateArchive(opts: { count?: number; out?: string; force?: boolean; reuseStale?: boolean; log?: (s: string) => void } = {}): Promise<string> {
  const count = opts.count ?? 100_000;
  const out = opts.out ?? `bench-out/archive-${count}.db`;
  const stamp = out.replace(/\.db$/, '') + '.json';
  const log = opts.log ?? ((s: string) => process.stderr.write(s + '\n'));
  if (!opts.force && existsSync(out) && existsSync(stamp)) {
    const meta = JSON.parse(readFileSync(stamp, 'utf8')) as { version: number; count: number; code?: string };
    if (meta.version === GENERATOR_VERSION && meta.count === count) {
      if (meta.code === codeVersion()) return out;
      if (opts.reuseStale) {
        log(`generate-archive: warning: ${out} was built by older code (src/core changed since); reusing it as asked`);
        return out;
      }
    }
    log(`generate-archive: ${out} was built by other code; rebuilding (--reuse keeps it)`);
  }
  for (const f of [out, out + '-wal', out + '-shm', stamp]) rmSync(f, { force: true });
  mkdirSync(dirname(out), { recursive: true });

  const started = Date.now();
  const code = codeVersion(); // the code loaded now is the code that builds the archive
  const random = createRandom(count);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const people = loadPeople();
  const templates = loadTemplates();
  const seedTemplates = templates.filter((t) => t.outlet || t.agency);
  const names = new Map<string, number>();
  people.forEach((p, i) => [...p.han, ...p.latin].forEach((n) => names.set(n, i)));
  const nameRe = new RegExp([...names.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

  const db = openDatabase(out);
  // A throwaway file rebuilt from scratch on failure: no need to wait for the disk.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -65536');
  const recent: NormalizedArticle[] = [];
  let stored = 0;
  const now = new Date('2026-01-01T00:00:00Z');
  const stores = sqliteStores(db);
  const insertBatch = (from: number, to: number) =>
    stores.tx(async () => {
      for (let n = from; n < to; n++) {
        const a = makeArticle(n);
        await storeArticle(stores, a, { source_file: null, now });
        recent.push(a);
        if (recent.length > 200) recent.shift();
        stored++;
      }
    });

  function swapNames(text: string, mapping: Map<number, number>): string {
    return text.replace(nameRe, (m) => {
      const from = names.get(m)!;
      let to = mapping.get(from);
      if (to === undefined) mapping.set(from, (to = random() < 0.5 ? from : Math.floor(random() * people.length)));
      const p = people[to];
      return /[A-Za-z]/.test(m) ? pick(p.latin) : pick(p.han);
    });
  }

  function makeArticle(n: number): NormalizedArticle {
    const url = `https://news.example/${n % OUTLETS.length}/${n}`;
    if (recent.length > 20 && random() < 0.15) {
      // A reprint: the same text by another outlet, the same or the next day.
      const src = recent[recent.length - 1 - Math.floor(random() * 20)];
      const shifted = src.published_at ? new Date(Date.parse(src.published_at) + Math.floor(random() * 30) * 3_600_000).toISOString() : null;
      const paragraphs = [...src.paragraphs, { text: `（編輯：${pick(['張', '李', '王', '陳'])}${n % 97}）`, lang: 'zh-Hant' as const }];
      return { ...src, outlet: pick(OUTLETS.filter((o) => o !== src.outlet)), url, published_at: shifted, paragraphs };
    }
    const base = random() < 0.2 && seedTemplates.length ? pick(seedTemplates) : pick(templates);
    const len = 3 + Math.floor(random() * 6);
    const start = base.paragraphs.length > len ? Math.floor(random() * (base.paragraphs.length - len)) : 0;
    const mapping = new Map<number, number>();
    // News-sized: stop adding paragraphs past ~1,500 characters.
    let size = 0;
    const paragraphs = base.paragraphs
      .slice(start, start + len)
      .filter((p) => (size += p.text.length) - p.text.length < 1500)
      .map((p) => ({ ...p, text: swapNames(p.text.slice(0, 1500), mapping) }));
    const dayMs = (START_DAY + Math.floor(random() * DAYS)) * 86_400_000;
    const undated = random() < 0.03;
    const published = undated ? null : new Date(dayMs + Math.floor(random() * 86_400) * 1000).toISOString();
    const outlet = pick(OUTLETS);
    const wire = !undated && random() < 0.3;
    const day = published ? new Date(Date.parse(published) + 8 * 3_600_000).getUTCDate() : 0;
    const place = pick(PLACES);
    if (wire) paragraphs[0] = { ...paragraphs[0], text: `（中央社${place}${day}日電）${paragraphs[0].text}` };
    return {
      ...base,
      title: swapNames(base.title, mapping),
      url,
      outlet,
      agency: wire ? '中央社' : null,
      published_at: published,
      published_precision: published ? 'datetime' : null,
      dateline: wire ? { place, day } : null,
      paragraphs,
      related: [],
    };
  }

  const BATCH = 500;
  for (let from = 0; from < count; from += BATCH) {
    await insertBatch(from, Math.min(count, from + BATCH));
    if ((from / BATCH) % 20 === 19) log(`generate-archive: ${stored}/${count} articles, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  writeFileSync(stamp, JSON.stringify({ version: GENERATOR_VERSION, code, count, seconds, templates: templates.length, bytes: statSync(out).size }, null, 1));
  log(`generate-archive: ${count} articles in ${seconds} s → ${out}`);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const count = flag('count') ? Number(flag('count')) : 100_000;
  if (!Number.isInteger(count) || count < 1) {
    process.stderr.write(`generate-archive: --count must be a positive integer, got '${flag('count')}'\n`);
    process.exit(2);
  }
  await generateArchive({ count, out: flag('out'), force: args.includes('--force'), reuseStale: args.includes('--reuse') });
}
