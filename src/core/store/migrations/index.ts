/**
 * The schema history, append-only: never edit a migration that has shipped; add a new one.
 * Position in this list + 1 is the `PRAGMA user_version` it leaves behind.
 */
import type Database from 'better-sqlite3';
import { articlesSchema } from './001-articles.ts';
import { knowledgeSchema } from './002-knowledge.ts';
import { sourcesSchema } from './003-sources.ts';
import { subscriptionsSchema } from './004-subscriptions.ts';

export interface Migration {
  name: string;
  up(db: Database.Database): void;
}

export const migrations: Migration[] = [articlesSchema, knowledgeSchema, sourcesSchema, subscriptionsSchema];
