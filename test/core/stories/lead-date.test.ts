import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leadsDisagree, pieceKind, titleDays } from '../../../src/core/stories/lead-date.ts';

test('headlines naming different days of the month are different events; lengths of time are no days', () => {
  assert.deepEqual(titleDays('颱風來襲 6縣市23日停班停課'), [23]);
  assert.deepEqual(titleDays('美倡停火30日 基輔表態接受'), []);
  assert.deepEqual(titleDays('能源停火延長30日 為期3日的會談落幕'), []);
  const lead = (title: string) => ({ dates: [], counts: [], titleDays: titleDays(title) });
  assert.ok(leadsDisagree(lead('6縣市23日停班停課'), lead('24日停班停課一次看')));
  assert.ok(!leadsDisagree(lead('6縣市23日停班停課'), lead('明天放颱風假 北北基停班停課')), 'one headline naming no day decides nothing');
});

test('an editorial or a roundup of the week is never one report of the event it discusses', () => {
  assert.equal(pieceKind('社論：兩岸通話之後'), 'opinion');
  assert.equal(pieceKind('【評論】關稅休兵能走多遠'), 'opinion');
  assert.equal(pieceKind('觀點｜稀土許可的下一步'), 'opinion');
  assert.equal(pieceKind('一週大事懶人包：峰會、地震、颱風'), 'roundup');
  assert.equal(pieceKind('新闻早班车：今日要闻'), 'roundup');
  assert.equal(pieceKind('分析師看好半導體 股價創高'), 'report', 'a headline about analysts is a report');
  assert.equal(pieceKind('兩國元首通話 同意儘快再談'), 'report');
  const lead = (title: string) => ({ dates: [], counts: [], titleDays: [], kind: pieceKind(title) });
  assert.ok(leadsDisagree(lead('兩國元首通話 同意儘快再談'), lead('社論：兩國元首通話之後')));
  assert.ok(!leadsDisagree(lead('兩國元首通話 同意儘快再談'), lead('元首通話一個半小時 要求撤銷限制')));
});
