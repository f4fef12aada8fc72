import type { Migration } from './index.ts';

export const sourcesSchema: Migration = {
  name: '004-sources',
  up(db) {
    db.exec(``);
  },
};
