/**
 * Every store, bound to one database. Commands, adapters, the scheduler, sources and the ingest
 * pipeline receive this object, never a database handle. The same store code runs on SQLite and
 * PostgreSQL (see sql.ts); `openStores` picks the backend.
 */
import type { Dialect, Sql } from './sql.ts';
import { articleStore } from './article-store.ts';
import { searchStore } from './search-store.ts';
import { entityStore } from './entity-store.ts';
import { storyStore } from './story-store.ts';
import { eventStore } from './event-store.ts';
import { followStore } from './follow-store.ts';
import { subscriptionStore } from './subscription-store.ts';
import { ledgerStore } from './ledger-store.ts';
import { chatSettingsStore } from './chat-settings-store.ts';
import { sourceStore } from './source-store.ts';

export interface Stores {
  readonly backend: Dialect;
  readonly articles: ReturnType<typeof articleStore>;
  readonly search: ReturnType<typeof searchStore>;
  readonly entities: ReturnType<typeof entityStore>;
  readonly stories: ReturnType<typeof storyStore>;
  readonly events: ReturnType<typeof eventStore>;
  readonly follows: ReturnType<typeof followStore>;
  readonly subscriptions: ReturnType<typeof subscriptionStore>;
  readonly ledger: ReturnType<typeof ledgerStore>;
  readonly chatSettings: ReturnType<typeof chatSettingsStore>;
  readonly sources: ReturnType<typeof sourceStore>;
  /** Runs `fn` atomically across stores; nested calls are savepoints. */
  tx<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Binds every store to `sql`. */
export function createStores(sql: Sql): Stores {
  return {
    backend: sql.dialect,
    articles: articleStore(sql),
    search: searchStore(sql),
    entities: entityStore(sql),
    stories: storyStore(sql),
    events: eventStore(sql),
    follows: followStore(sql),
    subscriptions: subscriptionStore(sql),
    ledger: ledgerStore(sql),
    chatSettings: chatSettingsStore(sql),
    sources: sourceStore(sql),
    tx: (fn) => sql.tx(fn),
    close: () => sql.close(),
  };
}
