import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTextEntities } from '../../../src/core/entities/text-entities.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { spans, tempDb } from './helpers.ts';

test('a paper or magazine named in title marks is an organisation, in either script', () => {
  assert.ok(spans('他在《大西洋月刊》发表文章').includes('大西洋月刊/ORG'));
  assert.ok(spans('據《朝日新聞》報導').includes('朝日新聞/ORG'));
  assert.ok(spans('英国《卫报》称').includes('卫报/ORG'));
});

test('books, films and columns in title marks are not papers', () => {
  assert.ok(!spans('他读了《战争与和平》').some((s) => s.endsWith('/ORG')));
  assert.ok(!spans('栏目有《过去的新闻》等').some((s) => s.endsWith('/ORG')));
});

test('a title that is a name alone names the person; a word with a surname in front does not', () => {
  assert.ok(spans('电视剧《朱元璋》至今仍受欢迎').includes('朱元璋/PER'));
  assert.ok(spans('看过《花木兰》后表示很喜欢').includes('花木兰/PER'));
  assert.ok(!spans('电影《薄荷糖》上映了').some((s) => s.endsWith('/PER')));
  assert.ok(!spans('他读过《周礼》和《隋书》').some((s) => s.endsWith('/PER')), 'two characters are as often a book');
});

test('a title or rank after a name, and where a person lives or what they did, close a dictionary name', () => {
  assert.ok(spans('贺龙元帅当时也为他题词').includes('贺龙/PER'));
  assert.ok(spans('这是一本有关李白生平的传略').includes('李白/PER'));
  assert.ok(spans('负责人在巴金家中介绍新馆').includes('巴金/PER'));
});

test('a periodical written as its title and what it is is one organisation, known by title and kind', async () => {
  assert.ok(spans('据美国《时代》周刊报道').includes('美国《时代》周刊/ORG'));
  assert.ok(spans('他为《哈泼斯》杂志撰稿').includes('《哈泼斯》杂志/ORG'));
  const db = tempDb();
  const es = await findTextEntities(sqliteStores(db), '据美国《时代》周刊报道，《时代周刊》称');
  assert.deepEqual(es.filter((e) => e.type === 'ORG').map((e) => e.entity_id), ['n:时代周刊', 'n:时代周刊'], 'one entity whichever way it is written');
  db.close();
});
