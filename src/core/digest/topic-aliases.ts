/**
 * The alias look-up topic filters need: which entity a typed topic names, and all its spellings,
 * through the entity index (src/core/entities: curated and learned aliases, every script), and
 * whether an article mentions it. The curated file (seeds/aliases.json) is the fallback when the
 * index cannot answer (e.g. a database without the entity tables filled yet).
 */
import { readFileSync } from 'node:fs';
import type { Db } from '../store/db.ts';
import { lookupEntityNames, articleMentionsAny } from '../entities/legacy/topics.ts';
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
export function lookupAliases(db: Db, text: string): { entityIds: string[]; names: string[] } {
  try {
    const found = lookupEntityNames(db, text);
    if (found.entityIds.length) return found;
  } catch {
    // fall back to the curated file below
  }
  const hit = loadIndex().get(fold(text));
  return hit ? { entityIds: [hit.id], names: hit.names } : { entityIds: [], names: [] };
}

/** Whether the entity index records a mention of one of `entityIds` in article `articleId` (false when it cannot tell). */
lookupAliases.mentions = function mentions(db: Db, articleId: number, entityIds: string[]): boolean {
  try {
    return articleMentionsAny(db, articleId, entityIds);
  } catch {
    return false;
  }
};
