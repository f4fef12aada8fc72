/**
 * Foreign people's Latin spellings, learned from articles that write both: in an article naming
 * 斯诺登 (or 爱德华·斯诺登), a capitalised word that reads as that transliteration (Snowden, see
 * latin-sound.ts) and as no other person the article names becomes a look-up key of the person,
 * so other articles writing Snowden count for them and /who Snowden answers. Naming both in one
 * article is what makes it safe: a sound match alone, across the archive, took Palace for 布鲁斯.
 * A word the article also writes in lower case (a common word) is never a name.
 */
import type { Stores } from '../store/stores.ts';
import { foldKey } from './fold.ts';
import { latinSoundKeys, latinSoundsLike } from './latin-sound.ts';
import { soundKey } from './sound-alike.ts';

// Latin words; a Han character beside one is a boundary (曝光了Snowden的文件).
const WORD = /(?<![\p{Script=Latin}\p{N}])[A-Z][a-z]{3,19}(?![\p{Script=Latin}\p{N}])/gu;
const LOWER = /(?<![\p{Script=Latin}\p{N}])[a-z]{4,20}(?![\p{Script=Latin}\p{N}])/gu;
const LAST_PART = /[^·・．‧•\s]+$/u;

/** The look-up key of a learned Latin spelling: prefixed, so a Pinyin key (make of 马克) never answers for one. */
export function latinSpellingKey(word: string): string {
  return `~l:${foldKey(word)}`;
}

/** A person the article names in Han characters. */
export interface HanPerson {
  entityId: string;
  name: string;
}

/**
 * The Latin spellings `texts` (one article) give its Han-named `people`: each capitalised word
 * that sounds like exactly one of them, and each person taking one word at most. Pure.
 */
export function latinSpellingsIn(texts: string[], people: HanPerson[], skip: (word: string) => boolean): { word: string; entityId: string }[] {
  if (!people.length) return [];
  const lower = new Set<string>();
  const named = new Set<string>();
  for (const text of texts) {
    if (!/[A-Z]/.test(text)) continue;
    for (const w of text.match(LOWER) ?? []) lower.add(w);
    for (const m of text.match(WORD) ?? []) named.add(m);
  }
  // The people's sound keys first: most words share none and cost one small look-up.
  const surnames = people.map((p) => ({ ...p, last: LAST_PART.exec(p.name)?.[0] ?? '' }));
  const keys = new Set(surnames.map((p) => soundKey(p.last)).filter(Boolean));
  if (!keys.size) return [];
  const byPerson = new Map<string, string[]>();
  for (const word of named) {
    if (!latinSoundKeys(word).some((k) => keys.has(k)) || lower.has(word.toLowerCase()) || skip(word)) continue;
    const ids = new Set(surnames.filter((p) => latinSoundsLike(word, p.last)).map((p) => p.entityId));
    if (ids.size !== 1) continue;
    const id = [...ids][0];
    (byPerson.get(id) ?? byPerson.set(id, []).get(id)!).push(word);
  }
  return [...byPerson].flatMap(([entityId, words]) => (words.length === 1 ? [{ word: words[0], entityId }] : []));
}

/** Per text, the capitalised words stored as one entity's key (learned Latin spellings), one look-up for all texts. */
export async function findLearnedLatinNames(stores: Stores, texts: string[], skip: (word: string) => boolean): Promise<{ entityId: string; start: number; end: number; surface: string }[][]> {
  const matches = texts.map((text) => (/[A-Z]/.test(text) ? [...text.matchAll(WORD)].filter((m) => !skip(m[0])) : []));
  const keys = [...new Set(matches.flatMap((ms) => ms.map((m) => latinSpellingKey(m[0]))))];
  if (!keys.length) return texts.map(() => []);
  const ids = new Map<string, string[]>();
  for (const r of await stores.entities.namesByKeys(keys)) (ids.get(r.key) ?? ids.set(r.key, []).get(r.key)!).push(r.entity_id);
  return matches.map((ms) =>
    ms.flatMap((m) => {
      const list = ids.get(latinSpellingKey(m[0])) ?? [];
      return list.length === 1 ? [{ entityId: list[0], start: m.index!, end: m.index! + m[0].length, surface: m[0] }] : [];
    }),
  );
}
