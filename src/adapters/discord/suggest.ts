/**
 * The autocomplete source for `/who` names and `/timeline`, `/latest`, `/subscribe` topics: the
 * alias index (curated seeds/aliases.json plus aliases learned from articles), matched in any
 * script or spelling through its fold key (泽连斯基, 澤倫斯基, zelensk… all find Zelensky).
 * The one module to change if the entities part offers a ready-made lookup.
 */
import type { Database } from 'better-sqlite3';
import type { CommandOption, ReplyLang } from '../../../commands/types.ts';
import { getAliasIndex, type EntityInfo } from '../../core/entities/alias-index.ts';
import { foldKey } from '../../core/entities/fold.ts';

export interface Suggestion {
  /** What the user sees in the list (≤ 100 characters). */
  name: string;
  /** What the option receives (≤ 100 characters): a name the command resolves. */
  value: string;
}

function label(e: EntityInfo): string {
  const names = [e.name_zh, e.name_en].filter((n): n is string => Boolean(n));
  return [...new Set(names)].join(' · ');
}

/**
 * Up to `limit` entities whose name or alias starts with (then contains) `typed`, best first; the
 * value is the name in the user's language (commands resolve any script).
 */
export function suggestNames(db: Database, kind: NonNullable<CommandOption['autocomplete']>, typed: string, lang: ReplyLang, limit = 25): Suggestion[] {
  const idx = getAliasIndex(db);
  const key = foldKey(typed);
  const score = new Map<string, number>();
  for (const k of idx.keys) {
    const rank = !key ? 2 : k.key.startsWith(key) ? 0 : k.key.includes(key) ? 1 : -1;
    if (rank < 0) continue;
    const prev = score.get(k.entityId);
    if (prev === undefined || rank < prev) score.set(k.entityId, rank);
  }
  const ranked = [...score.entries()]
    .map(([id, rank]) => ({ e: idx.entities.get(id), rank }))
    .filter((x): x is { e: EntityInfo; rank: number } => Boolean(x.e))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        // /who wants people first; topics take any entity.
        (kind === 'names' ? Number(a.e.type !== 'person') - Number(b.e.type !== 'person') : 0) ||
        Number(a.e.source !== 'curated') - Number(b.e.source !== 'curated') ||
        label(a.e).localeCompare(label(b.e)),
    );
  return ranked.slice(0, limit).map(({ e }) => ({ name: label(e) || e.id, value: (lang === 'en' ? (e.name_en ?? e.name_zh) : (e.name_zh ?? e.name_en)) ?? e.id }));
}
