/**
 * CJK fonts for rendered pictures: Noto Sans TC and SC as shipped by @fontsource, which splits each
 * font into ~100 WOFF2 files by unicode-range. The ranges are read from the package's CSS; only the
 * files a text needs are registered with @napi-rs/canvas (each once, ~2 ms), and a text's font list
 * names exactly those, so the renderer can tell in advance whether every character has a glyph.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

export type FontScript = 'tc' | 'sc';

interface Face {
  family: string;
  path: string;
  ranges: [number, number][];
  registered: boolean;
}

const faces = new Map<string, Face[]>();
const require = createRequire(import.meta.url);

function parseRanges(list: string): [number, number][] {
  return list.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(lo, 16), parseInt(hi ?? lo, 16)];
  });
}

/** The subset files of one font and weight, with the code points each covers (read once from the package CSS). */
function facesOf(script: FontScript, weight: 400 | 700): Face[] {
  const key = `${script}${weight}`;
  let list = faces.get(key);
  if (list) return list;
  const dir = dirname(require.resolve(`@fontsource/noto-sans-${script}/package.json`));
  const css = readFileSync(join(dir, `${weight}.css`), 'utf8');
  list = [...css.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)[^}]*?unicode-range:\s*([^;]+);/g)].map((m, i) => ({
    family: `newsbot-${key}-${i}`,
    path: join(dir, 'files', m[1]),
    ranges: parseRanges(m[2]),
    registered: false,
  }));
  if (!list.length) throw new Error(`@fontsource/noto-sans-${script}/${weight}.css: no font files found`);
  faces.set(key, list);
  return list;
}

const covers = (f: Face, cp: number) => f.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

// The face covering each code point, per font and weight (null: none): a timeline picture asks
// for thousands of characters, and scanning ~100 faces' ranges for each dominated its cost.
const faceOfCode = new Map<string, Map<number, Face | null>>();

function faceFor(script: FontScript, weight: 400 | 700, cp: number): Face | null {
  const key = `${script}${weight}`;
  let memo = faceOfCode.get(key);
  if (!memo) faceOfCode.set(key, (memo = new Map()));
  let face = memo.get(cp);
  if (face === undefined) memo.set(cp, (face = facesOf(script, weight).find((f) => covers(f, cp)) ?? null));
  return face;
}

export interface FontChoice {
  /** A CSS font-family list naming just the subset files `text` needs. */
  families: string;
  /** Characters of `text` no subset covers (drawing them would show a missing-glyph box). */
  missing: string[];
}

/** Picks (and registers on first use) the font files covering every character of `text`; whitespace needs none. */
export function fontsFor(text: string, script: FontScript, weight: 400 | 700 = 400): FontChoice {
  const list = facesOf(script, weight);
  const used: Face[] = [];
  const missing: string[] = [];
  for (const ch of new Set(text)) {
    if (/\s/.test(ch)) continue;
    const cp = ch.codePointAt(0)!;
    const face = faceFor(script, weight, cp);
    if (!face) missing.push(ch);
    else if (!used.includes(face)) used.push(face);
  }
  for (const f of used) {
    if (f.registered) continue;
    if (!GlobalFonts.registerFromPath(f.path, f.family)) throw new Error(`${f.path}: the font could not be registered`);
    f.registered = true;
  }
  return { families: used.map((f) => `"${f.family}"`).join(', ') || `"${list[0].family}"`, missing };
}

/** `text` with every character the font lacks replaced by `?`, so no missing-glyph box is ever drawn. */
export function coverable(text: string, script: FontScript, weight: 400 | 700 = 400): string {
  const { missing } = fontsFor(text, script, weight);
  if (!missing.length) return text;
  const gone = new Set(missing);
  return [...text].map((ch) => (gone.has(ch) ? '?' : ch)).join('');
}
