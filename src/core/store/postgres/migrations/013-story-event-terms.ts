import type { PostgresMigration } from './index.ts';

/** 013-story-event-terms on PostgreSQL (`term` is a hash: BIGINT). */
export const storyEventTermsSchema: PostgresMigration = {
  name: '013-story-event-terms',
  sql: `
    CREATE TABLE story_event_terms (
      term BIGINT NOT NULL,
      day INTEGER NOT NULL,
      article_id BIGINT NOT NULL,
      PRIMARY KEY (term, day, article_id)
    );
    CREATE INDEX story_event_terms_article ON story_event_terms (article_id);
    CREATE TABLE story_event_norms (
      article_id BIGINT PRIMARY KEY,
      day INTEGER NOT NULL,
      norm DOUBLE PRECISION NOT NULL
    );
    CREATE INDEX story_event_norms_day ON story_event_norms (day);
  `,
};
