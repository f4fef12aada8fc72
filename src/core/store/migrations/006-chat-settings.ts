import type { Migration } from './index.ts';

export const chatSettingsSchema: Migration = {
  name: '006-chat-settings',
  up(db) {
    db.exec(``);
  },
};
