import type { PostgresMigration } from './index.ts';

/** 007-digest-threads on PostgreSQL. */
export const digestThreadsSchema: PostgresMigration = {
  name: '007-digest-threads',
  sql: `ALTER TABLE subscriptions ADD COLUMN open_thread INTEGER NOT NULL DEFAULT 0;`,
};
