/** Test helpers for the entity index: a temp database and hand-made articles through the real store. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/core/store/db.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { storeArticle } from '../../../src/core/loader/store-article.ts';
import type { NormalizedArticle, RelatedLink } from '../../../src/core/article.ts';
import { whoCommand } from '../../../commands/who.ts';
import { recognizeNames } from '../../../src/core/entities/recognize-names.ts';

/** What recognizeNames finds in `text`, as name/TYPE strings. */
export const spans = (text: string) => recognizeNames(text).map((s) => `${s.text}/${s.type}`);

export function tempDb(): Db {
  return openDatabase(join(mkdtempSync(join(tmpdir(), 'newsbot-entities-')), 'x.db'));
}

export function article(title: string, paragraphs: string[], opts: { published_at?: string | null; related?: RelatedLink[] } = {}): NormalizedArticle {
  return {
    shape: 'plain-text',
    title,
    url: null,
    outlet: 'Test',
    agency: null,
    authors: [],
    translators: [],
    published_at: opts.published_at ?? '2025-08-20',
    published_precision: 'date',
    dateline: null,
    languages: ['zh-Hant'],
    paragraphs: paragraphs.map((text) => ({ text, lang: 'zh-Hant' as const })),
    tags: [],
    related: opts.related ?? [],
  };
}

/** Stores an article as if read from `file`; returns its id. */
export async function store(db: Db, file: string, a: NormalizedArticle): Promise<number> {
  return (await storeArticle(sqliteStores(db), a, { source_file: file })).id;
}

/** `/who name --json` as the terminal answers it: the reply's data. */
export async function who(db: Db, name: string) {
  const ctx = { platform: 'terminal' as const, chatId: 't', userId: 't', isGroup: false, isAdmin: async () => true };
  const reply = await whoCommand.run({ args: { name }, lang: 'en', chat: ctx }, { stores: sqliteStores(db), now: () => new Date() });
  return reply.data as { match: string; entity: { id: string; names: Record<string, string[]> } | null; articles: number[] };
}
