import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spans } from './helpers.ts';

test('a person named by one character of a fixed abbreviation is a mention of that person', () => {
  assert.deepEqual(spans('印尼队再次夺得汤杯').filter((s) => s.endsWith('/PER')), ['汤/PER']);
  assert.deepEqual(spans('本届汤尤杯赛在香港举行').filter((s) => s.endsWith('/PER')), ['汤/PER', '尤/PER']);
  assert.deepEqual(spans('他们认真学习马列主义').filter((s) => s.endsWith('/PER')), ['马/PER', '列/PER']);
  assert.deepEqual(spans('越剧《梁祝》再次上演').filter((s) => s.endsWith('/PER')), ['梁/PER', '祝/PER']);
});

test('the same characters inside other words name nobody', () => {
  assert.ok(!spans('赛马列入了比赛项目').some((s) => s.endsWith('/PER')));
  assert.ok(!spans('桌上放着一个汤杯').some((s) => s.endsWith('/PER')));
});
