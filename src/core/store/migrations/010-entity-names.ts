import type { Migration } from './index.ts';

/**
 * Names found in the text that no curated or learned alias covers (毛泽东, 华为, 斯诺登): each is an
 * entity of its own, looked up by its folded key here rather than through entity_aliases, so the
 * in-memory alias matcher does not grow with every name the archive has ever seen.
 */
export const entityNamesSchema: Migration = {
  name: '010-entity-names',
  up(db) {
    db.exec(`
      CREATE TABLE entity_names (
        key TEXT NOT NULL,
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        PRIMARY KEY (key, entity_id)
      ) WITHOUT ROWID;
      CREATE INDEX entity_names_entity ON entity_names (entity_id);
    `);
  },
};
