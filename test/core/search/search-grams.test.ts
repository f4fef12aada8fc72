// The 1–2 character grams PostgreSQL indexes for short terms: a short term is in the text exactly
// when it is one of the text's grams, wherever it stands (also as the last character).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { searchGrams, termBigrams } from '../../../src/core/search/search-grams.ts';
import { toIndexedForm } from '../../../src/core/search/search-text.ts';

test('every one- and two-character substring, once, blanks alone left out', () => {
  assert.deepEqual(searchGrams(' 川普 ').sort(), [' 川', '川', '川普', '普', '普 '].sort());
  const grams = new Set(searchGrams(toIndexedForm('這一切都取決於川普'), toIndexedForm('U.S. air defence')));
  for (const term of ['川普', '普', '取决', ' a', 'ai', 'u.']) assert.ok(grams.has(term), term);
  assert.ok(!grams.has(' '));
  assert.ok(!grams.has('  '));
  assert.ok(grams.has(' u')); // "u.s." starts a word
  assert.ok(!grams.has(' s'));
});

test('a longer term is narrowed by its two-character grams; astral characters count as one', () => {
  assert.deepEqual(termBigrams('泽伦斯基'), ['泽伦', '伦斯', '斯基']);
  assert.deepEqual(searchGrams('𠮷野').sort(), ['𠮷', '𠮷野', '野'].sort());
});
