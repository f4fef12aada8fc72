import type { Migration } from './index.ts';

export const knowledgeSchema: Migration = {
  name: '002-knowledge',
  up(db) {
    db.exec(``);
  },
};
