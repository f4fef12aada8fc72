/**
 * JSON Feed 1.0 and 1.1 (jsonfeed.org) to the same Feed shape as RSS and Atom, validated with zod:
 * a field of the wrong type is dropped rather than trusted, and a document that is not a JSON
 * Feed at all is a FeedError with a one-line reason. Plain-text content is escaped into paragraphs.
 */
import { z } from 'zod';
import { FeedError, type Feed, type FeedItem } from './feed-types.ts';
import { parseFeedDate } from './parse-feed.ts';

// Lenient leaves: a wrong type becomes undefined instead of failing the whole feed.
const str = z.string().optional().catch(undefined);
const author = z.object({ name: str }).passthrough().optional().catch(undefined);
const item = z
  .object({
    id: z.union([z.string(), z.number()]).optional().catch(undefined),
    url: str,
    external_url: str,
    title: str,
    content_html: str,
    content_text: str,
    summary: str,
    date_published: str,
    date_modified: str,
    author,
    authors: z.array(author).optional().catch(undefined),
    tags: z.array(z.string()).optional().catch(undefined),
  })
  .passthrough();
const feed = z.object({
  version: z.string().regex(/^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?$/, 'not a JSON Feed version URL'),
  title: str,
  home_page_url: str,
  language: str,
  items: z.array(z.unknown()),
});

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Plain text to HTML paragraphs (blank lines separate paragraphs). */
function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

const nonEmpty = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** Parses a JSON Feed document; throws FeedError with a one-line reason when it is not one. */
export function parseJsonFeed(json: string): Feed {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\ufeff/, ''));
  } catch (err) {
    throw new FeedError(`broken JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = feed.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FeedError(`not a JSON Feed: ${issue.path.join('.') || 'document'}: ${issue.message}`);
  }
  const items: FeedItem[] = [];
  for (const raw of parsed.data.items) {
    const it = item.safeParse(raw);
    if (!it.success) continue; // not an object: nothing to take from it
    const i = it.data;
    const authors = [...(i.authors ?? []), i.author].map((a) => nonEmpty(a?.name)).filter((n): n is string => n !== null);
    items.push({
      guid: i.id === undefined ? null : nonEmpty(String(i.id)),
      link: nonEmpty(i.url) ?? nonEmpty(i.external_url),
      title: nonEmpty(i.title),
      published: parseFeedDate(nonEmpty(i.date_published)),
      updated: parseFeedDate(nonEmpty(i.date_modified)),
      contentHtml: nonEmpty(i.content_html) ?? (nonEmpty(i.content_text) ? textToHtml(i.content_text!) : null),
      summaryHtml: nonEmpty(i.summary) ? textToHtml(i.summary!) : null,
      authors: [...new Set(authors)],
      categories: i.tags ?? [],
    });
  }
  return { format: 'json', title: nonEmpty(parsed.data.title), link: nonEmpty(parsed.data.home_page_url), language: nonEmpty(parsed.data.language), items };
}
