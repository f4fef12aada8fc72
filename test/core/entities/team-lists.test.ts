import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spans } from './helpers.ts';

test('countries a sports report lists as teams are organisations', () => {
  const group = spans('小组赛结束，b组的荷兰、墨西哥、比利时出线');
  for (const c of ['荷兰', '墨西哥', '比利时']) assert.ok(group.includes(`${c}/ORG`), `${c} in ${group}`);
  const closed = spans('他们在对法国、德国等强队时都输了');
  assert.ok(closed.includes('法国/ORG') && closed.includes('德国/ORG'), closed.join(' '));
  assert.ok(spans('其中，巴西和阿根廷队实力最强').includes('巴西/ORG'));
});

test('countries in other lists stay places', () => {
  const places = spans('除了美国、日本等国家以外，法国和德国也表态');
  for (const c of ['美国', '日本', '法国', '德国']) assert.ok(places.includes(`${c}/LOC`), `${c} in ${places}`);
});
