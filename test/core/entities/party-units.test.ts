import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spans } from './helpers.ts';

test('a party committee named by its unit is one organisation with it', () => {
  assert.ok(spans('去年他被调到山区任乡党委书记。').includes('乡党委/ORG'));
  assert.ok(spans('会上，厅党组成员逐一发言。').includes('厅党组/ORG'));
  assert.ok(spans('为了分流职工，站党委决定兴办实体。').includes('站党委/ORG'));
  assert.ok(spans('他至今仍担任着村党支部委员。').includes('村党支部/ORG'));
  assert.ok(spans('自治区党委常委、秘书长出席了会议。').includes('自治区党委/ORG'));
  assert.ok(spans('會上，廳黨組成員逐一發言。').includes('廳黨組/ORG'));
});

test('a committee with no unit before it is a role, and a village cut in two is not a unit', () => {
  assert.ok(!spans('公司实行董事长与党委书记一人兼任。').some((s) => s.startsWith('党委')));
  assert.ok(!spans('董事会、党委会分设以后，效率提高了。').some((s) => s.startsWith('党委')));
  assert.ok(!spans('公司實行董事長與黨委書記一人兼任。').some((s) => s.startsWith('黨委')));
  // 嘎 措乡/x: the committee is of a village the rules did not find; no half of its name is marked.
  assert.ok(!spans('嘎措乡党委书记由上级委派产生。').some((s) => s.includes('乡党委')));
});
