// TRANSITIONAL (issue 14, entities helper): the synchronous SQLite version of this module, kept only for
// callers in other areas that are still synchronous (ingest chain, stories, digest, follows). Delete
// this folder once they await the store-based functions in src/core/entities/.
/**
 * Entity look-ups for other parts: topic filters of subscriptions (G), topic resolution of
 * /timeline and /latest (C2), and name autocomplete for Discord (D). All go through the same
 * alias index as /who, so a topic typed as zelensky, 泽连斯基 or Zelenskyy means the same thing.
 */
import type { Db } from '../../store/db.ts';
import { curatedAliasRecords, loadCuratedAliases } from '../alias-data.ts';
import { getAliasIndex, type EntityInfo } from './alias-index.ts';
import { findArticleMentions } from '../find-mentions.ts';
import { buildMatcher, expandScripts, type Matcher } from '../matcher.ts';
import { foldKey } from '../fold.ts';
import { mentionCount, resolveEntity } from './resolve-entity.ts';

let curatedMatcher: Matcher | undefined;
function curatedOnly(): Matcher {
  const data = loadCuratedAliases();
  return (curatedMatcher ??= buildMatcher(expandScripts(curatedAliasRecords(data)), data.blockers));
}

/**
 * Ids of the entities mentioned in `text`, in order of first appearance. With `db` the learned
 * aliases count too; without, only the curated ones (no database needed).
 */
export function entityIdsInText(text: string, db?: Db): string[] {
  const matcher = db ? getAliasIndex(db).matcher : curatedOnly();
  return findArticleMentions(matcher, '', [text])
    .sort((a, b) => a.firstPos - b.firstPos)
    .map((m) => m.entityId);
}

/**
 * The entities a topic names: the one entity when the whole topic is a name (exact, or a close
 * misspelling), else every entity mentioned in it ("普丁 川普 會面" → putin, trump); [] for plain words.
 */
export function matchTopic(db: Db, topic: string): string[] {
  const r = resolveEntity(db, topic);
  if (r.entity && r.how !== 'fuzzy') return [r.entity.id];
  const inText = entityIdsInText(topic, db);
  if (inText.length) return inText;
  return r.entity ? [r.entity.id] : [];
}

/** For topic filters: the entity `text` names (exactly, in any script) and all its known spellings. */
export function lookupEntityNames(db: Db, text: string): { entityIds: string[]; names: string[] } {
  const r = resolveEntity(db, text);
  if (!r.entity || r.how === 'fuzzy') return { entityIds: [], names: [] };
  const names = db.prepare(`SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias`).pluck().all(r.entity.id) as string[];
  return { entityIds: [r.entity.id], names };
}

/** Whether article `articleId` mentions any of `entityIds` (body or title; never related links). */
export function articleMentionsAny(db: Db, articleId: number, entityIds: string[]): boolean {
  if (!entityIds.length) return false;
  const st = db.prepare(`SELECT 1 FROM entity_mentions WHERE article_id = ? AND entity_id = ?`);
  return entityIds.some((id) => st.get(articleId, id) !== undefined);
}

/** Ids of the articles mentioning `entityId`, newest first (undated last), at most `limit`. */
export function articleIdsForEntity(db: Db, entityId: string, limit = 1000): number[] {
  return db.prepare(`SELECT article_id FROM entity_mentions WHERE entity_id = ? ORDER BY sort_key DESC, article_id DESC LIMIT ?`).pluck().all(entityId, limit) as number[];
}

/** One autocomplete choice: `label` to show, `value` to submit (a name /who resolves exactly). */
export interface NameChoice {
  label: string;
  value: string;
  entityId: string;
}

/**
 * Names starting with `prefix` (any script, case or spacing) for autocomplete, most mentioned
 * first; an empty prefix lists the most mentioned entities. Labels are at most 100 characters
 * (Discord's limit for a choice).
 */
export function listEntityNames(db: Db, prefix: string, lang: 'zh-TW' | 'en' = 'zh-TW', limit = 25): NameChoice[] {
  const idx = getAliasIndex(db);
  const key = foldKey(prefix);
  let ids: string[];
  if (!key) {
    ids = db.prepare(`SELECT entity_id FROM entity_facets WHERE kind = 'count' AND value = '' ORDER BY articles DESC LIMIT ?`).pluck().all(limit) as string[];
  } else {
    const rows = db.prepare(`SELECT DISTINCT entity_id FROM entity_aliases WHERE key >= ? AND key < ? LIMIT 500`).pluck().all(key, key + '\uffff') as string[];
    ids = rows
      .map((id) => ({ id, n: mentionCount(db, id) }))
      .sort((a, b) => b.n - a.n || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map((x) => x.id);
  }
  return ids
    .map((id) => idx.entities.get(id))
    .filter((e): e is EntityInfo => !!e)
    .map((e) => {
      const zh = e.name_zh ?? e.name_en ?? e.id;
      const en = e.name_en ?? e.name_zh ?? e.id;
      const label = (lang === 'en' ? (en === zh ? en : `${en} (${zh})`) : zh === en ? zh : `${zh}（${en}）`).slice(0, 100);
      return { label, value: (lang === 'en' ? en : zh).slice(0, 100), entityId: e.id };
    });
}
