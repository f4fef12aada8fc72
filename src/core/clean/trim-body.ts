/**
 * The ends of an extracted body, judged by what the lines look like: from the first furniture
 * marker, menu line or long run of short lines after which almost no whole prose follows
 * (related lists, teasers, pagers, disclaimers), the rest goes; before the first prose, date and
 * widget lines go. Mid-article markers ("Advertisement") with prose after them cut nothing.
 */
import { classifyLine, isMetaLine, isParagraphLine, isTeaserLine, isWidgetLine, type LineKind } from '../ingest/text-lines.ts';

/** After a block marker (延伸閱讀, 特别声明…), less whole prose than this share of what came before is furniture. */
const TAIL_SHARE = 0.6;
/** After an ad label or a run of short lines, which also sit mid-article, the bar is lower. */
const SOFT_TAIL_SHARE = 0.2;
const SOFT_MARKER = /^(?:廣告|广告|推廣|推广|贊助|赞助|Advertisement|Sponsored|Ad)$/i;
const SHORT_RUN = 7;

/** Paragraphs without the furniture at their ends (pure; the input is not modified). */
export function trimBodyEnds(paragraphs: string[], opts: { markersOnly?: boolean } = {}): string[] {
  if (paragraphs.length < 3) return paragraphs;
  const kinds = paragraphs.map((p) => (p.length > 200 ? 'para' : classifyLine(p)) as LineKind);
  const prose = paragraphs.map((p, i) => (kinds[i] === 'para' && !isTeaserLine(p) && isParagraphLine(p) ? p.length : 0));
  const first = prose.findIndex((n) => n > 0);
  if (first < 0) return paragraphs;
  const suffix: number[] = new Array(paragraphs.length + 1).fill(0);
  for (let i = paragraphs.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + prose[i];
  let end = paragraphs.length;
  let shorts = 0;
  for (let i = first + 1; i < paragraphs.length; i++) {
    shorts = kinds[i] === 'para' ? 0 : shorts + 1;
    const boundary = kinds[i] === 'marker' || (!opts.markersOnly && kinds[i] === 'menu') ? i : !opts.markersOnly && shorts === SHORT_RUN ? i - SHORT_RUN + 1 : -1;
    if (boundary < 0) continue;
    const before = suffix[first] - suffix[boundary];
    const hard = boundary === i && kinds[i] === 'marker' && !SOFT_MARKER.test(paragraphs[i].trim());
    if (opts.markersOnly && !hard) continue;
    if (suffix[boundary] <= before * (hard ? TAIL_SHARE : SOFT_TAIL_SHARE)) {
      end = boundary;
      break;
    }
  }
  // Before the first prose: date, widget and menu lines go (short lines stay: verse, lists, standfirsts).
  const head = paragraphs.slice(0, first).filter((p, i) => !(kinds[i] === 'date' || kinds[i] === 'menu' || kinds[i] === 'marker' || isMetaLine(p) || isWidgetLine(p)));
  // After the last prose: prompts and widgets (點我下載APP, 分享) go.
  while (end > first + 1 && prose[end - 1] === 0 && isWidgetLine(paragraphs[end - 1])) end--;
  const out = [...head, ...paragraphs.slice(first, end)];
  return out.length ? out : paragraphs;
}
