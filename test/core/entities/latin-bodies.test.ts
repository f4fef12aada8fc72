import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeNames } from '../../../src/core/entities/recognize-names.ts';
import { spans } from './helpers.ts';

test('a body named in Latin letters and its Chinese kind is one organisation', () => {
  assert.ok(spans('生产仪器的TRW公司总裁说').includes('TRW公司/ORG'));
  assert.ok(spans('据NHK電視台報導').includes('NHK電視台/ORG'));
  assert.ok(spans('运输由 Dae Kwang 公司负责').includes('Dae Kwang 公司/ORG'));
  // A listed English name is that body.
  const google = recognizeNames('Google 公司今天说').find((s) => s.type === 'ORG');
  assert.equal(google?.name, '谷歌');
});

test('two letters, a count before the name, or a programme after 电视 make no body', () => {
  for (const text of ['很多IT公司都很忙', '他去了一家ABC公司面试', '获奖的HBO电视剧']) {
    assert.ok(!spans(text).some((s) => s.endsWith('/ORG')), `${text}: ${spans(text).join(' ')}`);
  }
});
