// Bad input: every rejection is an IngestError naming the file with a one-line reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { IngestError } from '../../../src/core/article.ts';
import { decodeBytes } from '../../../src/core/ingest/decode-bytes.ts';
import { parseDocument } from '../../../src/core/ingest/parse-document.ts';

function rejects(bytes: Buffer, name: string, reason: RegExp): void {
  assert.throws(
    () => parseDocument(bytes, name),
    (e: unknown) => e instanceof IngestError && e.file === name && reason.test(e.reason) && !e.reason.includes('\n'),
  );
}

const TRAD = '烏克蘭總統澤倫斯基今天表示，與華府會晤後，比較一、兩週前局勢已有所改善，目前與多國就安全保障細節密切協商，討論各國可在海陸空、情報與資金等層面提供哪些具體協助。';
const SIMP = '乌克兰总统泽连斯基今天表示，与华府会晤后，比较一、两周前局势已有所改善，目前与多国就安全保障细节密切协商，讨论各国可在海陆空、情报与资金等层面提供哪些具体协助。';

test('empty and whitespace-only files are rejected', () => {
  rejects(Buffer.alloc(0), 'empty.txt', /^empty file$/);
  rejects(Buffer.from(' \n\t\u3000\n'), 'blank.txt', /whitespace/);
  rejects(Buffer.from('\ufeff  \n'), 'bom-blank.txt', /whitespace/);
});

test('binary files (NUL bytes or many control bytes) are rejected', () => {
  rejects(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), 'image.txt', /binary/);
  const controls = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
  rejects(controls, 'controls.txt', /binary/);
});

test('UTF-8 with a BOM and CRLF line ends decodes cleanly', () => {
  const text = decodeBytes(Buffer.from(`\ufeff標題\r\n\r\n${TRAD}\r\n`), 'bom.txt');
  assert.equal(text, `標題\n\n${TRAD}\n`);
});

test('Big5 text is detected, decoded and parsed', () => {
  const doc = `美烏會談達成共識\n\n2025-08-23\n\n${TRAD}\n\n${TRAD}\n`;
  const bytes = iconv.encode(doc, 'big5');
  assert.equal(decodeBytes(bytes, 'big5.txt'), doc);
  const a = parseDocument(bytes, 'big5.txt');
  assert.equal(a.title, '美烏會談達成共識');
  assert.equal(a.published_at, '2025-08-23');
  assert.deepEqual(a.languages, ['zh-Hant']);
});

test('GBK text is detected, decoded and labelled Simplified', () => {
  const doc = `美乌会谈达成共识\n\n${SIMP}\n\n${SIMP}\n`;
  const bytes = iconv.encode(doc, 'gbk');
  assert.equal(decodeBytes(bytes, 'gbk.txt'), doc);
  assert.deepEqual(parseDocument(bytes, 'gbk.txt').languages, ['zh-Hans']);
});

test('undeclared legacy encodings are detected and decoded: windows-1252, Latin-1, Shift_JIS, EUC-JP, EUC-KR, KOI8-R, GB18030', () => {
  const samples: [string, string][] = [
    ['Café crème brûlée — “quoted” text, très élégant… 10 €.', 'windows-1252'],
    ['Café crème brûlée à la façon de grand-mère, très élégant.', 'latin1'],
    ['これは日本語の文章です。東京で会議が開かれました。', 'shift_jis'],
    ['これは日本語の文章です。東京で会議が開かれました。', 'euc-jp'],
    ['이것은 한국어 문장입니다. 서울에서 회의가 열렸습니다.', 'euc-kr'],
    ['Это русский текст. В Москве прошла встреча министров.', 'koi8-r'],
    [TRAD, 'gb18030'],
  ];
  for (const [text, enc] of samples) assert.equal(decodeBytes(iconv.encode(text, enc), `${enc}.txt`), text, enc);
});

test('UTF-16 with a byte-order mark is decoded, not taken for binary', () => {
  for (const enc of ['utf-16le', 'utf-16be']) {
    const doc = `美烏會談達成共識\n\n${TRAD}\n`;
    assert.equal(decodeBytes(iconv.encode(doc, enc, { addBOM: true }), `${enc}.txt`), doc);
  }
});

test('a charset declared in the page wins when it decodes cleanly', () => {
  const html = Buffer.concat([
    Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"><title>'),
    iconv.encode('美烏會談達成共識', 'big5'),
    Buffer.from('</title></head><body><p>'),
    iconv.encode(TRAD, 'big5'),
    Buffer.from('</p></body></html>'),
  ]);
  assert.ok(decodeBytes(html, 'declared.html').includes(TRAD));
});

test('bytes no encoding decodes cleanly, and text already holding U+FFFD, are rejected with the reason', () => {
  const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => 0x80 + ((i * 7919) % 127)));
  rejects(noise, 'noise.txt', /^not UTF-8(?:, and no detected encoding \(.+\) decodes it cleanly| and encoding could not be detected reliably)$/);
  rejects(Buffer.from(`標題\n\n${TRAD.slice(0, 20)}\ufffd${TRAD.slice(20)}\n`), 'damaged.txt', /U\+FFFD/);
});

test('front matter that asks for code execution is refused, never evaluated', () => {
  const marker = '__newsbot_front_matter_ran__';
  for (const lang of ['js', 'javascript', 'coffee']) {
    const doc = `---${lang}\n{ title: (globalThis["${marker}"] = "pwned") }\n---\n<p>${TRAD}</p>\n`;
    rejects(Buffer.from(doc), `evil-${lang}.md`, /^front matter asks for code execution$/);
  }
  assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
});

test('malformed YAML front matter is rejected with a one-line reason', () => {
  rejects(Buffer.from(`---\ntitle: "unclosed\ndate: [2023\n---\n<p>${TRAD}</p>\n`), 'bad.md', /^malformed front matter/);
  rejects(Buffer.from(`---\ntitle: a\ntitle: b\n---\n<p>${TRAD}</p>\n`), 'dupe.md', /^malformed front matter/);
  rejects(Buffer.from(`---\n- just\n- a list\n---\n<p>${TRAD}</p>\n`), 'list.md', /not a key\/value mapping/);
  rejects(Buffer.from(`---\ntitle: never closed\n<p>${TRAD}</p>\n`), 'open.md', /no closing ---/);
});

test('YAML tags are data only: an unknown !!js tag stays a plain string', () => {
  const doc = `---\ntitle: !!js/function "function () { return 1 }"\ndate: 2024-01-02\n---\n<p>${TRAD}</p>\n`;
  const a = parseDocument(Buffer.from(doc), 'tag.md');
  assert.equal(typeof a.title, 'string');
  assert.equal(a.title, 'function () { return 1 }');
});

test('a post without any title is rejected', () => {
  rejects(Buffer.from(`---\ndate: 2024-01-02\n---\n<p>${TRAD}</p>\n`), 'untitled.md', /no title/);
});

test('a page dump without any prose is rejected', () => {
  rejects(Buffer.from('首頁\n國際\n財經\n運動\n'), 'menu.txt', /no (article body|headline)/);
});

test('hostile shapes stay bounded: huge front matter, deeply nested HTML', { timeout: 60_000 }, () => {
  rejects(Buffer.from(`---\ntitle: x\n${'k: v\n'.repeat(20000)}---\n<p>${TRAD}</p>\n`), 'huge.md', /front matter too large/);
  const deep = `<html><head><title>Deep page</title></head><body>${'<div>'.repeat(3000)}<p>${TRAD.repeat(5)}</p>${'</div>'.repeat(3000)}</body></html>`;
  const a = parseDocument(Buffer.from(deep), 'deep.html');
  assert.equal(a.title, 'Deep page');
  assert.equal(a.paragraphs.length, 1);
});
