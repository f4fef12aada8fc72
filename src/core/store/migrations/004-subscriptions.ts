import type { Migration } from './index.ts';

export const subscriptionsSchema: Migration = {
  name: '004-subscriptions',
  up(db) {
    db.exec(``);
  },
};
