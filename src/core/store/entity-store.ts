/**
 * The entity store: its SQL, for both backends (see sql.ts). People, organisations and places
 * (curated, learned from 名（Name） pairs, or found in text), their aliases and look-up keys, and
 * the mention index /who and topic filters read. Matching, folding and the compiled alias index
 * live in src/core/entities and call this.
 */
import type { Sql } from './sql.ts';
import { aliasSql } from './entities/alias-sql.ts';
import { nameSql } from './entities/name-sql.ts';
import { mentionSql } from './entities/mention-sql.ts';

export type { EntityRow, AliasRow, CuratedEntityRow } from './entities/alias-sql.ts';
export type { NameRow, FoundEntityRow } from './entities/name-sql.ts';
export type { MentionInput } from './entities/mention-sql.ts';
export { CO_MENTION_SAMPLE, STORY_SAMPLE } from './entities/mention-sql.ts';

export function entityStore(sql: Sql) {
  return { ...aliasSql(sql), ...nameSql(sql), ...mentionSql(sql) };
}
