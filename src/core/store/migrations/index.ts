/**
 * The schema history, append-only: never edit a migration that has shipped; add a new one.
 * Position in this list + 1 is the `PRAGMA user_version` it leaves behind.
 */
import type Database from 'better-sqlite3';
import { articlesSchema } from './001-articles.ts';
import { entitiesSchema } from './002-entities.ts';
import { storiesEventsSchema } from './003-stories-events.ts';
import { sourcesSchema } from './004-sources.ts';
import { subscriptionsSchema } from './005-subscriptions.ts';
import { chatSettingsSchema } from './006-chat-settings.ts';
import { digestThreadsSchema } from './007-digest-threads.ts';
import { deliveryRetriesSchema } from './008-delivery-retries.ts';
import { siteLinesSchema } from './009-site-lines.ts';
import { entityNamesSchema } from './010-entity-names.ts';
import { folderSymlinksSchema } from './011-folder-symlinks.ts';
import { followStoriesSchema } from './012-follow-stories.ts';
import { storyEventTermsSchema } from './013-story-event-terms.ts';
import { revisionTimesSchema } from './014-revision-times.ts';
import { readIndexesSchema } from './015-read-indexes.ts';
import { searchCompressionSchema } from './016-search-compression.ts';
import { storyRedirectsSchema } from './017-story-redirects.ts';

export interface Migration {
  name: string;
  up(db: Database.Database): void;
}

export const migrations: Migration[] = [
  articlesSchema, entitiesSchema, storiesEventsSchema, sourcesSchema, subscriptionsSchema, chatSettingsSchema, digestThreadsSchema,
  deliveryRetriesSchema, siteLinesSchema, entityNamesSchema, folderSymlinksSchema, followStoriesSchema, storyEventTermsSchema,
  revisionTimesSchema, readIndexesSchema, searchCompressionSchema, storyRedirectsSchema,
];
