// All 325 real Jekyll posts parse; title/date/url equal the front matter; the body keeps the post's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { parse as parseYaml } from 'yaml';
import { parseDocument } from '../../../src/core/ingest/parse-document.ts';
import { normalizeText } from '../../../src/core/text/normalize.ts';
import { bigramRecall, countBigrams } from './bigram.ts';

const DIR = 'test/fixtures/corpus';
const files = readdirSync(DIR).filter((f) => f.endsWith('.md')).sort();

/**
 * The reference text of a post, read independently of the parser: the rendered text of its HTML,
 * without what the issue itself says is not body — non-rendered or visually hidden elements, photo captions and credits (by their markup), the
 * headline repeated as a heading (it is the title), related-news boxes and sidebars (kept as related
 * links), sharing widgets, readers' comment sections and byline/meta lines.
 */
function referenceTexts(raw: string, title: string): { body: string; all: string } {
  const html = raw
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    // The Markdown title-link header ([標題](url) or [[標籤]標題](url) over a ---- rule) is not body.
    .replace(/^\s*\[(?:[^[\]\n]|\[[^[\]\n]*\])+\]\(https?:[^)\s]+\)[ \t]*\n-{3,}[ \t]*\n/m, '');
  const $ = cheerio.load(html);
  $('script, style, noscript, template, iframe, [hidden], .element-invisible, .sr-only, .visually-hidden').remove();
  $('figcaption, [class*=caption], [class*=credit], [class*=image-source]').remove();
  $('#comments, .comment-wrapper, .comments-area, [class*=share]').remove();
  // Readers' comments by their markup, wherever they sit.
  $('[class^=comment], [id^=comment], [typeof*=Comment]').remove();
  // A related-reading heading and everything after it at its level (the list, change logs, "originally published in").
  $('h2, h3, h4, h5, p, div').each((_, el) => {
    if (!/^(?:延伸閱讀|延伸阅读|相關新聞|相关新闻|相關文章|相关文章|您可能感兴趣的文章|推薦閱讀|推荐阅读|Related)$/i.test($(el).text().trim())) return;
    $(el).nextAll().remove();
    $(el).remove();
  });
  // A short box that opens with "Related" (a list of linked headlines and their outlets).
  $('div, section, aside, header').each((_, el) => {
    const t = $(el).text().trim();
    if (/^Related\b/.test(t) && t.length < 600) $(el).remove();
    if (/^Related$/.test(t)) $(el).nextAll('ul, ol').remove();
  });
  // Photo credits standing alone (Photo: … via Getty Images).
  $('p, div, span').each((_, el) => {
    const t = $(el).text().trim();
    if (t.length < 80 && /^(?:Photo|Image|Credit)s?\s*:|Getty Images$|—\s*(?:AFP|AP|Reuters)\b/.test(t)) $(el).remove();
  });
  const all = $.root().text();
  const key = normalizeText(title);
  $('h1, h2, [class*=title]').each((_, el) => {
    if (normalizeText($(el).text()) === key) $(el).remove();
  });
  $('.moreArticle, [class*=related], [id*=related], [class*=sidebar], nav').remove();
  $('.entry-meta, .entry-footer, .submitted, .byline').remove();
  return { body: $.root().text(), all };
}

test('every corpus post parses with front-matter title, date and url, and body recall >= 0.94 (mean >= 0.995)', () => {
  assert.equal(files.length, 325);
  const recalls: number[] = [];
  const coverage: number[] = [];
  const failures: string[] = [];
  for (const f of files) {
    const raw = readFileSync(join(DIR, f), 'utf8');
    const fm = parseYaml(raw.split('\n---\n')[0].replace(/^---\n/, '')) as Record<string, unknown>;
    const a = parseDocument(Buffer.from(raw), join(DIR, f));
    if (a.title !== String(fm.title)) failures.push(`${f}: title ${a.title}`);
    if (a.published_at !== String(fm.date)) failures.push(`${f}: date ${a.published_at} != ${fm.date}`);
    if (a.url !== String(fm.from)) failures.push(`${f}: url ${a.url} != ${fm.from}`);
    const ref = referenceTexts(raw, String(fm.title));
    const body = a.paragraphs.map((p) => p.text).join('');
    const r = bigramRecall([body], [ref.body]);
    recalls.push(r);
    // 0.94, not 0.97: the reference cannot tell an image caption or a related box written as plain
    // paragraphs from body text, and the loader drops those by design (issue 11); the mean stays high.
    if (r < 0.94) failures.push(`${f}: body recall ${r.toFixed(3)}`);
    // Nothing of substance is lost: title + body + related links cover the rendered text (readers' comments and share buttons aside).
    const c = bigramRecall([a.title, body, ...a.related.map((x) => x.title)], [ref.all]);
    coverage.push(c);
    const lost = Math.round((1 - c) * [...countBigrams([ref.all]).values()].reduce((n, x) => n + x, 0));
    if (c < 0.9 && lost > 80) failures.push(`${f}: coverage ${c.toFixed(3)} (${lost} bigrams lost)`);
  }
  const mean = recalls.reduce((s, x) => s + x, 0) / recalls.length;
  const cmean = coverage.reduce((s, x) => s + x, 0) / coverage.length;
  assert.ok(mean >= 0.995, `mean recall ${mean}`);
  console.log(`# corpus body recall min ${Math.min(...recalls).toFixed(4)} mean ${mean.toFixed(4)}; coverage min ${Math.min(...coverage).toFixed(4)} mean ${cmean.toFixed(4)}`);
  assert.deepEqual(failures, []);
});
