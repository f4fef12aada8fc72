/**
 * `node --import tsx scripts/eval/score-pages.ts <folder>`: scores a folder of pages with expected
 * extractions (`*.expected.json`: file, title, published_at, authors, paragraphs, must_not_contain),
 * one line per page, then the totals — body F1, headline, date (to the minute; the same instant when
 * both sides give a zone), byline, furniture strings left. The held-out figures in
 * test/fixtures/other-outlets/README.md were taken with it, copied into a worktree of each commit.
 * VERBOSE=1 prints what differs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../src/core/ingest/parse-document.ts';
import { bylineOk, dateOk, textF1, titleOk } from './extraction-figures.ts';

interface Expected {
  file: string;
  title: string;
  published_at: string | null;
  authors: string[];
  paragraphs: string[];
  must_not_contain: string[];
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: score-pages.ts <folder of pages and *.expected.json>');
  process.exit(2);
}
const sameMinute = (a: string, b: string) => /[T ]\d\d:\d\d/.test(b) && Math.floor(Date.parse(a) / 60_000) === Math.floor(Date.parse(b) / 60_000);
let n = 0;
const ok = { title: 0, date: 0, byline: 0 };
let f1Sum = 0;
let leaks = 0;
for (const f of readdirSync(dir).filter((x) => x.endsWith('.expected.json')).sort()) {
  const exp = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Expected;
  let a: ReturnType<typeof parseDocument> | null = null;
  let error = '';
  try {
    a = parseDocument(readFileSync(join(dir, exp.file)), exp.file);
  } catch (e) {
    error = (e as Error).message;
  }
  const body = a ? a.paragraphs.map((p) => p.text).join('\n') : '';
  const f1 = textF1(body, exp.paragraphs.join('\n'));
  const t = !!a && titleOk(a.title, exp.title);
  const d = !!a && (dateOk(a.published_at ?? '', exp.published_at ?? '') || sameMinute(a.published_at ?? '', exp.published_at ?? ''));
  const b = !!a && bylineOk(a.authors, exp.authors.join('、'));
  const left = exp.must_not_contain.filter((x) => body.includes(x));
  n++;
  f1Sum += f1;
  ok.title += +t;
  ok.date += +d;
  ok.byline += +b;
  leaks += left.length;
  const mark = (x: boolean) => (x ? 'ok' : 'XX');
  console.log(`${exp.file.padEnd(22)} F1 ${f1.toFixed(3)} title ${mark(t)} date ${mark(d)} byline ${mark(b)}${left.length ? ` left ${JSON.stringify(left)}` : ''}${error ? ` ERROR ${error}` : ''}`);
  if (process.env.VERBOSE && a) {
    if (!t) console.log(`   title: ours «${a.title}» expected «${exp.title}»`);
    if (!d) console.log(`   date: ours «${a.published_at}» expected «${exp.published_at}»`);
    if (!b) console.log(`   byline: ours «${a.authors.join('、')}» expected «${exp.authors.join('、')}»`);
  }
}
console.log(`pages ${n}: mean body F1 ${(f1Sum / n).toFixed(3)}, headlines ${ok.title}/${n}, dates ${ok.date}/${n}, bylines ${ok.byline}/${n}, furniture strings left ${leaks}`);
