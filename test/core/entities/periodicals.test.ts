import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeNames } from '../../../src/core/entities/recognize-names.ts';

const spans = (text: string) => recognizeNames(text).map((s) => `${s.text}/${s.type}`);

test('a paper or magazine named in title marks is an organisation, in either script', () => {
  assert.ok(spans('他在《大西洋月刊》发表文章').includes('大西洋月刊/ORG'));
  assert.ok(spans('據《朝日新聞》報導').includes('朝日新聞/ORG'));
  assert.ok(spans('英国《卫报》称').includes('卫报/ORG'));
});

test('books, films and columns in title marks are not papers', () => {
  assert.ok(!spans('他读了《战争与和平》').some((s) => s.endsWith('/ORG')));
  assert.ok(!spans('栏目有《过去的新闻》等').some((s) => s.endsWith('/ORG')));
});
