/**
 * Bytes of a fetched document to text: BOM, then the Content-Type charset, then the XML
 * declaration or HTML meta charset, else UTF-8. iconv-lite covers Big5/GBK sites.
 */
import iconv from 'iconv-lite';

function sniffDeclared(head: string): string | null {
  const xml = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i);
  if (xml) return xml[1];
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i);
  return meta ? meta[1] : null;
}

/** Decodes `body` using the best charset evidence available. */
export function decodeBody(body: Buffer, contentType?: string | null): string {
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return body.subarray(3).toString('utf8');
  if (body.length >= 2 && body[0] === 0xff && body[1] === 0xfe) return iconv.decode(body.subarray(2), 'utf16le');
  if (body.length >= 2 && body[0] === 0xfe && body[1] === 0xff) return iconv.decode(body.subarray(2), 'utf16be');
  const fromHeader = contentType?.match(/charset\s*=\s*"?([\w.:-]+)/i)?.[1];
  const charset = fromHeader ?? sniffDeclared(body.subarray(0, 2048).toString('latin1'));
  if (charset && !/^utf-?8$/i.test(charset) && iconv.encodingExists(charset)) return iconv.decode(body, charset);
  return body.toString('utf8');
}
