/**
 * Text inside feed elements, kept raw by the XML parser (so CDATA and escaped HTML are told
 * apart) and turned into HTML or plain text here.
 */
import * as cheerio from 'cheerio';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric references, once. */
export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return XML_ENTITIES[e.toLowerCase()] ?? m;
  });
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Raw element content → HTML. CDATA sections are taken verbatim; outside them XML entities are
 * decoded once (escaped HTML becomes markup). Atom type="text" is escaped back to plain text;
 * type="xhtml" content already is markup.
 */
export function rawToHtml(raw: string, type = ''): string {
  if (type === 'xhtml') return raw;
  let out = '';
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
  let last = 0;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    out += decodeXmlEntities(raw.slice(last, m.index)) + m[1];
    last = m.index + m[0].length;
  }
  out += decodeXmlEntities(raw.slice(last));
  return type === 'text' ? escapeHtml(out) : out;
}

/** Visible text of an HTML fragment, whitespace collapsed. */
export function htmlToPlain(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  return cheerio.load(`<body>${html}</body>`)('body').text().replace(/\s+/g, ' ').trim();
}
