/**
 * The alias look-up topic filters need: which entity a typed topic names, and all its spellings,
 * through the entity index (src/core/entities: curated and learned aliases, every script), and
 * whether an article mentions it. The curated file (seeds/aliases.json) is the fallback when the
 * index cannot answer (e.g. a database without the entity tables filled yet).
 */
import type { Stores } from '../store/stores.ts';
import { lookupEntityNames, articleMentionsAny } from '../entities/topics.ts';
import { foldForMatch } from '../text/normalize.ts';
import { foldScript } from '../text/script.ts';
import { loadCuratedAliases } from '../entities/alias-data.ts';

const fold = (s: string) => foldForMatch(foldScript(s));
let index: Map<string, { id: string; names: string[] }> | undefined;

function loadIndex(): Map<string, { id: string; names: string[] }> {
  if (index) return index;
  index = new Map();
  try {
    // The one reader of seeds/aliases.json (alias-data.ts), so both agree on what the file says.
    for (const e of loadCuratedAliases().entities) {
      const names = [e.zh, e.en, ...e.aliases.map((a) => (typeof a === 'string' ? a : a.text))].filter((n): n is string => !!n);
      const entry = { id: e.id, names };
      for (const key of [e.id, ...names]) if (!index.has(fold(key))) index.set(fold(key), entry);
    }
  } catch {
    // No alias data: topics match by their own spelling only.
  }
  return index;
}

/** The entity `text` names (by id, display name or any alias, across scripts and case) and its spellings. */
export async function lookupAliases(stores: Stores, text: string): Promise<{ entityIds: string[]; names: string[] }> {
  try {
    const found = await lookupEntityNames(stores, text);
    if (found.entityIds.length) return found;
  } catch {
    // fall back to the curated file below
  }
  const hit = loadIndex().get(fold(text));
  return hit ? { entityIds: [hit.id], names: hit.names } : { entityIds: [], names: [] };
}

/** Whether the entity index records a mention of one of `entityIds` in article `articleId` (false when it cannot tell). */
lookupAliases.mentions = async function mentions(stores: Stores, articleId: number, entityIds: string[]): Promise<boolean> {
  try {
    return await articleMentionsAny(stores, articleId, entityIds);
  } catch {
    return false;
  }
};
