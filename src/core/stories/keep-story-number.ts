/**
 * Keeps a story's number when a revision re-clusters its only article: re-assigning it empties and
 * deletes the old story and starts a new one, which then takes the old number back, so `/story N`,
 * follows of story N and its thread keep working. Stories that still exist are left as they are.
 * Called by the ingest pipeline (loader/store-article.ts) after the article is re-indexed.
 */
import type { Stores } from '../store/stores.ts';

export async function keepStoryNumber(stores: Pick<Stores, 'stories'>, articleId: number, oldStoryId: number | undefined): Promise<void> {
  if (oldStoryId === undefined) return;
  const now = await stores.stories.storyOf(articleId);
  if (now === undefined || now === oldStoryId) return;
  if ((await stores.stories.title(oldStoryId)) !== undefined) return;
  if ((await stores.stories.memberCount(now)) !== 1) return;
  await stores.stories.renumberStory(now, oldStoryId);
}
