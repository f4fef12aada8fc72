/**
 * Bytes → text for every document shape: UTF-8 (BOM stripped), or Big5/GBK when
 * chardet is confident and the decoded text looks like Chinese prose.
 * Rejections throw IngestError with a one-line reason.
 */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { IngestError } from '../article.ts';

const CJK_ENCODINGS: Record<string, string> = { Big5: 'big5', GB18030: 'gb18030', GBK: 'gbk', GB2312: 'gbk' };

/** Decodes a document's bytes to a string; rejects empty, binary and undetectable non-UTF-8 input. */
export function decodeBytes(bytes: Buffer, name: string): string {
  if (bytes.length === 0) throw new IngestError(name, 'empty file');
  if (looksBinary(bytes)) throw new IngestError(name, 'binary file (NUL or control bytes), not a text document');
  let text: string;
  if (isValidUtf8(bytes)) {
    text = bytes.toString('utf8');
  } else {
    text = decodeLegacyChinese(bytes, name);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new IngestError(name, 'only whitespace, no text');
  return text.replace(/\r\n?/g, '\n');
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

function isValidUtf8(bytes: Buffer): boolean {
  return isUtf8(bytes);
}

/** Big5 or GBK/GB18030 when chardet is sure and the result is mostly CJK/ASCII without replacement characters. */
function decodeLegacyChinese(bytes: Buffer, name: string): string {
  const reject = () => new IngestError(name, 'not UTF-8 and encoding could not be detected reliably');
  const best = chardet.analyse(bytes)[0];
  if (!best || best.confidence < 50) throw reject();
  const encoding = CJK_ENCODINGS[best.name];
  if (!encoding) throw reject();
  const text = iconv.decode(bytes, encoding);
  if (text.includes('\ufffd')) throw reject();
  let cjk = 0;
  let ascii = 0;
  let other = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 128) ascii++;
    else if ((c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x20000 && c <= 0x2ffff)) cjk++;
    else other++;
  }
  if (cjk === 0 || other / (cjk + ascii + other) > 0.05) throw reject();
  return text;
}
