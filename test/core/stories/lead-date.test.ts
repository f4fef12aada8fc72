import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leadsDisagree, titleDays } from '../../../src/core/stories/lead-date.ts';

test('headlines naming different days of the month are different events; lengths of time are no days', () => {
  assert.deepEqual(titleDays('颱風來襲 6縣市23日停班停課'), [23]);
  assert.deepEqual(titleDays('美倡停火30日 基輔表態接受'), []);
  assert.deepEqual(titleDays('能源停火延長30日 為期3日的會談落幕'), []);
  const lead = (title: string) => ({ dates: [], counts: [], titleDays: titleDays(title) });
  assert.ok(leadsDisagree(lead('6縣市23日停班停課'), lead('24日停班停課一次看')));
  assert.ok(!leadsDisagree(lead('6縣市23日停班停課'), lead('明天放颱風假 北北基停班停課')), 'one headline naming no day decides nothing');
});
