// Contract: merging two stories (one event that began as two) moves their members and what chats
// hold on the story that goes (follows, threads, what digests sent), on every backend; the old
// number redirects to the story kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finishArticle } from '../../src/core/ingest/finish-article.ts';
import { storeArticle } from '../../src/core/loader/store-article.ts';
import { mergeStories } from '../../src/core/stories/bridge-stories.ts';
import { buildStoryView } from '../../src/core/story-view/story-view.ts';
import { resolveFollowTarget } from '../../src/core/follow/follow-target.ts';
import type { NewFollow } from '../../src/core/store/follow-store.ts';
import type { Stores } from '../../src/core/store/stores.ts';
import { BACKENDS, openBackend } from './backends.ts';

const NOW = new Date('2024-05-03T08:00:00Z');

async function store(stores: Stores, title: string, text: string, day: string): Promise<number> {
  const article = finishArticle({
    shape: 'feed-item', title, url: null, outlet: '地方報', agency: null, authors: [], translators: [],
    published_at: `${day}T10:00:00+08:00`, published_precision: 'datetime', dateline: null, paragraphs: [text], tags: [], related: [],
  });
  const r = await storeArticle(stores, article, { source_file: `${title}.json` });
  return r.id!;
}

const follow = (chatId: string, story: number): NewFollow => ({
  platform: 'telegram', chatId, threadId: null, lang: 'zh-TW', kind: 'story', target: String(story), label: `#${story}`, topicQuery: null, createdBy: null,
});

for (const backend of BACKENDS) {
  test(`merging two stories keeps their articles, follows, threads and sent records under the older number, on ${backend}`, async (t) => {
    const stores = await openBackend(t, backend);
    const a1 = await store(stores, '南投縣政府宣布新的公車路線', '南投縣政府今天宣布，新的公車路線下個月起通車，沿線設有十二個站。', '2024-05-01');
    const b1 = await store(stores, '花蓮港明起恢復夜間作業', '花蓮港務分公司表示，明天起恢復夜間裝卸作業，貨櫃船可在晚間進港。', '2024-05-02');
    const a = (await stores.stories.storyOf(a1))!;
    const b = (await stores.stories.storyOf(b1))!;
    assert.notEqual(a, b);

    await stores.follows.add(follow('c1', a), NOW);
    await stores.follows.add(follow('c1', b), NOW); // c1 follows both: one follow is left
    await stores.follows.add(follow('c2', b), NOW);
    await stores.follows.threads.anchor('telegram', 'c2', [b], 'm-9', null, NOW);
    const sub = (await stores.follows.alertChats(['telegram'])).find((s) => s.chat_id === 'c2')!;
    await stores.ledger.recordStories(sub.id, [{ storyId: b, articleCount: 1, outletCount: 1, lastUpdated: null }], NOW.toISOString());

    assert.equal(await mergeStories(stores, [b, a], NOW.toISOString()), Math.min(a, b));
    const kept = Math.min(a, b);
    const gone = Math.max(a, b);
    assert.equal(await stores.stories.storyOf(a1), kept);
    assert.equal(await stores.stories.storyOf(b1), kept);
    assert.equal(await stores.stories.title(gone), undefined);
    assert.equal(await stores.stories.memberCount(kept), 2);
    assert.deepEqual((await stores.follows.listByChat('telegram', 'c1')).map((f) => f.target), [String(kept)]);
    assert.deepEqual((await stores.follows.listByChat('telegram', 'c2')).map((f) => [f.target, f.label]), [[String(kept), `#${kept}`]]);
    assert.equal((await stores.follows.threads.get('telegram', 'c2', kept))?.message_id, 'm-9');
    assert.equal(await stores.follows.threads.get('telegram', 'c2', gone), undefined);
    assert.deepEqual([...(await stores.ledger.sentStories(sub.id)).keys()], [kept]);
    // The old number still answers, with the story that absorbed it.
    assert.equal(await stores.stories.resolveStory(gone), kept);
    assert.equal(await stores.stories.resolveStory(kept), kept);
    assert.equal((await buildStoryView(stores, gone))?.id, kept);
    assert.equal(await stores.stories.resolveStory(gone + 1000), undefined);
    assert.equal((await resolveFollowTarget(stores, `#${gone}`)).target, String(kept), '/follow of the old number follows the story kept');
  });
}
