import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode, deserialize, labelsFromSpans, serialize, spansFromLabels, train, type Example } from '../../../../src/core/entities/ner/perceptron.ts';
import { charFeatures } from '../../../../src/core/entities/ner/features.ts';
import { nerModel, tagLabels, tagNames } from '../../../../src/core/entities/ner/tagger.ts';
import { analyseNames, recognizeNames } from '../../../../src/core/entities/recognize-names.ts';
import { plainTokens } from '../../../../src/core/entities/segment-names.ts';

/** Features and gold labels of a sentence, as the training script builds them. */
function example(text: string, spans: { start: number; end: number; type: string }[]): Example {
  const a = analyseNames(text);
  return { feats: charFeatures(a.simp, a.tokens, a.rules, plainTokens(a.simp)), labels: labelsFromSpans(text.length, spans) };
}

test('BIOES labels round-trip to spans', () => {
  const spans = [{ start: 0, end: 3, type: 'PER' }, { start: 4, end: 5, type: 'LOC' }, { start: 6, end: 8, type: 'ORG' }];
  assert.deepEqual(spansFromLabels(labelsFromSpans(9, spans)), spans);
});

test('the perceptron learns a tiny set and decodes it, also after serialising', () => {
  const data = [
    example('记者张敬涛报道北京消息', [{ start: 2, end: 5, type: 'PER' }, { start: 7, end: 9, type: 'LOC' }]),
    example('新华社记者王小明在上海报道', [{ start: 0, end: 3, type: 'ORG' }, { start: 5, end: 8, type: 'PER' }, { start: 9, end: 11, type: 'LOC' }]),
    example('今天天气很好', []),
  ];
  const model = train(data, { epochs: 10 });
  for (const ex of data) assert.deepEqual(decode(model, ex.feats), ex.labels);
  const back = deserialize(serialize(model, 4));
  for (const ex of data) assert.deepEqual(decode(back, ex.feats), ex.labels);
  // Decoding never leaves a name open, whatever the weights.
  const labels = decode(back, example('王小明', []).feats);
  assert.equal(spansFromLabels(labels).reduce((n, s) => n + s.end - s.start, 0), labels.filter((l) => l !== 0).length);
});

test('the shipped model loads and tags a plain sentence, in Simplified and Traditional', () => {
  assert.ok(nerModel(), 'seeds/ner-zh.json ships');
  const simp = '国务院总理李鹏今天在北京会见了美国客人。';
  const a = analyseNames(simp);
  const spans = tagNames(a.simp, a.tokens, a.rules) ?? [];
  assert.deepEqual(spans.map((s) => `${simp.slice(s.start, s.end)}/${s.type}`), ['国务院/ORG', '李鹏/PER', '北京/LOC', '美国/LOC']);
  const trad = '國務院總理李鵬今天在北京會見了美國客人。';
  assert.deepEqual(recognizeNames(trad, { tagger: true }).map((s) => `${s.text}/${s.type}/${s.start}`), ['國務院/ORG/0', '李鵬/PER/5', '北京/LOC/10', '美國/LOC/15']);
});

test('tagging by table gives the labels decoding the feature strings gives', () => {
  const model = nerModel()!;
  const texts = ['外交部发言人陈晓明今天在记者会上说，中美两国应当加强合作。', '《人民日报》记者从上海报道：浦东新区的一家公司昨天开业。', 'Apple 公司的库克（Tim Cook）周二抵达北京。', '天气'];
  for (const text of texts) {
    const a = analyseNames(text);
    assert.deepEqual(tagLabels(model, a.simp, a.tokens, a.rules), decode(model, charFeatures(a.simp, a.tokens, a.rules, plainTokens(a.simp))), text);
  }
});
