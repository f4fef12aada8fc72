// The digest over articles stored the real way (storeArticle: entities, stories, search rows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NormalizedArticle } from '../../src/core/article.ts';
import { storeArticle } from '../../src/core/loader/store-article.ts';
import { subscribeCommand } from '../../commands/subscribe.ts';
import { runDueDigests } from '../../src/scheduler/run-due-digests.ts';
import { tempDb, scriptedAdapter, chat, quietLog } from './fixtures.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

/** TRANSITIONAL (stories branch): stores an article and waits for its queued story and event indexing. */
async function store(...args: Parameters<typeof storeArticle>): Promise<ReturnType<typeof storeArticle>> {
  const r = await storeArticle(...args);
  return r;
}

function article(title: string, paragraphs: string[], outlet: string, url: string, published: string, lang: 'zh-Hant' | 'zh-Hans' | 'en'): NormalizedArticle {
  return {
    shape: 'plain-text', title, url, outlet, agency: null, authors: [], translators: [], published_at: published, published_precision: 'datetime',
    dateline: null, languages: [lang], paragraphs: paragraphs.map((text) => ({ text, lang })), tags: [], related: [],
  };
}

test('a topic digest over really stored articles: the person in any script, nothing else', async () => {
  const t = tempDb();
  try {
    const at = new Date('2026-11-22T01:00:00Z');
    await storeArticle(sqliteStores(t.db), article('泽连斯基会见美国参议员', ['乌克兰总统泽连斯基在基辅会见到访的美国参议员。双方讨论了防空援助。'], '新华社', 'https://xinhua.example/a', '2026-11-21T08:30:00+08:00', 'zh-Hans'), { source_file: null, now: at });
    await storeArticle(sqliteStores(t.db), article('Zelenskyy meets US senators in Kyiv', ['President Volodymyr Zelenskyy met visiting US senators in Kyiv on Friday. They discussed air defence.'], 'Reuters', 'https://reuters.example/a', '2026-11-21T09:00:00+08:00', 'en'), { source_file: null, now: at });
    await storeArticle(sqliteStores(t.db), article('颱風康芮逼近東部', ['中央氣象署今天發布海上颱風警報，東部沿海注意強風豪雨。'], '中央社', 'https://cna.example/b', '2026-11-21T10:00:00+08:00', 'zh-Hant'), { source_file: null, now: at });
    await subscribeCommand.run({ args: { time: '08:00', topic: '澤倫斯基' }, lang: 'zh-TW', chat: chat('telegram', '42') }, { stores: sqliteStores(t.db), now: () => new Date('2026-11-21T03:00:00Z') });
    const tg = scriptedAdapter('telegram');
    await runDueDigests(sqliteStores(t.db), { telegram: tg }, new Date('2026-11-22T00:00:10Z'), { log: quietLog });
    assert.equal(tg.sent.length, 1);
    const d = tg.sent[0].reply;
    const text = JSON.stringify(d.items);
    assert.doesNotMatch(text, /颱風/);
    assert.equal(d.articles.length, 2, 'both articles about him are cited (once each)');
    assert.match(text, /新华社|Reuters/);
  } finally {
    t.cleanup();
  }
});
