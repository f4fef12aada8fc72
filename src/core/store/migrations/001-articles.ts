import type { Migration } from './index.ts';

export const articlesSchema: Migration = {
  name: '001-articles',
  up(db) {
    db.exec(``);
  },
};
