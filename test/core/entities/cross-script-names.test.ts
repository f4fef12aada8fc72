import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { recognizeNames } from '../../../src/core/entities/recognize-names.ts';
import { linkArticleNames, nameKey, recognizeArticleNames } from '../../../src/core/entities/article-names.ts';
import { findListedLatinNames } from '../../../src/core/entities/latin-names.ts';
import { pinyinKey } from '../../../src/core/entities/found-entities.ts';
import { article, store, tempDb, who, spans } from './helpers.ts';
import { findTextEntities } from '../../../src/core/entities/text-entities.ts';

test('a name inside an organisation name is a mention of it too, outside the exact span', () => {
  const [branch] = recognizeNames('路透社伦敦分社报道');
  assert.equal(branch.text, '路透社伦敦分社');
  assert.deepEqual(branch.inner?.map((s) => `${s.text}/${s.type}`), ['路透社/ORG']);
  const [university] = recognizeNames('浙江大学的学生');
  assert.deepEqual(university.inner?.map((s) => `${s.text}/${s.type}`), ['浙江/LOC']);
  const paragraphs = ['腾讯科技有限公司今天发布财报。'];
  const { found } = linkArticleNames(recognizeArticleNames('', paragraphs), paragraphs, [], () => false);
  assert.deepEqual(found.map((f) => f.key).sort(), [nameKey('腾讯'), nameKey('腾讯科技有限公司')].sort());
});

test('a listed company after a common noun is named on its own; a name the HMM glued to a preposition is cut off it', () => {
  assert.deepEqual(spans('一名韩国巨头三星的代表说').filter((s) => !s.endsWith('/PER')), ['韩国/LOC', '三星/ORG']);
  assert.ok(spans('他跟吴敬琏见面').includes('吴敬琏/PER'));
  // A preposition before a dictionary word stays a preposition (在中国 is not a person 中国).
  assert.deepEqual(spans('他在中国工作'), ['中国/LOC']);
});

test('a paragraph labelled English that writes Chinese is read; one without Han characters is skipped', () => {
  const mixed = 'See https://example.org/a/very/long/path/that/makes/latin/dominate/the/paragraph 吴敬琏说 the economy slowed.';
  assert.ok(recognizeArticleNames('', [mixed], ['en']).paragraphs[0].some((s) => s.text === '吴敬琏'));
  assert.deepEqual(recognizeArticleNames('', ['Only English here.'], ['en']).paragraphs[0], []);
});

test('listed English names are whole capitalised words, and an unlisted or lower-case word is nothing', () => {
  const hits = findListedLatinNames('Samsung and Baidu Maps, not samsung; Sinai is a peninsula; Apple stays unlisted.');
  assert.deepEqual(hits.map((h) => `${h.surface}=${h.zh}/${h.type}`), ['Samsung=三星/ORG', 'Baidu=百度/ORG']);
});

test('Pinyin keys read a surname as a surname', () => {
  assert.equal(pinyinKey('单田芳'), 'shantianfang');
  assert.equal(pinyinKey('曾国藩'), 'zengguofan');
});

test('an English listed name and the Chinese name are one entity, whichever article comes first', async () => {
  const db = tempDb();
  const en = await store(db, 'a.txt', article('Phones', ['Samsung shipped fewer phones this quarter.']));
  const zh = await store(db, 'b.txt', article('手機', ['三星電子本季出貨下滑。', '三星表示將推出新機。']));
  const other = await store(db, 'c.txt', article('Fruit', ['Apple and samsung are not names here.']));
  const byEn = await who(db, 'samsung');
  const byZh = await who(db, '三星');
  assert.ok(byZh.entity && byEn.entity);
  assert.equal(byEn.entity.id, byZh.entity.id);
  assert.equal(byEn.match, 'alias');
  assert.deepEqual([...byZh.articles].sort(), [en, zh].sort());
  assert.ok(!byZh.articles.includes(other));
  db.close();
});

test('a Chinese person answers to Pinyin after a title word in an English paragraph', async () => {
  const db = tempDb();
  const zh = await store(db, 'a.txt', article('會議', ['經濟學家吳敬璉說，改革必須繼續。']));
  const en = await store(db, 'b.txt', article('Reform', ['Economist Wu Jinglian’s warning was widely read.']));
  const r = await who(db, 'Wu Jinglian');
  assert.ok(r.entity);
  assert.deepEqual([...r.articles].sort(), [zh, en].sort());
  db.close();
});

test('a Latin surname sounds like a transliteration only when consonants, nasal endings and vowels agree', async () => {
  const { latinSoundsLike } = await import('../../../src/core/entities/latin-sound.ts');
  for (const [latin, han] of [['Kissinger', '基辛格'], ['Churchill', '丘吉尔'], ['Merkel', '默克尔'], ['Zuckerberg', '扎克伯格'], ['Kennedy', '肯尼迪']]) assert.ok(latinSoundsLike(latin, han), `${latin} ${han}`);
  // A Chinese name, a common word and two syllables never match.
  for (const [latin, han] of [['Mozid', '毛泽东'], ['Palace', '布鲁斯'], ['Reagan', '里根'], ['Could', '卡瓦达']]) assert.ok(!latinSoundsLike(latin, han), `${latin} ${han}`);
});

test('a Latin spelling learned from an article that writes both names counts in other articles, earlier ones too', async () => {
  const db = tempDb();
  const before = await store(db, 'a.txt', article('Diplomacy', ['Kissinger met the premier in 1971.']));
  const both = await store(db, 'b.txt', article('外交', ['美國前國務卿亨利·基辛格訪問北京。', 'Kissinger later wrote about the trip.']));
  const other = await store(db, 'c.txt', article('Books', ['The kissinger sandwich is not a person here; Dickens is unrelated.']));
  const r = await who(db, 'Kissinger');
  assert.ok(r.entity);
  assert.equal(r.match, 'alias');
  assert.deepEqual([...r.articles].sort(), [before, both].sort());
  assert.ok(!r.articles.includes(other));
  db.close();
});

test('a three-character name the segmenter cut after two is whole when a verb of speech or a title says so', () => {
  assert.ok(spans('部長陳建仁說，疫苗足夠。').includes('陳建仁/PER'));
  assert.ok(spans('吳敬璉：改革不能停').some((s) => s === '吳敬璉/PER'));
});

test('regional variants of a listed name are one entity (澳洲 and 澳大利亞, and Australia)', async () => {
  const db = tempDb();
  const tw = await store(db, 'a.txt', article('澳洲疫情', ['澳洲單日確診創新高。']));
  const cn = await store(db, 'b.txt', article('入境', ['澳大利亚政府宣布放宽入境限制。']));
  const en = await store(db, 'c.txt', article('Covid', ['Australia reopened its borders.']));
  const ids = new Set<string>();
  for (const q of ['澳洲', '澳大利亚', 'Australia']) {
    const r = await who(db, q);
    assert.ok(r.entity, q);
    ids.add(r.entity.id);
    assert.deepEqual([...r.articles].sort(), [tw, cn, en].sort(), q);
  }
  assert.equal(ids.size, 1);
  db.close();
});

test('a listed English name glued to Chinese text is still a word', () => {
  assert.deepEqual(findListedLatinNames('追加劑可以選擇接種Moderna（半劑量）、Samsung手機').map((h) => h.zh), ['莫德纳', '三星']);
  assert.deepEqual(findListedLatinNames('Samsungs and XSamsung are not it'), []);
});

test('newsbot entities reads listed English names as ingest does', async () => {
  const db = tempDb();
  const es = await findTextEntities(sqliteStores(db), '三星和Samsung');
  assert.deepEqual(es.map((e) => [e.text, e.type, e.entity_id]), [
    ['三星', 'ORG', 'n:三星'],
    ['Samsung', 'ORG', 'n:三星'],
  ]);
  db.close();
});
