import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { curatedAliasRecords, loadCuratedAliases } from '../../../src/core/entities/alias-data.ts';
import { buildMatcher, expandScripts, findHits } from '../../../src/core/entities/matcher.ts';
import { findArticleMentions } from '../../../src/core/entities/find-mentions.ts';
import { extractRole } from '../../../src/core/entities/roles.ts';
import { editDistance } from '../../../src/core/entities/fuzzy.ts';
import { foldKey } from '../../../src/core/entities/fold.ts';
import { entityIdsInText } from '../../../src/core/entities/topics.ts';

const data = loadCuratedAliases();
const matcher = buildMatcher(expandScripts(curatedAliasRecords(data)), data.blockers);
const ids = (title: string, paragraphs: string[]) => findArticleMentions(matcher, title, paragraphs).map((m) => m.entityId).sort();
const gold = JSON.parse(readFileSync(new URL('../../fixtures/seeds.gold.json', import.meta.url), 'utf8')) as {
  articles: { file: string; title: string; paragraphs: string[]; entities: string[] }[];
};

test('every gold entity is found in the gold body of its seed', () => {
  for (const a of gold.articles) {
    const found = ids(a.title, a.paragraphs);
    for (const e of a.entities) assert.ok(found.includes(e), `${a.file}: ${e} not found (found ${found.join(', ')})`);
  }
});

test('Simplified and Traditional spellings, glued and spaced Latin names, all reach one entity', () => {
  assert.deepEqual(ids('', ['泽连斯基会见普京，吕特在场']), ['mark-rutte', 'putin', 'zelensky']);
  assert.deepEqual(ids('', ['澤連斯基、蒲亭與Zelenskiy']), ['putin', 'zelensky']);
  assert.deepEqual(ids('', ['秘書長呂特（MarkRutte）', 'Mark  Rutte said']), ['mark-rutte']);
  assert.equal(foldKey('Mark Rutte'), foldKey('MarkRutte'));
  assert.equal(foldKey('ＮＡＴＯ'), 'nato');
});

test('Latin aliases need word boundaries and the capitalisation of a name', () => {
  assert.deepEqual(ids('', ['He played a trump card; Trumpet sales rose.']), []);
  assert.deepEqual(ids('', ['Trump met Putin.']), ['putin', 'trump']);
  assert.deepEqual(ids('', ['un peu de NATO']), ['nato']);
  assert.deepEqual(ids('', ['The UN said']), ['un']);
  assert.deepEqual(ids('', ['Pope Pius XI wrote; Xi replied.']), ['xi-jinping']);
});

test('ambiguous and common aliases are settled by the article, and blockers are not mentions', () => {
  assert.deepEqual(ids('', ['美國國防部政策次長柯比表示，盟友應承擔更多。']), ['elbridge-colby', 'pentagon']);
  assert.deepEqual(ids('', ['白宮國安會發言人柯比說。']), ['john-kirby', 'white-house']);
  assert.deepEqual(ids('', ['柯比說了一句話。']), []);
  assert.deepEqual(ids('', ['凱恩斯主義經濟學']), []);
  assert.deepEqual(ids('', ['參謀長聯席會議主席凱恩上將']), ['dan-caine']);
});

test('mentions carry count, first body position, spellings and the role in front of the name', () => {
  const [m] = findArticleMentions(matcher, '澤倫斯基訪美', ['烏克蘭總統澤倫斯基今天表示', '澤連斯基說'], {
    hasRole: (id) => id === 'zelensky',
    anchors: (p) => findHits(matcher, p).map((h) => ({ start: h.start, end: h.end })),
  }).filter((x) => x.entityId === 'zelensky');
  assert.equal(m.count, 3);
  assert.equal(m.inTitle, true);
  assert.equal(m.firstPos, 5);
  assert.deepEqual(m.surfaces, ['澤倫斯基', '澤連斯基']);
  assert.equal(m.role, '烏克蘭總統');
});

test('roles: office words only, in Chinese and English', () => {
  assert.equal(extractRole('這場會議由國防部長'), '國防部長');
  assert.equal(extractRole('他說，'), null);
  assert.equal(extractRole('On Friday, Ukrainian President '), 'Ukrainian President');
  assert.equal(extractRole('he told '), null);
});

test('edit distance tolerates small misspellings', () => {
  assert.equal(editDistance('zelenski', 'zelensky'), 1);
  assert.equal(editDistance('zelesnky', 'zelensky'), 1);
  assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
});

test('entityIdsInText works without a database on the curated names', () => {
  assert.deepEqual(entityIdsInText('Zelensky and 川普 in Kyiv').sort(), ['kyiv', 'trump', 'zelensky']);
});
