import type { Migration } from './index.ts';

export const entitiesSchema: Migration = {
  name: '002-entities',
  up(db) {
    db.exec(``);
  },
};
