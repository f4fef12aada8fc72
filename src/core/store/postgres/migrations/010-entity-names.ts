import type { PostgresMigration } from './index.ts';

/** 010-entity-names on PostgreSQL. */
export const entityNamesSchema: PostgresMigration = {
  name: '010-entity-names',
  sql: `
    CREATE TABLE entity_names (
      key TEXT NOT NULL,
      entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      PRIMARY KEY (key, entity_id)
    );
    CREATE INDEX entity_names_entity ON entity_names (entity_id);
  `,
};
