import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spans } from './helpers.ts';

test('a body named in quotation marks is one organisation, in either script', () => {
  assert.ok(spans('该国随后成立了“国家粮食安全委员会”，负责协调').includes('国家粮食安全委员会/ORG'));
  assert.ok(spans('代表们出席了“亚太青年发展论坛”的开幕式').includes('亚太青年发展论坛/ORG'));
  assert.ok(spans('消息由「海洋資源保育協會」發布').includes('海洋資源保育協會/ORG'));
});

test('a quoted phrase that is no name stays unmarked', () => {
  // Too short to be more than a kind of body, a phrase with 的, and a slogan opening with a verb.
  assert.ok(!spans('他们都想进“科技公司”工作').some((s) => s.endsWith('/ORG')));
  assert.ok(!spans('有人称之为“一个没有灵魂的中心”而已').some((s) => s.endsWith('/ORG')));
  assert.ok(!spans('示威者高喊“要求解散警察局”的口号').some((s) => s.includes('要求')));
});
