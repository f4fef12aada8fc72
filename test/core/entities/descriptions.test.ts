// Descriptions that end like names: counted or "some" bodies, weather and halves of a country ending
// like organisations, trades and anonymised people read as names, a district after 位于. Sentences
// written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeNames } from '../../../src/core/entities/recognize-names.ts';

const names = (t: string) => recognizeNames(t).map((s) => `${s.type}:${s.text}`);

test('a count with its classifier, or "some", before a body makes a description', () => {
  assert.deepEqual(names('她正在申請倫敦一所大學的碩士課程。'), ['LOC:倫敦']);
  assert.deepEqual(names('杭州一家连锁超市的店长告诉记者。'), ['LOC:杭州']);
  assert.ok(!names('部分醫院已暫停門診。').some((n) => n.startsWith('ORG')));
  assert.deepEqual(names('日本代表團抵達北京。'), ['ORG:日本代表團', 'LOC:北京'], 'a delegation stays a body');
});

test('weather systems and halves of a country end like bodies but are none', () => {
  assert.ok(!names('受強烈大陸冷氣團影響，北部氣溫明顯下降。').some((n) => n.startsWith('ORG')));
  assert.deepEqual(names('颱風外圍環流影響日本西半部。'), ['LOC:日本']);
  assert.deepEqual(names('國防部與外交部今天召開記者會。'), ['ORG:國防部', 'ORG:外交部']);
});

test('a trade, an anonymised 陳男 glued to the next word and a district after 位於 are not people', () => {
  assert.ok(!names('偏鄉照服員與居服員人力短缺。').some((n) => n.startsWith('PER:居服員')));
  assert.ok(!names('判決指出，林男自去年起多次詐騙。').includes('PER:林男自'));
  assert.ok(!names('工廠位於黃大仙一個工業區內。').includes('PER:黃大仙'));
  assert.deepEqual(names('作家張之路出席座談。'), ['PER:張之路'], 'a given name ending in 路 stays a name');
});
