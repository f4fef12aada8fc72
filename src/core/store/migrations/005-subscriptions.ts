import type { Migration } from './index.ts';

export const subscriptionsSchema: Migration = {
  name: '005-subscriptions',
  up(db) {
    db.exec(``);
  },
};
