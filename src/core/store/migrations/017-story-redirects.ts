import type { Migration } from './index.ts';

/**
 * Where a merged story went (core/stories/bridge-stories.ts): `/story 57` and a story button sent
 * before the merge still reach the story that absorbed it. Chains are kept flat (every row points
 * at a story that exists when written).
 */
export const storyRedirectsSchema: Migration = {
  name: '017-story-redirects',
  up(db) {
    db.exec(`CREATE TABLE story_redirects (from_id INTEGER PRIMARY KEY, to_id INTEGER NOT NULL, merged_at TEXT NOT NULL)`);
  },
};
