import type { Migration } from './index.ts';

/**
 * Folder sources do not follow symbolic links (a link dropped into a watched folder could point
 * at any file the bot can read); `follow_symlinks = 1` is the operator's opt-in for one folder.
 */
export const folderSymlinksSchema: Migration = {
  name: '011-folder-symlinks',
  up(db) {
    db.exec(`ALTER TABLE sources ADD COLUMN follow_symlinks INTEGER NOT NULL DEFAULT 0 CHECK (follow_symlinks IN (0, 1));`);
  },
};
