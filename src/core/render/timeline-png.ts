/**
 * Draws a timeline as a PNG with @napi-rs/canvas: dated events down a vertical axis (gaps between
 * far-apart dates drawn longer, with the gap written beside them), events known only by day of
 * month set apart below, and each outlet as its own colour (dots and legend). Every label is drawn
 * with fonts chosen to cover its characters (fonts.ts); uncovered characters become `?`.
 * Platform-free: returns bytes; adapters decide how to send them.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { fontsFor, type FontScript } from './fonts.ts';

export interface PictureEvent {
  /** YYYY-MM-DD, or null when only the day of month is known. */
  date: string | null;
  day: number | null;
  label: string;
  outlets: string[];
}

export interface TimelinePicture {
  title: string;
  events: PictureEvent[];
  /** tc for Traditional (and English) replies, sc for Simplified. */
  script: FontScript;
  /** Words drawn on the picture itself, already in the reply's language. */
  words: { undated: string; dayLabel: (day: number) => string; gap: (days: number) => string; unknownOutlet: string };
}

export interface RenderedPicture {
  png: Uint8Array;
  width: number;
  height: number;
  /** Characters that had no glyph and were drawn as `?` (empty when every label was covered). */
  missing: string[];
}

export const PICTURE_WIDTH = 1200;
const MARGIN = 40;
const AXIS_X = 210;
const ROW = 44;
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];
const UNKNOWN = '#9e9e9e';
const DAY_MS = 86_400_000;

/** Extra height for the gap before an event: nothing within a month, up to 40 px for years. */
function gapHeight(days: number): number {
  return days <= 31 ? 0 : Math.min(40, Math.round(Math.log2(days / 31 + 1) * 14));
}

/** Renders `p` as a PNG (always PICTURE_WIDTH wide; height grows with the events). */
export async function renderTimelinePng(p: TimelinePicture): Promise<RenderedPicture> {
  const dated = p.events.filter((e) => e.date).sort((a, b) => a.date!.localeCompare(b.date!));
  const undated = p.events.filter((e) => !e.date);
  const outlets: string[] = [];
  for (const e of p.events) for (const o of e.outlets.length ? e.outlets : [p.words.unknownOutlet]) if (!outlets.includes(o)) outlets.push(o);
  const colour = (o: string) => (o === p.words.unknownOutlet ? UNKNOWN : PALETTE[outlets.indexOf(o) % PALETTE.length]);

  const gaps = dated.map((e, i) => (i === 0 ? 0 : Math.round((Date.parse(e.date!) - Date.parse(dated[i - 1].date!)) / DAY_MS)));
  const legendRows = Math.ceil(outlets.length / 4);
  const height =
    MARGIN + 50 + dated.reduce((h, _e, i) => h + ROW + gapHeight(gaps[i]), 0) + (undated.length ? 50 + undated.length * ROW : 0) + 30 + legendRows * 30 + MARGIN;
  const canvas = createCanvas(PICTURE_WIDTH, height);
  const ctx = canvas.getContext('2d');
  const missing = new Set<string>();
  const text = (s: string, x: number, y: number, size: number, colourOf: string, maxWidth: number, bold = false) => {
    const weight = bold ? 700 : 400;
    const f = fontsFor(s, p.script, weight);
    f.missing.forEach((m) => missing.add(m));
    const safe = f.missing.length ? [...s].map((ch) => (f.missing.includes(ch) ? '?' : ch)).join('') : s;
    ctx.font = `${bold ? 'bold ' : ''}${size}px ${fontsFor(safe + '…', p.script, weight).families}`;
    ctx.fillStyle = colourOf;
    ctx.fillText(fit(ctx, safe, maxWidth), x, y);
  };

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, PICTURE_WIDTH, height);
  text(p.title, MARGIN, MARGIN + 24, 28, '#111111', PICTURE_WIDTH - 2 * MARGIN, true);

  let y = MARGIN + 70;
  if (dated.length) {
    const top = y - 20;
    dated.forEach((e, i) => {
      const g = gapHeight(gaps[i]);
      if (g) text(p.words.gap(gaps[i]), AXIS_X + 16, y + g / 2 - 14, 13, '#888888', 300);
      y += g;
      drawEvent(e, e.date!, y);
      y += ROW;
    });
    ctx.strokeStyle = '#444444';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(AXIS_X, top);
    ctx.lineTo(AXIS_X, y - ROW + 6);
    ctx.stroke();
  }
  if (undated.length) {
    y += 10;
    ctx.strokeStyle = '#cccccc';
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(MARGIN, y - 18);
    ctx.lineTo(PICTURE_WIDTH - MARGIN, y - 18);
    ctx.stroke();
    ctx.setLineDash([]);
    text(p.words.undated, MARGIN, y + 8, 16, '#555555', PICTURE_WIDTH - 2 * MARGIN, true);
    y += 40;
    for (const e of undated) {
      drawEvent(e, p.words.dayLabel(e.day ?? 0), y);
      y += ROW;
    }
  }
  y += 20;
  outlets.forEach((o, i) => {
    const x = MARGIN + (i % 4) * ((PICTURE_WIDTH - 2 * MARGIN) / 4);
    const ly = y + Math.floor(i / 4) * 30;
    ctx.fillStyle = colour(o);
    ctx.fillRect(x, ly - 12, 16, 16);
    text(o, x + 24, ly + 2, 15, '#333333', (PICTURE_WIDTH - 2 * MARGIN) / 4 - 32);
  });

  return { png: new Uint8Array(await canvas.encode('png')), width: PICTURE_WIDTH, height, missing: [...missing] };

  function drawEvent(e: PictureEvent, when: string, rowY: number) {
    text(when, MARGIN, rowY + 6, 16, '#222222', AXIS_X - MARGIN - 16, true);
    const names = e.outlets.length ? e.outlets : [p.words.unknownOutlet];
    names.slice(0, 4).forEach((o, k) => {
      ctx.fillStyle = colour(o);
      ctx.beginPath();
      ctx.arc(AXIS_X + k * 14, rowY, 6, 0, Math.PI * 2);
      ctx.fill();
    });
    const x = AXIS_X + 20 + Math.min(names.length, 4) * 14;
    text(e.label, x, rowY + 6, 17, '#111111', PICTURE_WIDTH - MARGIN - x);
  }
}

/** `s` cut to fit `maxWidth` pixels with the current font, ending in … when cut. */
function fit(ctx: SKRSContext2D, s: string, maxWidth: number): string {
  if (ctx.measureText(s).width <= maxWidth) return s;
  const chars = [...s];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(chars.slice(0, mid).join('') + '…').width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('') + '…';
}
