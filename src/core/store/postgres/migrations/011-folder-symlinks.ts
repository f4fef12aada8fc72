import type { PostgresMigration } from './index.ts';

/** 011-folder-symlinks on PostgreSQL. */
export const folderSymlinksSchema: PostgresMigration = {
  name: '011-folder-symlinks',
  sql: `ALTER TABLE sources ADD COLUMN follow_symlinks INTEGER NOT NULL DEFAULT 0 CHECK (follow_symlinks IN (0, 1));`,
};
