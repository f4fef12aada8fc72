/**
 * Bytes → text for every document shape: UTF-8 (BOM stripped), UTF-16 with a BOM, the charset
 * an HTML/XML document declares, or else the legacy encoding chardet ranks first among those
 * whose decoded text is plausible for that encoding (Big5, GBK/GB18030, Shift_JIS, EUC-JP,
 * EUC-KR, windows-1252/Latin-1, KOI8-R, windows-1251 …). Text holding U+FFFD is never returned:
 * rejections throw IngestError with a one-line reason.
 */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { IngestError } from '../article.ts';

type Family = 'cjk' | 'latin' | 'cyrillic' | 'greek' | 'other';

/** chardet's names → the iconv-lite codec and the kind of text the encoding is for. */
const LEGACY: Record<string, { codec: string; family: Family }> = {
  Big5: { codec: 'big5', family: 'cjk' },
  GB18030: { codec: 'gb18030', family: 'cjk' },
  GBK: { codec: 'gbk', family: 'cjk' },
  GB2312: { codec: 'gbk', family: 'cjk' },
  Shift_JIS: { codec: 'shift_jis', family: 'cjk' },
  'EUC-JP': { codec: 'euc-jp', family: 'cjk' },
  'EUC-KR': { codec: 'euc-kr', family: 'cjk' },
  'ISO-2022-JP': { codec: 'iso-2022-jp', family: 'cjk' },
  'ISO-8859-1': { codec: 'windows-1252', family: 'latin' },
  'windows-1252': { codec: 'windows-1252', family: 'latin' },
  'ISO-8859-2': { codec: 'iso-8859-2', family: 'latin' },
  'windows-1250': { codec: 'windows-1250', family: 'latin' },
  'ISO-8859-9': { codec: 'windows-1254', family: 'latin' },
  'KOI8-R': { codec: 'koi8-r', family: 'cyrillic' },
  'windows-1251': { codec: 'windows-1251', family: 'cyrillic' },
  'ISO-8859-5': { codec: 'iso-8859-5', family: 'cyrillic' },
  'ISO-8859-7': { codec: 'iso-8859-7', family: 'greek' },
};

const MIN_CONFIDENCE = 10;

/** Decodes a document's bytes to a string; rejects empty, binary, damaged and undecodable input with its reason. */
export function decodeBytes(bytes: Buffer, name: string): string {
  if (bytes.length === 0) throw new IngestError(name, 'empty file');
  let text: string;
  const utf16 = bomEncoding(bytes);
  if (utf16) {
    text = iconv.decode(bytes, utf16);
    if (text.includes('\ufffd')) throw new IngestError(name, `invalid ${utf16} (odd byte count or broken surrogates)`);
  } else {
    if (looksBinary(bytes)) throw new IngestError(name, 'binary file (NUL or control bytes), not a text document');
    text = isUtf8(bytes) ? bytes.toString('utf8') : decodeLegacy(bytes, name);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\ufffd')) {
    const n = text.split('\ufffd').length - 1;
    throw new IngestError(name, `text holds ${n} U+FFFD replacement character${n > 1 ? 's' : ''}: it was damaged before it reached us`);
  }
  if (text.trim() === '') throw new IngestError(name, 'only whitespace, no text');
  return text.replace(/\r\n?/g, '\n');
}

function bomEncoding(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** NUL bytes, or more than 10% control characters other than tab/newline/CR/FF/ESC in the first 8 KB. */
function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control / n > 0.1;
}

/**
 * The charset the document declares (<meta charset>, http-equiv Content-Type, <?xml encoding>),
 * read from its first 4 KB as ASCII; null when none or unknown to iconv.
 */
function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)/i.exec(head);
  if (!m) return null;
  const label = m[1].toLowerCase();
  if (/^(?:utf-?8|unicode|utf-?16)/.test(label)) return null; // a false claim: the bytes are not UTF-8
  const codec = label === 'gb2312' || label === 'x-gbk' ? 'gbk' : label === 'big5-hkscs' ? 'big5' : label === 'iso-8859-1' || label === 'latin1' ? 'windows-1252' : label;
  return iconv.encodingExists(codec) ? codec : null;
}

/** The declared charset when its decoding is clean, else chardet's best plausible candidate. */
function decodeLegacy(bytes: Buffer, name: string): string {
  const declared = declaredCharset(bytes);
  if (declared) {
    const text = iconv.decode(bytes, declared);
    if (!text.includes('\ufffd') && !/[\u0080-\u009f]/.test(text)) return text;
  }
  const candidates = chardet.analyse(bytes).filter((c) => c.confidence >= MIN_CONFIDENCE && LEGACY[c.name]);
  const tried: string[] = [];
  for (const c of candidates) {
    const { codec, family } = LEGACY[c.name];
    if (tried.includes(codec)) continue;
    tried.push(codec);
    const text = iconv.decode(bytes, codec);
    if (plausible(text, family)) return text;
  }
  const reason = tried.length
    ? `not UTF-8, and no detected encoding (${tried.join(', ')}) decodes it cleanly`
    : 'not UTF-8 and encoding could not be detected reliably';
  throw new IngestError(name, reason);
}

/** Decoded text fits its encoding's family: no U+FFFD or C1 controls, and non-ASCII characters of the expected scripts. */
function plausible(text: string, family: Family): boolean {
  if (text.includes('\ufffd') || /[\u0080-\u009f]/.test(text)) return false;
  let expected = 0;
  let other = 0;
  let ascii = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 128) ascii++;
    else if (isExpected(c, family)) expected++;
    else other++;
  }
  if (expected === 0) return false;
  // Latin-script text is mostly ASCII: CJK bytes read as windows-1252 are not.
  if (family === 'latin' && (expected + other) / (ascii + expected + other) > 0.3) return false;
  return other / (expected + other) <= (family === 'cjk' ? 0.05 : 0.1);
}

function isExpected(c: number, family: Family): boolean {
  const punct = (c >= 0x2000 && c <= 0x206f) || c === 0xa0 || c === 0xab || c === 0xbb || c === 0xb7 || c === 0x20ac;
  switch (family) {
    case 'cjk':
      return (
        (c >= 0x3000 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) ||
        (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x20000 && c <= 0x2ffff) || punct ||
        c === 0xb0 || c === 0xd7 || c === 0xf7 || (c >= 0x2100 && c <= 0x26ff)
      );
    case 'latin':
      return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || punct;
    case 'cyrillic':
      return (c >= 0x400 && c <= 0x4ff) || punct;
    case 'greek':
      return (c >= 0x370 && c <= 0x3ff) || punct;
    default:
      return false;
  }
}
