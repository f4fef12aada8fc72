import type { PostgresMigration } from './index.ts';

/** 002-entities on PostgreSQL: the alias index, mentions, facets and alias version. */
export const entitiesSchema: PostgresMigration = {
  name: '002-entities',
  sql: `
    CREATE TABLE entities (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL CHECK (type IN ('person', 'org', 'place')),
      name_zh TEXT,
      name_en TEXT,
      role_zh TEXT,
      role_en TEXT,
      source TEXT NOT NULL CHECK (source IN ('curated', 'learned')),
      created_at TEXT NOT NULL
    );

    CREATE TABLE entity_aliases (
      key TEXT NOT NULL,
      entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
      alias TEXT NOT NULL,
      context TEXT,
      source TEXT NOT NULL CHECK (source IN ('curated', 'learned')),
      article_id BIGINT,
      PRIMARY KEY (key, entity_id)
    );
    CREATE INDEX entity_aliases_entity ON entity_aliases (entity_id);

    CREATE TABLE entity_mentions (
      entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
      article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      count INTEGER NOT NULL,
      first_pos INTEGER NOT NULL,
      in_title INTEGER NOT NULL DEFAULT 0,
      surface TEXT NOT NULL,
      surfaces TEXT NOT NULL,
      role TEXT,
      sort_key TEXT NOT NULL,
      PRIMARY KEY (entity_id, article_id)
    );
    CREATE INDEX entity_mentions_article ON entity_mentions (article_id, entity_id);
    CREATE INDEX entity_mentions_recent ON entity_mentions (entity_id, sort_key DESC, article_id DESC);

    CREATE TABLE entity_facets (
      entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('spelling', 'role', 'count')),
      value TEXT NOT NULL,
      articles INTEGER NOT NULL,
      PRIMARY KEY (entity_id, kind, value)
    );

    CREATE TABLE entity_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
    INSERT INTO entity_meta (key, value) VALUES ('alias_version', '0');
  `,
};
