/**
 * Publication dates (and the page's own address) in a page dump: a date line labelled as the publication (發佈日期：…) near the
 * headline, else the date line nearest it (update times last), else 今(25)日 with the month from the
 * page's address or its other dates.
 */
import { findDateInText, isUpdateLine, publishedDateIn, type FoundDate } from '../clean/dates.ts';
import { isMetaLine, type Line } from './text-lines.ts';
import { safeHttpUrl } from './html-blocks.ts';

const TODAY_DAY = /今[(（]\s*(\d{1,2})\s*[)）]日/;

/**
 * 今(25)日 in the opening paragraph names the day of publication; its month and year come from the
 * page's own address (…/20241225/…) or from dates printed elsewhere on the page with that day. Null
 * when neither gives them: a day alone is not a date.
 */
export function dayOfToday(paragraphs: string[], lines: Line[], url: string | null): FoundDate | null {
  const m = TODAY_DAY.exec(paragraphs.slice(0, 2).join(''));
  if (!m) return null;
  const day = +m[1];
  const fromUrl = url ? /(?<!\d)(20\d{2})[/-]?(\d{2})[/-]?(\d{2})(?!\d)/.exec(url) : null;
  if (fromUrl && +fromUrl[3] === day) return { iso: `${fromUrl[1]}-${fromUrl[2]}-${fromUrl[3]}`, precision: 'date' };
  const counts = new Map<string, number>();
  for (const l of lines) {
    if (l.text.length > 100) continue;
    const d = findDateInText(l.text, null);
    if (d && +d.iso.slice(8, 10) === day) counts.set(d.iso.slice(0, 10), (counts.get(d.iso.slice(0, 10)) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? { iso: best[0], precision: 'date' } : null;
}

const LABEL_REACH = 8;

/** A date labelled as the publication time (發佈日期：…, 刊登於 …) on a short line near the headline; null when none is. */
export function labelledDate(lines: Line[], titleAt: number, offset: string | null): FoundDate | null {
  for (let i = Math.max(0, titleAt - 2); i <= titleAt + LABEL_REACH && i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'para' || l.text.length > 100) continue;
    const d = publishedDateIn(l.text, offset);
    if (d) return d;
  }
  return null;
}

/** The date line nearest the headline, outside the body and above the body's end (update times only when nothing else); null when the page has none. */
export function findPageDate(lines: Line[], titleAt: number, end: number, offset: string | null): FoundDate | null {
  let best: { d: FoundDate; dist: number } | null = null;
  for (let i = 0; i < end; i++) {
    // A date line, or a short line with a date and its labels right under the headline (2023-09-28 全文约3260字).
    const underHeadline = i > titleAt && i <= titleAt + 3 && lines[i].kind === 'short' && isMetaLine(lines[i].text);
    if (lines[i].kind !== 'date' && !underHeadline) continue;
    const d = findDateInText(lines[i].text, offset);
    const dist = Math.abs(i - titleAt) + (isUpdateLine(lines[i].text) ? lines.length : 0);
    if (d && (!best || dist < best.dist)) best = { d, dist };
  }
  return best?.d ?? null;
}

const URL_LINE = /^(?:((?:原文網址|原文网址|原始連結|本文網址|文章網址|網址|URL|Source|Link)\s*[:：])\s*)?(https?:\/\/[^\s<>"'）)]+)$/i;

/**
 * The page's own address: a labelled line (原文網址：…) anywhere, or a bare URL line above the body's
 * end (bare URLs further down belong to related lists).
 */
export function findPageUrl(lines: Line[], end: number): string | null {
  for (const [i, l] of lines.entries()) {
    const m = URL_LINE.exec(l.text);
    if (m && (m[1] || i < end)) return safeHttpUrl(m[2]);
  }
  return null;
}
