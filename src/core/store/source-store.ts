/**
 * The source store: live sources (watched folders, feeds, pages), the items they yielded and
 * the files they saw, for both backends (see sql.ts). Pollers keep their logic and call this.
 */
import type { Sql } from './sql.ts';
import { sourceRows } from './sources/source-rows.ts';
import { sourceItems } from './sources/source-items.ts';
import { sourceFiles } from './sources/source-files.ts';

export type { SourceKind, SourceRow, NewSource, SuccessUpdate, FailureUpdate, ItemRecord, KnownArticle, LastStored, FileRecord } from './sources/source-types.ts';
export { isGlobalGuid } from './sources/source-items.ts';

export function sourceStore(sql: Sql) {
  return {
    ...sourceRows(sql),
    ...sourceItems(sql),
    ...sourceFiles(sql),
    /** The stored title of an article (a feed item whose page body matches another item's is checked against it). */
    async articleTitle(articleId: number): Promise<string | undefined> {
      return (await sql.get<{ title: string }>('SELECT title FROM articles WHERE id = ?', [articleId]))?.title;
    },
  };
}

export type SourceStore = ReturnType<typeof sourceStore>;
