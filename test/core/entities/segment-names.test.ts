// tokenize reads each word's tag from memory instead of asking jieba's `tag` for every sentence:
// it must give exactly what `tag` gives, on news text of both scripts (converted to Simplified,
// as the recogniser feeds it) and on the kinds of word `tag` treats specially (Latin, digits).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { jiebaTokens, simplifiedSameLength, tokenize } from '../../../src/core/entities/segment-names.ts';

const lines = (path: string, n: number) => readFileSync(path, 'utf8').split('\n').filter(Boolean).slice(0, n);

test('tokenize gives jieba tag’s tokens and tags, sentence for sentence', () => {
  const texts = [
    ...lines('test/fixtures/dev/ner-zh/peoples-daily-1998-dev.jsonl', 400).map((l) => JSON.parse(l).text as string),
    ...lines('test/fixtures/dev/news-tw/covid-2021-12.jsonl', 60).flatMap((l) => String(JSON.parse(l).content ?? JSON.parse(l).text ?? '').split('\n')),
    '美國總統川普(Donald Trump)周三表示，COVID-19疫苗已在3月12日送達，BBC中文网报道了2021年的G7峰会。',
    '长江大桥上的南京市长江大桥，和结婚的和尚未结婚的。',
  ].filter((t) => /\p{Script=Han}/u.test(t));
  assert.ok(texts.length > 400, `only ${texts.length} texts read`);
  let words = 0;
  for (const text of texts) {
    const simp = simplifiedSameLength(text);
    const expected = jiebaTokens(simp);
    assert.deepEqual(tokenize(simp), expected, simp);
    words += expected.length;
  }
  assert.ok(words > 10_000, `only ${words} words compared`);
});
