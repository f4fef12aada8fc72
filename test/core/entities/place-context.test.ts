import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spans } from './helpers.ts';

test('a transliterated name is a place when its context says what kind of place it is', () => {
  assert.ok(spans('厄立特里亚首都阿斯马拉昨天举行了庆祝活动').includes('阿斯马拉/LOC'), 'after 首都');
  assert.ok(spans('比利时东部城市韦尔维耶发生了洪水').includes('韦尔维耶/LOC'), 'after 城市');
  assert.ok(spans('在弗拉诺瓦茨等4个村庄发生冲突').includes('弗拉诺瓦茨/LOC'), 'a list of villages');
  assert.ok(spans('泥石流冲毁了库卡尔特河堤坝').includes('库卡尔特河/LOC'), 'a river glued to the name');
});

test('a transliterated person stays a person', () => {
  assert.ok(spans('美国总统克林顿昨天说').includes('克林顿/PER'));
  assert.ok(spans('城市规划专家斯蒂芬森认为').some((s) => s.endsWith('/PER')));
});

test('a railway, an area or a border dispute is named by a place, whatever the name looks like', () => {
  assert.ok(spans('修建西安至安康铁路的决策').includes('安康/LOC'));
  assert.ok(spans('公正解决克什米尔争端').includes('克什米尔/LOC'));
  assert.ok(spans('英国雷丁地区的居民').includes('雷丁/LOC'));
});

test('a gas, a monetary system, an index or a make is no person; a phenomenon named after one still is', () => {
  assert.ok(!spans('曾使用沙林毒气').some((s) => s.endsWith('/PER')));
  assert.ok(!spans('类似布雷顿森林体系的国际金融体系').some((s) => s.endsWith('/PER')));
  assert.ok(!spans('撞坏了一辆桑塔纳').some((s) => s.endsWith('/PER')));
  assert.ok(spans('这正是特朗普现象的根源').includes('特朗普/PER'));
});

test('right after a county, city or state, a short name is a place in it', () => {
  assert.ok(spans('山西省左权县麻田的乡亲们常常念叨他').includes('麻田/LOC'));
  assert.ok(spans('在位于佐治亚州梅肯的实验室中').includes('梅肯/LOC'));
});

test('a transliterated name after a verb of going, or where something is held, is a place; in a list it is not', () => {
  assert.ok(spans('代表团今天抵达杜塞尔多夫').includes('杜塞尔多夫/LOC'));
  assert.ok(spans('会议在杜塞尔多夫举行').includes('杜塞尔多夫/LOC'));
  assert.ok(spans('他那年在图卢兹，写完了书').includes('图卢兹/LOC'));
  assert.ok(!spans('在丘吉尔、罗斯福之间').includes('丘吉尔/LOC'));
});

test("Hong Kong's three regions are listed places", () => {
  assert.ok(spans('他每天从新界去港岛上班').includes('新界/LOC'));
  assert.ok(spans('他每天从新界去港岛上班').includes('港岛/LOC'));
  assert.ok(spans('九龍的街頭').includes('九龍/LOC'));
});

test('a name with a division, region or farm right after it is that place, not a person', () => {
  assert.ok(spans('警方对莱克伍德县的法官展开调查').includes('莱克伍德县/LOC'));
  assert.ok(spans('阿尔萨斯大区区长出席了会议').includes('阿尔萨斯大区/LOC'));
  assert.ok(spans('如今，多福农庄已经扭亏为盈').includes('多福农庄/LOC'));
  // A title or body of the division after a person stays the person's (布什 州长, 克林顿 市长).
  assert.ok(spans('布什州长昨天说').includes('布什/PER'));
});

test('a drug named by its transliterated stem is no person', () => {
  assert.ok(!spans('医院给患者服用了瑞德西韦').some((s) => s.endsWith('/PER')));
  assert.ok(!spans('奥司他韦的库存充足').some((s) => s.endsWith('/PER')));
});
