import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spans } from './helpers.ts';

test("a married woman's name keeps her husband's surname before her own", () => {
  assert.ok(spans('行政長官林鄭月娥今日宣布').includes('林鄭月娥/PER'));
  assert.ok(spans('支持林郑月娥的人').includes('林郑月娥/PER'));
  // A surname that ends the word before is not taken (树林 王小明), nor is anything after a pronoun or preposition.
  assert.deepEqual(spans('他和王小明一起去'), ['王小明/PER']);
  assert.ok(spans('树林王小明说').includes('王小明/PER'));
});
