/**
 * One spelling per curated name for story matching (pure after the first call): Taiwan, the
 * mainland and Hong Kong transliterate the same people and places differently (澤倫斯基 / 泽连斯基,
 * 普丁 / 普京, 川普 / 特朗普), so two reports of one event in different scripts would share none of a
 * name's character bigrams. Every unambiguous Chinese alias in seeds/aliases.json is rewritten to its
 * entity's display name, in the folded form story terms are read in. Aliases that need context
 * (common words) are left alone.
 */
import { loadCuratedAliases } from '../entities/alias-data.ts';
import { foldForShingles } from './signatures.ts';

let table: { re: RegExp; to: Map<string, string> } | null | undefined;

function build(): { re: RegExp; to: Map<string, string> } | null {
  const to = new Map<string, string>();
  for (const e of loadCuratedAliases().entities) {
    const canonical = foldForShingles(e.zh).trim();
    if (!/[\u3400-\u9fff]/.test(canonical)) continue;
    for (const a of e.aliases) {
      if (typeof a !== 'string' || !/^[\u3400-\u9fff·・‧]{2,}$/.test(a)) continue;
      const key = foldForShingles(a).trim();
      if (key.length >= 2 && key !== canonical && !to.has(key)) to.set(key, canonical);
    }
  }
  if (!to.size) return null;
  // Longest first, so 弗拉基米爾·普丁 is replaced whole before 普丁.
  const keys = [...to.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { re: new RegExp(keys.join('|'), 'g'), to };
}

/** `folded` (foldForShingles output) with every curated name variant written as its entity's display name. */
export function canonicalNames(folded: string): string {
  if (table === undefined) table = build();
  return table ? folded.replace(table.re, (m) => table!.to.get(m) ?? m) : folded;
}
