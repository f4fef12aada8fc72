import type { Migration } from './index.ts';

export const storiesEventsSchema: Migration = {
  name: '003-stories-events',
  up(db) {
    db.exec(``);
  },
};
