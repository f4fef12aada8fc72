/**
 * Bytes of a fetched document to text. Evidence in order: a BOM; then the charsets the HTTP
 * header and the document (XML declaration, HTML meta) declare, each checked against the bytes;
 * then valid UTF-8; then statistical detection (chardet) on the text between the tags. When
 * nothing decodes cleanly the document is refused with the reason: U+FFFD is never passed on
 * silently. iconv-lite does the legacy charsets (Big5, GB18030, Shift_JIS, EUC-JP/KR, KOI8-R…).
 */
import iconv from 'iconv-lite';
import chardet from 'chardet';

/** A document whose text encoding cannot be told; `reason` is one line. */
export class DecodeError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DecodeError';
  }
}

function sniffDeclared(head: string): string | null {
  const xml = head.match(/^[\s\ufeff]*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i);
  if (xml) return xml[1];
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i);
  return meta ? meta[1] : null;
}

const isUtf8Name = (c: string) => /^utf-?8$/i.test(c);
/** Charsets in which any byte sequence is valid, so decoding them proves nothing about the bytes. */
const isSingleByte = (c: string) => /^(iso-?8859|latin|windows-12|cp12|koi8|us-ascii|ascii|macintosh|x-mac|cp8|ibm8)/i.test(c);

/** Browsers read these labels as their supersets; so do we. */
function normalizeCharset(c: string): string {
  const l = c.toLowerCase();
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'latin-1' || l === 'us-ascii' || l === 'ascii') return 'windows-1252';
  if (l === 'gb2312' || l === 'gbk' || l === 'x-gbk') return 'gb18030';
  if (l === 'big5' || l === 'x-x-big5') return 'big5hkscs';
  if (l === 'shift_jis' || l === 'sjis' || l === 'x-sjis') return 'cp932';
  if (l === 'euc-kr' || l === 'ks_c_5601-1987') return 'cp949';
  return c;
}

function validUtf8(body: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

/** Decodes with `charset` when the result has no replacement character (single-byte charsets always pass). */
function tryDecode(body: Buffer, charset: string): string | null {
  const cs = normalizeCharset(charset);
  if (!iconv.encodingExists(cs)) return null;
  const text = iconv.decode(body, cs);
  if (isSingleByte(cs)) return text;
  return text.includes('\ufffd') ? null : text;
}

/** The bytes outside tags (as latin1 round-trip), so markup does not dilute the statistics. */
function textBytes(body: Buffer): Buffer {
  const s = body.subarray(0, 256 * 1024).toString('latin1').replace(/<[^>]*>/g, ' ');
  return Buffer.from(s, 'latin1');
}

/**
 * Decodes `body` using the best charset evidence available; throws DecodeError when no charset
 * decodes it cleanly (a multibyte charset that leaves broken sequences, nothing detected).
 */
export function decodeBody(body: Buffer, contentType?: string | null): string {
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return body.subarray(3).toString('utf8');
  if (body.length >= 2 && body[0] === 0xff && body[1] === 0xfe) return iconv.decode(body.subarray(2), 'utf16le');
  if (body.length >= 2 && body[0] === 0xfe && body[1] === 0xff) return iconv.decode(body.subarray(2), 'utf16be');
  const fromHeader = contentType?.match(/charset\s*=\s*"?([\w.:-]+)/i)?.[1] ?? null;
  const declared = sniffDeclared(body.subarray(0, 2048).toString('latin1'));
  const utf8 = validUtf8(body);
  // Valid UTF-8 with non-ASCII bytes is near-certain evidence; a "charset=iso-8859-1" default of a server is not.
  if (utf8) return body.toString('utf8');
  // Declared multibyte charsets can be checked against the bytes, so they go first.
  const declaredAll = [declared, fromHeader].filter((c): c is string => !!c && !isUtf8Name(c));
  for (const cs of declaredAll.filter((c) => !isSingleByte(normalizeCharset(c)))) {
    const text = tryDecode(body, cs);
    if (text != null) return text;
  }
  const detected = chardet
    .analyse(textBytes(body))
    .filter((c) => c.confidence >= 10 && !isUtf8Name(c.name) && !/^utf-?(16|32)/i.test(c.name) && iconv.encodingExists(normalizeCharset(c.name)));
  // A declared single-byte charset decodes anything: the detector arbitrates when the header and
  // the document disagree, else the document's own declaration wins (a header is often a server default).
  const single = declaredAll.filter((c) => isSingleByte(normalizeCharset(c)));
  if (single.length) {
    const agreed = single.find((c) => detected.some((d) => normalizeCharset(d.name).toLowerCase() === normalizeCharset(c).toLowerCase()));
    return tryDecode(body, agreed ?? single[0])!;
  }
  for (const c of detected) {
    const text = tryDecode(body, c.name);
    if (text != null) return text;
  }
  const said = [fromHeader && `header says ${fromHeader}`, declared && `document says ${declared}`].filter(Boolean).join(', ');
  throw new DecodeError(`cannot tell the text encoding: not valid UTF-8${said ? ` (${said})` : ''} and no charset decodes it cleanly`);
}
