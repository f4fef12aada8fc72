import type { Migration } from './index.ts';

/**
 * Same-event matching of differently worded reports (src/core/stories/event-match.ts): an
 * inverted index of each article's title-and-lead terms by publication day, from which both the
 * candidates and the terms' document frequency in the window are read, and each article's term
 * weight total at ingest (the norm of its cosine).
 */
export const storyEventTermsSchema: Migration = {
  name: '013-story-event-terms',
  up(db) {
    db.exec(`
      CREATE TABLE story_event_terms (
        term INTEGER NOT NULL,
        day INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        PRIMARY KEY (term, day, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX story_event_terms_article ON story_event_terms (article_id);
      CREATE TABLE story_event_norms (
        article_id INTEGER PRIMARY KEY,
        day INTEGER NOT NULL,
        norm REAL NOT NULL
      );
      CREATE INDEX story_event_norms_day ON story_event_norms (day);
    `);
  },
};
