/**
 * The extraction figures `npm run eval extraction` prints and test/acceptance/extraction-floor.test.ts
 * holds to a floor: body character-bigram F1 (whitespace removed) on the 22 extraction-zh pages as
 * HTML and as text dumps, and title/date/byline accuracy on the metadata sets (extraction-zh-meta,
 * the seeds, a corpus sample, our own Taiwanese-outlet pages), each beside Mozilla Readability on
 * the same HTML in the same run.
 */
import { readdirSync, readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/core/store/db.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';
import { ingestPaths } from '../../src/core/loader/ingest-paths.ts';
import { lineKey, siteKeyOf } from '../../src/core/clean/site-furniture.ts';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import { parseDocument } from '../../src/core/ingest/parse-document.ts';
import { decodeBytes } from '../../src/core/ingest/decode-bytes.ts';
import type { NormalizedArticle } from '../../src/core/article.ts';
import { normalizeText } from '../../src/core/text/normalize.ts';

const DEV = 'test/fixtures/dev';
const ZH = join(DEV, 'extraction-zh');
const META = join(DEV, 'extraction-zh-meta');
const TW = 'test/fixtures/ingest-tw';
/** Pages in the shapes of 94 other outlets, written by helpers that never saw the loader (README there). */
const OTHER = 'test/fixtures/other-outlets';

/** Character-bigram F1 of two texts with all whitespace removed (NFKC-normalized). */
export function textF1(got: string, gold: string): number {
  const g = bigrams(got);
  const e = bigrams(gold);
  const tg = g.total;
  const te = e.total;
  if (tg === 0 && te === 0) return 1;
  if (tg === 0 || te === 0) return 0;
  let o = 0;
  for (const [k, v] of g.counts) o += Math.min(v, e.counts.get(k) ?? 0);
  return (2 * o) / (tg + te);
}

function bigrams(s: string): { counts: Map<string, number>; total: number } {
  const chars = [...normalizeText(s).replace(/\s+/g, '')];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const k = chars[i] + chars[i + 1];
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return { counts, total: Math.max(0, chars.length - 1) };
}

/** One page's body score for our loader and for the baseline. */
export interface BodyScore {
  id: string;
  ours: number;
  baseline: number;
  error?: string;
}

/** One metadata check: the field, what gold says, what we and Readability found. */
export interface MetaCheck {
  set: string;
  page: string;
  field: 'title' | 'date' | 'byline';
  gold: string;
  ours: string;
  oursOk: boolean;
  baseline: string | null;
  baselineOk: boolean | null;
}

/** Everything the eval prints. */
export interface ExtractionFigures {
  html: BodyScore[];
  text: BodyScore[];
  /** Pages in the shapes of 94 other outlets (HTML and text dumps): body F1 and furniture leaks. */
  other: (BodyScore & { leaks: string[] })[];
  /** Our Taiwanese-outlet pages (HTML and text dumps): body F1 and furniture leaks. */
  tw: (BodyScore & { leaks: string[] })[];
  meta: MetaCheck[];
  /** Milliseconds to parse a generated 1 MB hostile page (unclosed inline tags). */
  hostileMs: number;
  /** Milliseconds to parse a generated 1 MB text dump of dated headlines, prose and bylines. */
  hostileDumpMs: number;
  siteRepeats: { stored: number; parsedAlone: number; articles: number };
}

function body(a: NormalizedArticle): string {
  return a.paragraphs.map((p) => p.text).join('\n');
}

/** Mozilla Readability on linkedom, as a reader app would run it: title, byline, date, text. */
export function readabilityOn(html: string): { title: string; byline: string; date: string; text: string } {
  try {
    const { document } = parseHTML(html);
    const r = new Readability(document as never).parse();
    return { title: r?.title ?? '', byline: r?.byline ?? '', date: r?.publishedTime ?? '', text: r?.textContent ?? '' };
  } catch {
    return { title: '', byline: '', date: '', text: '' };
  }
}

function tryParse(bytes: Buffer, name: string): { a: NormalizedArticle | null; error?: string } {
  try {
    return { a: parseDocument(bytes, name) };
  } catch (err) {
    return { a: null, error: String((err as Error).message ?? err).slice(0, 160) };
  }
}

/** Body F1 on the 22 extraction-zh pages as HTML (baseline Readability) and as text dumps (baseline: the whole dump). */
export function scoreBodies(): { html: BodyScore[]; text: BodyScore[] } {
  const gold = JSON.parse(readFileSync(join(ZH, 'gold.json'), 'utf8')) as Record<string, { url: string; content: string }>;
  const html: BodyScore[] = [];
  const text: BodyScore[] = [];
  for (const [id, g] of Object.entries(gold)) {
    const hname = join(ZH, 'html', `${id}.html`);
    const hbytes = readFileSync(hname);
    const h = tryParse(hbytes, hname);
    const rd = readabilityOn(safeDecode(hbytes, hname));
    html.push({ id, ours: h.a ? textF1(body(h.a), g.content) : 0, baseline: textF1(rd.text, g.content), error: h.error });
    const tname = join(ZH, 'text', `${id}.txt`);
    const tbytes = readFileSync(tname);
    const t = tryParse(tbytes, tname);
    text.push({ id, ours: t.a ? textF1(body(t.a), g.content) : 0, baseline: textF1(tbytes.toString('utf8'), g.content), error: t.error });
  }
  return { html, text };
}

function safeDecode(bytes: Buffer, name: string): string {
  try {
    return decodeBytes(bytes, name);
  } catch {
    return bytes.toString('utf8');
  }
}

/** "標題_頻道_網站" / "標題 | 網站" → the candidates a headline may equal (whole, and with site parts cut). */
function titleForms(t: string): string[] {
  const n = normalizeText(t);
  const out = [n];
  const parts = n.split(/\s*(?:\s[|｜\-–—]\s|_|::|\s-\s)\s*/);
  for (let k = parts.length - 1; k >= 1; k--) out.push(parts.slice(0, k).join(' ').trim());
  return out.filter(Boolean);
}

/** A headline is right when it equals the gold title, or the gold title minus its site/channel suffix. */
export function titleOk(ours: string, gold: string): boolean {
  const o = normalizeText(ours);
  return o.length > 0 && titleForms(gold).some((f) => f === o);
}

/** Dates compare on the local day, and on the minute when the gold has one ("2025-08-23", "2018-09-12T11:14+08:00"). */
export function dateOk(ours: string, gold: string): boolean {
  if (!ours) return !gold;
  const g = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(gold);
  const o = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(ours);
  if (!g || !o) return false;
  // Both give a zone: the same instant is right however it is written (06:20+00:00 = 14:20+08:00).
  const zoned = /(?:[+-]\d{2}:?\d{2}|Z)$/;
  const minute = (iso: string) => Math.floor(Date.parse(iso) / 60_000);
  if (g[2] && o[2] && zoned.test(gold) && zoned.test(ours)) return minute(ours) === minute(gold);
  if (g[1] !== o[1]) return false;
  if (g[2] && o[2] !== g[2]) return false;
  if (g[2] && /[+-]\d{2}:?\d{2}$|Z$/.test(gold) && ours.slice(-6) !== gold.slice(-6)) return Date.parse(ours) === Date.parse(gold);
  return true;
}

/** Bylines compare as name sets; a gold byline written with extra words (青网校园崔宁宁) is matched by containment. */
export function bylineOk(ours: string[], gold: string): boolean {
  const g = normalizeText(gold).replace(/\s+/g, '');
  if (!g) return ours.length === 0;
  if (ours.length === 0) return false;
  const joined = ours.map((x) => normalizeText(x).replace(/\s+/g, '')).join('、');
  if (joined === g) return true;
  return ours.every((x) => {
    const n = normalizeText(x).replace(/\s+/g, '');
    return n.length >= 2 && g.includes(n);
  });
}

function check(
  out: MetaCheck[],
  set: string,
  page: string,
  field: MetaCheck['field'],
  gold: string | string[] | null | undefined,
  a: NormalizedArticle | null,
  rd: { title: string; byline: string; date: string } | null,
): void {
  if (gold === undefined || gold === null) return;
  const goldStr = Array.isArray(gold) ? gold.join('、') : gold;
  if (field !== 'byline' && !goldStr) return;
  let ours = '';
  let oursOk = false;
  let base: string | null = null;
  let baseOk: boolean | null = null;
  if (field === 'title') {
    ours = a?.title ?? '';
    oursOk = titleOk(ours, goldStr);
    if (rd) ((base = rd.title), (baseOk = titleOk(rd.title, goldStr)));
  } else if (field === 'date') {
    ours = a?.published_at ?? '';
    oursOk = dateOk(ours, goldStr);
    if (rd) ((base = rd.date), (baseOk = dateOk(rd.date, goldStr)));
  } else {
    ours = (a?.authors ?? []).join('、');
    oursOk = bylineOk(a?.authors ?? [], goldStr);
    if (rd) ((base = rd.byline), (baseOk = bylineOk(rd.byline ? [rd.byline] : [], goldStr)));
  }
  out.push({ set, page, field, gold: goldStr, ours, oursOk, baseline: base, baselineOk: baseOk });
}

/** Title, date and byline checks on every set that has metadata gold. */
export function scoreMetadata(): MetaCheck[] {
  const out: MetaCheck[] = [];
  // mozilla/readability's Chinese pages: title and byline.
  for (const name of readdirSync(join(META, 'readability')).sort()) {
    const dir = join(META, 'readability', name);
    const exp = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as { title?: string; byline?: string | null };
    const file = join(dir, 'source.html');
    const bytes = readFileSync(file);
    const { a } = tryParse(bytes, file);
    const rd = readabilityOn(safeDecode(bytes, file));
    check(out, 'readability', name, 'title', exp.title, a, rd);
    check(out, 'readability', name, 'byline', exp.byline ?? '', a, rd);
  }
  // adbar/trafilatura's Chinese pages: title, author, date.
  const tdata = JSON.parse(readFileSync(join(META, 'trafilatura', 'evaldata_zh.json'), 'utf8')) as Record<
    string,
    { file: string; title?: string; author?: string; date?: string }
  >;
  for (const [, e] of Object.entries(tdata)) {
    const file = join(META, 'trafilatura', 'html', e.file);
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    const { a } = tryParse(bytes, file);
    const rd = readabilityOn(safeDecode(bytes, file));
    check(out, 'trafilatura', e.file, 'title', e.title, a, rd);
    check(out, 'trafilatura', e.file, 'byline', e.author ?? '', a, rd);
    check(out, 'trafilatura', e.file, 'date', e.date, a, rd);
  }
  // The five seeds (hand-made gold).
  const seeds = JSON.parse(readFileSync('test/fixtures/seeds.gold.json', 'utf8')) as {
    articles: { file: string; title: string; published_at: string | null; authors: string[] }[];
  };
  for (const g of seeds.articles) {
    const file = join('seeds', g.file);
    const { a } = tryParse(readFileSync(file), file);
    check(out, 'seeds', g.file, 'title', g.title, a, null);
    check(out, 'seeds', g.file, 'date', g.published_at, a, null);
    check(out, 'seeds', g.file, 'byline', g.authors, a, null);
  }
  // Every tenth corpus post: title and date against its front matter.
  const corpus = readdirSync('test/fixtures/corpus').filter((f) => f.endsWith('.md')).sort();
  for (let i = 0; i < corpus.length; i += 10) {
    const file = join('test/fixtures/corpus', corpus[i]);
    const raw = readFileSync(file, 'utf8');
    const fm = parseYaml(raw.split('\n---\n')[0].replace(/^---\n/, '')) as Record<string, unknown>;
    const { a } = tryParse(Buffer.from(raw), file);
    check(out, 'corpus', corpus[i], 'title', String(fm.title), a, null);
    check(out, 'corpus', corpus[i], 'date', String(fm.date), a, null);
  }
  // Our own pages in the shapes of Taiwanese and other outlets (HTML and text dumps), written for this suite.
  for (const [set, dir] of [['tw-pages', TW], ['other-outlets', OTHER]] as const) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.expected.json')).sort()) {
      const exp = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { file: string; title: string; published_at: string; authors: string[] };
      const file = join(dir, exp.file);
      const bytes = readFileSync(file);
      const { a } = tryParse(bytes, file);
      const rd = file.endsWith('.html') ? readabilityOn(safeDecode(bytes, file)) : null;
      check(out, set, exp.file, 'title', exp.title, a, rd);
      check(out, set, exp.file, 'date', exp.published_at, a, rd);
      check(out, set, exp.file, 'byline', exp.authors, a, rd);
    }
  }
  return out;
}

/** A page of `kb` kilobytes of unclosed inline tags around short text: the hostile shape that used to take seconds. */
export function hostilePage(kb: number): string {
  const unit = '<b>新聞 ';
  return `<!doctype html><html><head><title>測試頁面標題</title></head><body><h1>測試頁面標題</h1><p>${unit.repeat(Math.ceil((kb * 1024) / Buffer.byteLength(unit)))}</p></body></html>`;
}

/** Milliseconds to parse a 1 MB hostile page. */
export function timeHostile(): number {
  const html = hostilePage(1024);
  const t0 = performance.now();
  tryParse(Buffer.from(html), 'hostile.html');
  return performance.now() - t0;
}

/** A text dump of `kb` kilobytes made of dated headlines, prose and bylines: the shape that used to take time quadratic in its lines. */
export function hostileDump(kb: number): string {
  const unit = ['標題第一則新聞報導內容', '2024-01-01 10:00', '這是一段重複的內容，用來測試大量段落時的處理速度，句子要夠長才算段落。', '記者王小明／台北報導'].join('\n');
  return ['首頁', ...Array.from({ length: Math.ceil((kb * 1024) / Buffer.byteLength(unit)) }, () => unit)].join('\n');
}

/** Milliseconds to parse a 1 MB hostile text dump. */
export function timeHostileDump(): number {
  const text = hostileDump(1024);
  const t0 = performance.now();
  tryParse(Buffer.from(text), 'hostile.txt');
  return performance.now() - t0;
}

/** Body F1 and leaked furniture on our own outlet-shaped pages (baseline: Readability on the HTML, the whole dump for text). */
export function scoreTwBodies(dir: string = TW): (BodyScore & { leaks: string[] })[] {
  if (!existsSync(dir)) return [];
  const out: (BodyScore & { leaks: string[] })[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.expected.json')).sort()) {
    const exp = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { file: string; paragraphs: string[]; must_not_contain: string[] };
    const file = join(dir, exp.file);
    const bytes = readFileSync(file);
    const { a, error } = tryParse(bytes, file);
    const got = a ? body(a) : '';
    const gold = exp.paragraphs.join('\n');
    const base = file.endsWith('.html') ? readabilityOn(safeDecode(bytes, file)).text : bytes.toString('utf8');
    out.push({ id: exp.file, ours: textF1(got, gold), baseline: textF1(base, gold), error, leaks: exp.must_not_contain.filter((x) => got.includes(x)) });
  }
  return out;
}

/**
 * Repeated site lines left in bodies: the corpus ingested into a fresh database (site furniture
 * learned as it goes) against the same posts parsed alone. A body paragraph counts when the same
 * short line (digits folded) sits in 4 or more bodies of its site.
 */
export async function scoreSiteRepeats(): Promise<{ stored: number; parsedAlone: number; articles: number }> {
  const files = readdirSync('test/fixtures/corpus').filter((f) => f.endsWith('.md')).sort().map((f) => join('test/fixtures/corpus', f));
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-eval-'));
  try {
    const db = openDatabase(join(dir, 'eval.db'));
    await ingestPaths(sqliteStores(db), files, { parseWorker: false });
    const stored = db.prepare('SELECT url, body FROM articles').all() as { url: string | null; body: string }[];
    db.close();
    const alone = files.map((f) => {
      const a = parseDocument(readFileSync(f), f);
      return { url: a.url, body: body(a).split('\n').join('\n\n') };
    });
    // Furniture by this measure: a short line in 4+ bodies of one site when each post is parsed alone.
    const counts = new Map<string, number>();
    for (const r of alone) for (const k of new Set(keysOf(r))) counts.set(k, (counts.get(k) ?? 0) + 1);
    const left = (rows: { url: string | null; body: string }[]) => rows.reduce((n, r) => n + keysOf(r).filter((k) => (counts.get(k) ?? 0) >= 4).length, 0);
    return { stored: left(stored), parsedAlone: left(alone), articles: stored.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function keysOf(r: { url: string | null; body: string }): string[] {
  const site = siteKeyOf({ url: r.url }, null, 'x');
  return r.body.split('\n\n').filter((p) => p.length <= 200).map((p) => `${site}\u0000${lineKey(p)}`);
}

/** Computes every figure (about a minute: Readability runs on every page too). */
export async function computeExtractionFigures(): Promise<ExtractionFigures> {
  const { html, text } = scoreBodies();
  return { html, text, tw: scoreTwBodies(), other: scoreTwBodies(OTHER), meta: scoreMetadata(), hostileMs: timeHostile(), hostileDumpMs: timeHostileDump(), siteRepeats: await scoreSiteRepeats() };
}

/** Mean of a list (0 when empty). */
export function mean(xs: number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
}
