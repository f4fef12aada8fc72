/**
 * HTML pages: metadata by our own rules (JSON-LD, Open Graph, meta), the body by Mozilla
 * Readability on linkedom after removing obvious clutter, then our paragraph walker and
 * line-level furniture filters. Readability alone keeps related lists, newsletter boxes and
 * "Advertisement" labels; the extra passes remove them without losing prose.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { IngestError, type NormalizedArticle, type RelatedLink } from '../article.ts';
import { isCaptionLine, isFurnitureMarker, isInterruption } from '../clean/furniture.ts';
import { detectOutletFromUrl, isOrganisationName } from '../clean/outlets.ts';
import { editorName, editorNames, isSourceCredit, writersInAuthorField } from '../clean/credits.ts';
import { isMetaLine } from './text-lines.ts';
import { trimBodyEnds } from '../clean/trim-body.ts';
import { finishArticle } from './finish-article.ts';
import { readPageMetadata, type MiniDocument } from './html-metadata.ts';
import { extractHtmlBlocks, isCommentSection, isMediaWidget, safeHttpUrl, tidyText } from './html-blocks.ts';
import { limitNesting } from './limit-nesting.ts';

const CLUTTER =
  'script, style, noscript, template, iframe, form, button, nav, footer, aside, figcaption, [role="navigation"], [role="complementary"], [aria-hidden="true"], [hidden]';
const CLUTTER_CLASS =
  /(?:^|[\s_-])(?:related\w*|recommend\w*|\w*caption\w*|(?:pic|photo|img|image)-?(?:info|desc|text|note|credit)s?|credits?|newsletter|subscribe|signup|share|sharing|social|advert\w*|ads?|promo|sponsor\w*|outbrain|taboola|paywall|most-?read|trending|comments?|author-bio|byline|breadcrumbs?|tags?)(?:[\s_-]|$)/i;
const RELATED_CLASS = /(?:^|[\s_-])(?:related\w*|recommend\w*|more-?stories|read-?more|most-?read|trending)(?:[\s_-]|$)/i;
const BOILERPLATE =
  /^(?:advertisement|sponsored( content)?|read more\b|related( coverage| stories| articles)?\s*:|see also\s*:|sign up\b|subscribe\b|follow us\b|share (this|on)\b|click here\b|copyright\b|©|all rights reserved|this story has been updated|listen to this article)/i;

const MAX_DEPTH = 120;
const MAX_ELEMENTS = 30000;

interface DomDocument {
  querySelectorAll(sel: string): ArrayLike<DomEl>;
  body: DomEl | null;
}
interface DomEl {
  children?: ArrayLike<DomEl>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  remove(): void;
  textContent: string | null;
  querySelectorAll(sel: string): ArrayLike<DomEl>;
}

/** Parses an HTML page (fetched or from a file) into a normalized article; `url` helps metadata rules. */
export function parseHtml(html: string, name: string, url?: string): NormalizedArticle {
  if (!html.trim()) throw new IngestError(name, 'empty HTML page');
  // React writes some attributes camel-cased (itemProp, dateTime); the DOM here matches names by case.
  const { document } = parseHTML(limitNesting(html).replace(/\s(itemProp|itemScope|itemType|dateTime|charSet|httpEquiv)(?=[\s=>/])/g, (m) => m.toLowerCase()));
  const doc = document as unknown as DomDocument;
  const meta = readPageMetadata(document as unknown as MiniDocument, url);
  const related = collectRelated(doc, meta.url ?? url);
  // Read before clutter goes: the editor's credit often sits in a box the walker drops.
  // Every <body>'s text: a page with a stray second <body> keeps its content in that one.
  const pageText = Array.from(doc.querySelectorAll('body')).map((b) => b.textContent ?? '').join('\n');
  const editor = editorName(pageText);
  const editors = editorNames(pageText);
  // Credit boxes (class byline/author) hold the writers when the markup names none; read them before they go.
  const boxWriters =
    Array.from(doc.querySelectorAll('[class*="byline"], [class*="author"], [id*="byline"], [id*="author"]'))
      .map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter((t) => t.length >= 2 && t.length <= 60)
      .map((t) => writersInAuthorField(t))
      .find((w) => w && w.length) ?? [];

  // Text a page's script reveals (WeChat's js_content ships with visibility: hidden) is the page's text.
  for (const el of Array.from(doc.querySelectorAll('[style*="visibility"]'))) {
    const style = el.getAttribute('style') ?? '';
    if (/visibility\s*:\s*hidden/i.test(style) && (el.textContent ?? '').length > 100) el.setAttribute('style', style.replace(/visibility\s*:\s*hidden\s*;?/gi, ''));
  }
  for (const el of Array.from(doc.querySelectorAll(CLUTTER))) el.remove();
  removeClutterBoxes(doc);

  // Readability's cost grows much faster than the page on deeply nested or huge DOMs; such
  // pages (often hostile) go straight to our own walker over the de-cluttered body.
  let result: ReturnType<Readability['parse']> = null;
  if (nestingDepth(doc.body, MAX_DEPTH) <= MAX_DEPTH) {
    markShortSentences(doc);
    try {
      result = new Readability(document as never, { charThreshold: 250, maxElemsToParse: MAX_ELEMENTS }).parse();
    } catch {
      result = null;
    }
  }
  const contentHtml = (result?.content ?? (doc.body as unknown as { innerHTML?: string } | null)?.innerHTML ?? '').replaceAll(SENTENCE_MARK, '');
  const title = meta.title ?? (result?.title ? tidyText(result.title) : null);
  if (!title) throw new IngestError(name, 'HTML page has no title (no og:title, headline, <h1> or <title>)');

  const blocks = extractHtmlBlocks(contentHtml, { title, baseUrl: meta.url ?? url ?? null, dropLinkLines: true });
  const paragraphs = trimBodyEnds(blocks.paragraphs).filter((p) => !isBoilerplate(p));
  // Readability's byline is whatever credit box it found: a byline or credits give their writers, a source or editor line none.
  const byline = result?.byline ? tidyText(result.byline).replace(/^by\s+/i, '') : null;
  // A "byline" that is the date line (2024.07.22 16:27 EDT) names nobody.
  // Nor is a site's account (one lower-case word) that Readability read from <meta name=author>.
  const bylineWriters = byline && !isMetaLine(byline) && !/^[a-z0-9_.-]+$/.test(byline) ? (writersInAuthorField(byline) ?? [byline]) : [];
  const authors = meta.authors.length ? meta.authors : bylineWriters.length ? bylineWriters : boxWriters.length ? boxWriters : editor && !isOrganisationName(editor) ? [editor] : [];

  return finishArticle({
    shape: 'html',
    title,
    url: meta.url,
    outlet: meta.outlet ?? detectOutletFromUrl(meta.url) ?? result?.siteName ?? null,
    agency: null,
    authors,
    editors,
    translators: [],
    published_at: meta.published?.iso ?? null,
    published_precision: meta.published?.precision ?? null,
    modified_at: meta.modified?.iso ?? null,
    dateline: null,
    paragraphs,
    tags: meta.tags,
    related: [...related, ...blocks.related.filter((r) => !related.some((x) => x.url === r.url))],
  });
}

// Readability keeps a short paragraph beside the article's container (a lead printed above the
// body's box) only when it holds an English full stop followed by a space; a Chinese lead of under
// 80 characters never does. A marker with that stop is appended to such paragraphs while
// Readability reads the page, and removed from what it returns.
const SENTENCE_MARK = '\uE000. ';
const CJK_SENTENCE = /[\u3400-\u9fff][。！？][」』”）)]?\s*$/;

function markShortSentences(doc: DomDocument): void {
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    const text = (p.textContent ?? '').trim();
    if (text.length > 0 && text.length < 80 && CJK_SENTENCE.test(text) && !p.querySelectorAll('a').length) {
      (p as unknown as { append(s: string): void }).append(SENTENCE_MARK);
    }
  }
}

/** Element nesting depth below `root`, counting stops once `limit` is passed. */
function nestingDepth(root: DomEl | null, limit: number): number {
  let max = 0;
  const stack: [DomEl, number][] = root ? [[root, 1]] : [];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (const child of Array.from(el.children ?? [])) stack.push([child, depth + 1]);
  }
  return max;
}

/** Removes boxes whose class names say clutter, unless one holds much of the page (a wrapper with odd classes). */
function removeClutterBoxes(doc: DomDocument): void {
  const total = doc.body?.textContent?.length || 1;
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (isMediaWidget(label, () => el.textContent ?? '')) {
      el.remove();
      continue;
    }
    if (!CLUTTER_CLASS.test(label)) continue;
    const comments = isCommentSection({ class: el.getAttribute('class') ?? undefined, id: el.getAttribute('id') ?? undefined });
    if (!comments && (el.textContent?.length ?? 0) / total > 0.3) continue;
    el.remove();
  }
}

/** Short promotional or navigational lines that survive extraction ("Advertisement", "Read more: …"). */
function isBoilerplate(p: string): boolean {
  if (p.length > 160) return false;
  return BOILERPLATE.test(p) || isFurnitureMarker(p) || isInterruption(p) || isCaptionLine(p) || isSourceCredit(p);
}

/** Links inside related/recommended boxes, kept as related before the boxes are removed. */
function collectRelated(doc: { querySelectorAll(sel: string): ArrayLike<DomEl> }, base?: string | null): RelatedLink[] {
  const out: RelatedLink[] = [];
  for (const box of Array.from(doc.querySelectorAll('[class], [id]'))) {
    const label = `${box.getAttribute('class') ?? ''} ${box.getAttribute('id') ?? ''}`;
    if (!RELATED_CLASS.test(label)) continue;
    for (const a of Array.from(box.querySelectorAll('a[href]'))) {
      const title = tidyText(a.textContent ?? '');
      const href = safeHttpUrl(a.getAttribute('href'), base ?? undefined);
      if (title.length >= 4 && href && !out.some((r) => r.url === href)) out.push({ title, url: href, time: null });
    }
  }
  return out;
}
