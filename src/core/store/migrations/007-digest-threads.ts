import type { Migration } from './index.ts';

/** Discord subscriptions may ask for a discussion thread on each digest (`/subscribe … thread`). */
export const digestThreadsSchema: Migration = {
  name: '007-digest-threads',
  up(db) {
    db.exec(`ALTER TABLE subscriptions ADD COLUMN open_thread INTEGER NOT NULL DEFAULT 0`);
  },
};
