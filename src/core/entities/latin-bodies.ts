/**
 * A company, broadcaster or bank named in Latin letters and called by its kind in Chinese (IBM公司,
 * TRW 公司, NHK电视台): jieba leaves the letters as a word of their own (eng) and the rules, which
 * start names at Han words, found only the kind (公司 of 公司总裁) or nothing. The letters and the
 * kind are one organisation. Two letters are as often a field (IT公司, AI公司), and a count before
 * (一家 ABC 公司) makes a description, so neither counts.
 */
import type { NameSpan } from './recognize-names.ts';
import { listedByEnglish } from './world-names-en.ts';

// (A name of several words capitalises each: Dae Kwang 公司; 电视 alone is the broadcaster before a function word or punctuation, not 电视剧.)
const LATIN_BODY = /(?<![A-Za-z0-9&.\-])([A-Za-z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*){0,3}) ?(公司|集团|集團|銀行|银行|電視台|电视台|電視網|电视网|(?:電視|电视)(?=[^\u4e00-\u9fff]|[等和與与的在上及]|$)|通訊社|通讯社|基金會|基金会)/g;
// A count or kind word before the name: a description of some such body, not its name.
const COUNTED = /[家个個间間些类類种種]$/;

/** Adds, in place, the organisations named by Latin letters and a Chinese kind; a bare kind found for one is widened to it. */
export function addLatinBodies(text: string, out: NameSpan[]): void {
  if (!/[A-Za-z]/.test(text)) return;
  for (const m of text.matchAll(LATIN_BODY)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1].replace(/[^A-Za-z]/g, '').length < 3) continue;
    if (COUNTED.test(text.slice(Math.max(0, start - 2), start).trim())) continue;
    const kindStart = end - m[2].length;
    const bare = out.findIndex((s) => s.type === 'ORG' && s.start === kindStart && s.end === end);
    if (bare >= 0) out.splice(bare, 1);
    else if (out.some((s) => s.start < end && s.end > start)) continue;
    const at = out.findIndex((s) => s.start >= end);
    const span: NameSpan = { start, end, text: text.slice(start, end), type: 'ORG' };
    // A listed English name is the listed body (Google 公司 is 谷歌).
    const listed = listedByEnglish(m[1]);
    if (listed?.type === 'ORG') span.name = listed.zh;
    out.splice(at < 0 ? out.length : at, 0, span);
  }
}
