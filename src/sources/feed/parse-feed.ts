/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom to one Feed shape, with fast-xml-parser. DOCTYPEs declaring
 * entities are refused outright (no feed needs them; they are how expansion bombs start), and
 * the parser's own entity limits stay on as a second line.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DateTime } from 'luxon';
import { FeedError, type Feed, type FeedItem } from './feed-types.ts';
import { rawToHtml, htmlToPlain } from './feed-text.ts';

const RAW = ['description', 'content:encoded', 'content', 'summary', 'title', 'subtitle', 'media:description'];
const ARRAYS = new Set(['item', 'entry', 'link', 'category', 'author', 'dc:creator', 'dc:subject']);

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
  stopNodes: RAW.flatMap((t) => [`*.item.${t}`, `*.entry.${t}`, `*.channel.${t}`, `feed.${t}`]),
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

/** Raw stop-node text → HTML string, honouring Atom's type="text|html|xhtml". */
function htmlOf(v: unknown): string | null {
  const raw = textOf(v);
  if (raw == null) return null;
  const type = typeof v === 'object' && v ? String((v as Node)['@_type'] ?? '') : '';
  const html = rawToHtml(raw, type);
  return html.trim() === '' ? null : html;
}

function plainOf(v: unknown): string | null {
  const h = htmlOf(v);
  if (h == null) return null;
  const t = htmlToPlain(h);
  return t === '' ? null : t;
}

/** RFC 822 (RSS) or ISO 8601 (Atom, dc:date) to ISO with the stated offset; null when unreadable. */
export function parseFeedDate(s: string | null): string | null {
  if (!s) return null;
  const v = s.trim().replace(/\s+/g, ' ');
  let d = DateTime.fromRFC2822(v, { setZone: true });
  if (!d.isValid) d = DateTime.fromISO(v, { setZone: true });
  if (!d.isValid) d = DateTime.fromHTTP(v, { setZone: true });
  if (!d.isValid) {
    const t = Date.parse(v.replace(/\b(UT|Z)$/, 'GMT'));
    if (Number.isNaN(t)) return null;
    d = DateTime.fromMillis(t, { zone: 'utc' });
  }
  return d.toISO({ suppressMilliseconds: true });
}

function atomLink(links: unknown): string | null {
  const list = asArray(links as Node | Node[]);
  const alt = list.find((l) => typeof l === 'object' && (!l['@_rel'] || l['@_rel'] === 'alternate')) ?? list[0];
  if (!alt) return null;
  if (typeof alt === 'string') return alt;
  return (alt['@_href'] as string | undefined) ?? textOf(alt);
}

function rssItem(it: Node): FeedItem {
  const guidNode = it.guid;
  const guid = textOf(guidNode)?.trim() || null;
  const isPermaLink = typeof guidNode === 'object' && guidNode ? (guidNode as Node)['@_isPermaLink'] !== 'false' : guid != null;
  let link = textOf(asArray(it.link as unknown[])[0])?.trim() || null;
  if (!link && guid && isPermaLink && /^https?:\/\//i.test(guid)) link = guid;
  const authors = [...asArray(it['dc:creator'] as unknown[]), ...asArray(it.author as unknown[])].map(textOf).filter((a): a is string => !!a && a.trim() !== '').map((a) => a.trim());
  return {
    guid,
    link,
    title: plainOf(it.title),
    published: parseFeedDate(textOf(it.pubDate) ?? textOf(it['dc:date'])),
    updated: parseFeedDate(textOf(it['atom:updated'])),
    contentHtml: htmlOf(it['content:encoded']),
    summaryHtml: htmlOf(it.description),
    authors,
    categories: [...asArray(it.category as unknown[]), ...asArray(it['dc:subject'] as unknown[])].map(textOf).filter((c): c is string => !!c).map((c) => c.trim()),
  };
}

function atomEntry(e: Node): FeedItem {
  return {
    guid: textOf(e.id)?.trim() || null,
    link: atomLink(e.link),
    title: plainOf(e.title),
    published: parseFeedDate(textOf(e.published) ?? textOf(e.issued) ?? textOf(e.updated)),
    updated: parseFeedDate(textOf(e.updated)),
    contentHtml: htmlOf(e.content),
    summaryHtml: htmlOf(e.summary),
    authors: asArray(e.author as Node[]).map((a) => textOf(a?.name) ?? textOf(a)).filter((a): a is string => !!a).map((a) => a.trim()),
    categories: asArray(e.category as Node[]).map((c) => (c?.['@_label'] as string) ?? (c?.['@_term'] as string)).filter((c): c is string => !!c),
  };
}

/** Parses feed XML; throws FeedError with a one-line reason when it is not a well-formed RSS/Atom feed. */
export function parseFeed(xml: string): Feed {
  const head = xml.slice(0, 4096);
  if (/<!DOCTYPE[^>]*\[/i.test(head) || /<!ENTITY/i.test(xml)) throw new FeedError('refused: the document declares XML entities (DOCTYPE with an internal subset)');
  if (!/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)\b/i.test(xml.replace(/^\ufeff/, ''))) {
    if (/^\s*(<!doctype html|<html)/i.test(xml)) throw new FeedError('not an RSS/Atom feed: got an HTML page');
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
    const ch = ((doc.rss as Node).channel ?? {}) as Node;
    return { format: 'rss', title: plainOf(ch.title), link: textOf(asArray(ch.link as unknown[]).find((l) => typeof l === 'string')) ?? null, language: textOf(ch.language), items: asArray(ch.item as Node[]).map(rssItem) };
  }
  if (doc['rdf:RDF']) {
    const rdf = doc['rdf:RDF'] as Node;
    const ch = (rdf.channel ?? {}) as Node;
    return { format: 'rdf', title: plainOf(ch.title), link: textOf(asArray(ch.link as unknown[])[0]), language: textOf(ch['dc:language']), items: asArray(rdf.item as Node[]).map(rssItem) };
  }
  if (doc.feed) {
    const f = doc.feed as Node;
    return { format: 'atom', title: plainOf(f.title), link: atomLink(f.link), language: (f['@_xml:lang'] as string) ?? null, items: asArray(f.entry as Node[]).map(atomEntry) };
  }
  throw new FeedError('not an RSS/Atom feed: unknown root element');
}
