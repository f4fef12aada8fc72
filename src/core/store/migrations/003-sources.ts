import type { Migration } from './index.ts';

export const sourcesSchema: Migration = {
  name: '003-sources',
  up(db) {
    db.exec(``);
  },
};
