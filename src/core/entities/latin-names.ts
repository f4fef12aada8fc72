/**
 * Listed English names written in a text (Google, Xinjiang, State Council in an English sentence
 * or inside a Chinese one), each with the Chinese name it stands for. One precompiled regex per
 * text, only run on texts with a capital letter. Pure.
 */
import { listedByEnglish, listedEnglishNames, type ListedName } from './world-names-en.ts';

/** One listed English name found in a text; offsets are UTF-16 indices, end exclusive. */
export interface LatinHit extends ListedName {
  start: number;
  end: number;
  surface: string;
}

let pattern: RegExp | undefined;
function namePattern(): RegExp {
  if (!pattern) {
    // Whole Latin words only (Sina, not Sinai; a Han character beside it is a boundary: 如Moderna、),
    // case as written (Intel, not intel); longer names first.
    const names = listedEnglishNames().map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(`(?<![\\p{Script=Latin}\\p{N}])(?:${names.join('|')})(?![\\p{Script=Latin}\\p{N}])`, 'gu');
  }
  return pattern;
}

/** The listed English names in `text`, in order. */
export function findListedLatinNames(text: string): LatinHit[] {
  if (!/[A-Z]/.test(text)) return [];
  const out: LatinHit[] = [];
  for (const m of text.matchAll(namePattern())) {
    const listed = listedByEnglish(m[0]);
    if (listed) out.push({ ...listed, start: m.index!, end: m.index! + m[0].length, surface: m[0] });
  }
  return out;
}
