import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeText, foldForMatch } from '../../src/core/text/normalize.ts';
import { toTraditional, toSimplified } from '../../src/core/text/script.ts';

test('normalizeText folds full-width Latin and digits and drops zero-width characters', () => {
  assert.equal(normalizeText('ＮＡＴＯ\u200b ２０２５  年'), 'NATO 2025 年');
});

test('foldForMatch removes case and diacritics', () => {
  assert.equal(foldForMatch('Šefčovič ZELENSKYY'), 'sefcovic zelenskyy');
});

test('opencc converts characters both ways, not transliterations', () => {
  assert.equal(toTraditional('泽连斯基'), '澤連斯基');
  assert.equal(toSimplified('澤倫斯基'), '泽伦斯基');
});
