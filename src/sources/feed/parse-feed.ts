/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom to one Feed shape, with fast-xml-parser. DOCTYPEs declaring
 * entities are refused outright (no feed needs them; they are how expansion bombs start), and
 * the parser's own entity limits stay on as a second line.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FeedError, type Feed, type FeedItem } from './feed-types.ts';
import { rawToHtml, htmlToPlain } from './feed-text.ts';
import { parseFeedDate } from './feed-date.ts';

export { parseFeedDate };

const RAW = ['description', 'content:encoded', 'content', 'summary', 'title', 'subtitle', 'media:description'];
const ARRAYS = new Set(['item', 'rss:item', 'entry', 'link', 'category', 'author', 'dc:creator', 'dc:subject']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // DOCTYPE entities are refused before parsing; these limits only bound the five built-in ones.
  processEntities: { enabled: true, maxEntityCount: 0, maxTotalExpansions: 1_000_000, maxExpandedLength: 10_000_000 },
  htmlEntities: false,
  stopNodes: RAW.flatMap((t) => [`*.item.${t}`, `*.entry.${t}`, `*.channel.${t}`, `feed.${t}`, `*.rss:item.rss:${t}`, `*.rss:channel.rss:${t}`]),
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;
const asArray = <T>(v: T | T[] | undefined | null): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

function textOf(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') {
    const t = (v as Node)['#text'];
    if (t != null) return String(t);
  }
  return null;
}

/** Atom 0.3 / Atom 1.0 type values to the three kinds rawToHtml knows. */
function kindOf(type: string, mode: string): string {
  const t = type.toLowerCase();
  if (mode === 'xml' || t === 'xhtml' || t === 'application/xhtml+xml') return 'xhtml';
  if (t === 'text' || t === 'text/plain') return 'text';
  return t === 'html' || t === 'text/html' ? 'html' : t;
}

/** Raw stop-node text → HTML string, honouring Atom's type="text|html|xhtml" and Atom 0.3's mode="base64|escaped|xml". */
function htmlOf(v: unknown): string | null {
  let raw = textOf(v);
  if (raw == null) return null;
  const attrs = typeof v === 'object' && v ? (v as Node) : {};
  const mode = String(attrs['@_mode'] ?? '').toLowerCase();
  if (mode === 'base64') {
    const bytes = Buffer.from(raw.replace(/<!\[CDATA\[|\]\]>|\s+/g, ''), 'base64');
    raw = bytes.toString('utf8').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }
  const html = rawToHtml(raw, kindOf(String(attrs['@_type'] ?? ''), mode));
  return html.trim() === '' ? null : html;
}

function plainOf(v: unknown): string | null {
  const h = htmlOf(v);
  if (h == null) return null;
  const t = htmlToPlain(h);
  return t === '' ? null : t;
}

/** `ref` resolved against `base` (xml:base chain, then the document URL); unresolvable refs are kept as given. */
function resolveRef(ref: string | null, base: string | null): string | null {
  if (!ref) return ref;
  try {
    return new URL(ref.trim(), base ?? undefined).href;
  } catch {
    return ref.trim();
  }
}

/** The base URL in effect inside `node`: its xml:base resolved against the enclosing one. */
function baseOf(node: unknown, outer: string | null): string | null {
  const b = typeof node === 'object' && node ? (node as Node)['@_xml:base'] : undefined;
  return typeof b === 'string' && b.trim() ? resolveRef(b, outer) : outer;
}

function atomLink(links: unknown, base: string | null): string | null {
  const list = asArray(links as Node | Node[]);
  const alt = list.find((l) => typeof l === 'object' && (!l['@_rel'] || l['@_rel'] === 'alternate')) ?? list[0];
  if (!alt) return null;
  if (typeof alt === 'string') return resolveRef(alt, base);
  return resolveRef((alt['@_href'] as string | undefined) ?? textOf(alt), baseOf(alt, base));
}

const firstDate = (...vals: unknown[]): string | null => {
  for (const v of vals) {
    const d = parseFeedDate(textOf(asArray(v as unknown[])[0]));
    if (d) return d;
  }
  return null;
};

function rssItem(it: Node, outer: string | null): FeedItem {
  const base = baseOf(it, outer);
  const guidNode = it.guid;
  const guid = textOf(guidNode)?.trim() || null;
  const isPermaLink = typeof guidNode === 'object' && guidNode ? (guidNode as Node)['@_isPermaLink'] !== 'false' : guid != null;
  const linkNode = asArray(it.link as unknown[])[0];
  let link = resolveRef(textOf(linkNode)?.trim() || null, baseOf(linkNode, base));
  if (!link && guid && isPermaLink && /^https?:\/\//i.test(guid)) link = guid;
  if (!link && typeof it['@_rdf:about'] === 'string' && /^https?:\/\//i.test(it['@_rdf:about'])) link = it['@_rdf:about'];
  const authors = [...asArray(it['dc:creator'] as unknown[]), ...asArray(it.author as unknown[])].map(textOf).filter((a): a is string => !!a && a.trim() !== '').map((a) => a.trim());
  return {
    guid,
    link,
    title: plainOf(it.title),
    published: firstDate(it.pubDate, it['dc:date'], it['dcterms:issued'], it['dcterms:created'], it['dcterms:modified']),
    updated: firstDate(it['atom:updated'], it['dcterms:modified']),
    contentHtml: htmlOf(it['content:encoded']),
    summaryHtml: htmlOf(it.description),
    authors,
    categories: [...asArray(it.category as unknown[]), ...asArray(it['dc:subject'] as unknown[])].map(textOf).filter((c): c is string => !!c).map((c) => c.trim()),
  };
}

function atomEntry(e: Node, outer: string | null): FeedItem {
  const base = baseOf(e, outer);
  return {
    guid: textOf(e.id)?.trim() || null,
    link: atomLink(e.link, base),
    title: plainOf(e.title),
    // Atom 1.0 published/updated; Atom 0.3 issued/created/modified.
    published: firstDate(e.published, e.issued, e.created, e.updated, e.modified),
    updated: firstDate(e.updated, e.modified),
    contentHtml: htmlOf(e.content),
    summaryHtml: htmlOf(e.summary),
    authors: asArray(e.author as Node[]).map((a) => textOf(a?.name) ?? textOf(a)).filter((a): a is string => !!a).map((a) => a.trim()),
    categories: asArray(e.category as Node[]).map((c) => (c?.['@_label'] as string) ?? (c?.['@_term'] as string)).filter((c): c is string => !!c),
  };
}

/** Keys of RSS 1.0 written with an explicit `rss:` prefix (xmlns:rss="http://purl.org/rss/1.0/") read as unprefixed. */
function unprefixRss(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(unprefixRss);
  if (typeof node !== 'object' || node === null) return node;
  const out: Node = {};
  for (const [k, v] of Object.entries(node as Node)) out[k.startsWith('rss:') ? k.slice(4) : k] = unprefixRss(v);
  return out;
}

/** What may precede the root element: an XML declaration, processing instructions (xml-stylesheet), comments, a DOCTYPE without an internal subset. */
const PROLOG = /^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*>\s*)*/i;

/** The document without a BOM and the whitespace some servers put before `<?xml`. */
export function trimFeedStart(text: string): string {
  return text.replace(/^[\ufeff\s]+/, '');
}

/** True when `text` starts (after the prolog) with an RSS, RDF or Atom root element. */
export function hasFeedRoot(text: string): boolean {
  const t = trimFeedStart(text);
  const prolog = t.slice(0, 65536).match(PROLOG)?.[0] ?? '';
  return /^<(rss|feed|rdf:RDF)\b/i.test(t.slice(prolog.length));
}

/**
 * Parses feed XML; throws FeedError with a one-line reason when it is not a well-formed RSS/Atom
 * feed. `docUrl` (where it was fetched) is the base for relative links, under any xml:base.
 */
export function parseFeed(text: string, docUrl: string | null = null): Feed {
  const xml = trimFeedStart(text);
  const head = xml.slice(0, 4096);
  if (/<!DOCTYPE[^>]*\[/i.test(head) || /<!ENTITY/i.test(xml)) throw new FeedError('refused: the document declares XML entities (DOCTYPE with an internal subset)');
  if (!hasFeedRoot(xml)) {
    if (/^(<!--[\s\S]*?-->\s*)*(<!doctype html|<html)/i.test(xml)) throw new FeedError('not an RSS/Atom feed: got an HTML page');
    throw new FeedError('not an RSS/Atom feed: no <rss>, <feed> or <rdf:RDF> root element');
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new FeedError(`broken XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg.replace(/\s+/g, ' ').replace(/\.$/, '')}`);
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (err) {
    throw new FeedError(`unreadable XML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (doc.rss) {
    const rss = doc.rss as Node;
    const ch = (rss.channel ?? {}) as Node;
    const base = baseOf(ch, baseOf(rss, docUrl));
    const link = textOf(asArray(ch.link as unknown[]).find((l) => typeof l === 'string' || (typeof l === 'object' && l && '#text' in (l as Node))));
    return { format: 'rss', title: plainOf(ch.title), link: resolveRef(link, base), language: textOf(ch.language), items: asArray(ch.item as Node[]).map((it) => rssItem(it, base)) };
  }
  if (doc['rdf:RDF']) {
    const rdf = unprefixRss(doc['rdf:RDF']) as Node;
    const ch = (rdf.channel ?? {}) as Node;
    const base = baseOf(ch, baseOf(rdf, docUrl));
    return { format: 'rdf', title: plainOf(ch.title), link: resolveRef(textOf(asArray(ch.link as unknown[])[0]), base), language: textOf(ch['dc:language']), items: asArray(rdf.item as Node[]).map((it) => rssItem(it, baseOf(rdf, docUrl))) };
  }
  if (doc.feed) {
    const f = doc.feed as Node;
    const base = baseOf(f, docUrl);
    return { format: 'atom', title: plainOf(f.title), link: atomLink(f.link, base), language: (f['@_xml:lang'] as string) ?? null, items: asArray(f.entry as Node[]).map((e) => atomEntry(e, base)) };
  }
  throw new FeedError('not an RSS/Atom feed: unknown root element');
}
