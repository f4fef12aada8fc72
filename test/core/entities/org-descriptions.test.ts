import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeNames } from '../../../src/core/entities/recognize-names.ts';
import { spans } from './helpers.ts';

test('a place and a kind of business, a continent and a team, or member states name no organisation', () => {
  assert.deepEqual(spans('这些美国公司的在京机构'), ['美国/LOC', '京/LOC']);
  assert.ok(!spans('他们惊呼中国航天怎么了').some((s) => s.endsWith('/ORG')));
  assert.ok(!spans('这支被淘汰的非洲球队').some((s) => s.endsWith('/ORG')));
  assert.ok(spans('特别是联合国安理会常任理事国在调整中').includes('联合国/ORG'));
  assert.ok(!spans('特别是联合国安理会常任理事国在调整中').some((s) => s.includes('理事国')));
});

test('an organisation ends before what follows it: both chambers, publishing, a field of study', () => {
  assert.ok(spans('参议院和国民议会两院议长会见了他').includes('国民议会/ORG'));
  assert.ok(spans('该书由华夏杂志社出版发行').includes('华夏杂志社/ORG'));
  assert.ok(spans('他是哥伦比亚大学英国文学教授').includes('哥伦比亚大学/ORG'));
});

test('councils and societies of a continent, a bank and a trading house stay organisations', () => {
  assert.ok(spans('欧洲隐私协会发表声明').includes('欧洲隐私协会/ORG'));
  assert.ok(spans('巴西队战胜了西班牙队').includes('巴西队/ORG'));
  assert.ok(spans('英美洋行当年在上海开业').includes('英美洋行/ORG'));
});

test('a department written right after its body is part of its name; words ending like one are not', () => {
  assert.ok(spans('中国外交部领事司提醒游客注意安全').includes('中国外交部领事司/ORG'));
  assert.ok(spans('联合国禁毒署署长在会上说').includes('联合国禁毒署/ORG'));
  assert.ok(spans('致公党中央主席主持会议').includes('致公党中央/ORG'));
  assert.ok(spans('他是外交部的上司').includes('外交部/ORG'));
});

test('a press named by its field or its own name is an organisation; a local press is not', () => {
  assert.ok(spans('这本书由译林出版社出版').includes('译林出版社/ORG'));
  assert.ok(spans('语文出版社安排他去休养').includes('语文出版社/ORG'));
  assert.ok(!spans('一些地方出版社也参与了').some((s) => s.endsWith('/ORG')));
});

test('households, public places and powers the dictionary tags as organisations are none', () => {
  assert.ok(!spans('禁止在公共场所吸烟').some((s) => s.endsWith('/ORG')));
  assert.ok(!spans('这对普通家庭来说不是小事').some((s) => s.endsWith('/ORG')));
  assert.ok(!spans('昔日的超级大国地位').some((s) => s.endsWith('/ORG')));
});

test('a name right before an organisation names it, unless the organisation is named on its own', () => {
  assert.ok(spans('他参加了萨帕塔全国民族解放军的训练').includes('萨帕塔全国民族解放军/ORG'));
  assert.ok(spans('麦肯锡全球研究所发布报告').includes('麦肯锡全球研究所/ORG'));
  assert.ok(spans('特朗普白宫发布声明').includes('白宫/ORG'));
});

test('a consulate named by its city or country is an organisation, with the place inside', () => {
  const found = recognizeNames('记者在伊斯坦布尔沙特领事馆外等候');
  const consulate = found.find((s) => s.text.endsWith('领事馆'));
  assert.equal(consulate?.type, 'ORG');
  assert.ok(consulate?.inner?.some((s) => s.type === 'LOC'), 'the place is a mention too');
});

test('a bank right after its country or region is that bank', () => {
  assert.ok(spans('第四大银行美洲银行宣布合并').includes('美洲银行/ORG'));
});

test("China's major steelmakers and the World Bank by their short names are organisations", () => {
  assert.ok(spans('包钢完成了对公司的全部股份收购').includes('包钢/ORG'));
  assert.ok(spans('企业学习邯钢经验的报道').includes('邯钢/ORG'));
  assert.ok(spans('共接受世行贷款26亿美元').includes('世行/ORG'));
});

test('counts, kinds of school, the Party as an object and border areas are no organisation; party congresses and parties are', () => {
  assert.ok(!spans('金泽洙苦战五局以三比二获胜').some((s) => s.endsWith('/ORG')));
  assert.ok(!spans('正在火头上的函大、夜大').some((s) => s.endsWith('/ORG')));
  assert.ok(!spans('集中体现了热爱党、热爱祖国的精神').some((s) => s.startsWith('热爱党')));
  assert.ok(!spans('要加强对新时期党的历史的研究').some((s) => s.endsWith('/ORG')));
  assert.ok(spans('车站位于河南、山西交界处').includes('山西/LOC'));
  assert.ok(spans('全面贯彻党的十五大精神').includes('十五大/ORG'));
  assert.ok(spans('英国保守党领袖发表讲话').some((s) => s.includes('保守党') && s.endsWith('/ORG')));
});

test('a team fielded by countries listed right before it is one organisation, the countries inside', () => {
  const found = recognizeNames('中国、斯洛伐克联合登山队第一次冲击顶峰');
  const team = found.find((s) => s.type === 'ORG');
  assert.equal(team?.text, '中国、斯洛伐克联合登山队');
  assert.deepEqual(team?.inner?.map((s) => s.text), ['中国', '斯洛伐克']);
  assert.ok(spans('中、斯联合登山队将认真总结').includes('中、斯联合登山队/ORG'));
});

test('国际, 国家, 世界 or 全球 and what a body does name the body, even when its last word alone is generic', () => {
  assert.ok(spans('他表示，国际海洋法院的裁决应得到尊重').includes('国际海洋法院/ORG'));
  assert.ok(spans('世界旅游论坛今年在马德里召开').includes('世界旅游论坛/ORG'));
  assert.ok(spans('国家航天机构随后发布了报告').includes('国家航天机构/ORG'));
  // An international agency of a kind is no name, nor is a body counted.
  assert.ok(!spans('政府将与国际金融机构合作').some((s) => s.endsWith('/ORG')));
  assert.ok(!spans('有两个国际调查小组抵达').some((s) => s.includes('小组')));
});

test('a legislature with its term, a short name with 组织, and the democratic parties by their short names are one body each', () => {
  assert.ok(spans('这项法律由第九届全国人大通过').includes('第九届全国人大/ORG'));
  assert.ok(spans('草案已提交十届人大常委会审议').includes('十届人大常委会/ORG'));
  assert.ok(spans('他批评北约组织在东欧的扩张').includes('北约组织/ORG'));
  assert.ok(spans('民盟中央副主席出席了会议').includes('民盟中央/ORG'));
  assert.ok(spans('会上，九三学社和民革的代表发言').includes('民革/ORG'));
  // A party secretary's term is no part of the committee's name.
  assert.ok(spans('这里先后换了三届县委书记').includes('县委/ORG'));
});

test('the Duma is a parliament, not a person, with its committees and factions', () => {
  assert.ok(spans('杜马国际事务委员会主席发出警告').includes('杜马国际事务委员会/ORG'));
  assert.ok(!spans('杜马昨天通过了预算').some((s) => s.endsWith('/PER')));
});

test('a kind of body named bare is no organisation; a name ending in one is', () => {
  assert.ok(!spans('他们组成了联盟，对抗上市公司').some((s) => s.endsWith('/ORG')));
  assert.ok(spans('美国公民自由联盟提起诉讼').includes('美国公民自由联盟/ORG'));
});

test("a body's party group and its branches are part of its name", () => {
  assert.ok(spans('这与市国税局党组书记的表态有关').some((s) => s.endsWith('国税局党组/ORG')));
  assert.ok(spans('展览由中国国际贸易促进委员会上海市分会主办').includes('中国国际贸易促进委员会上海市分会/ORG'));
});

test('a verb ending in 办 after a body is what it does, not its name (主办, 承办)', () => {
  assert.ok(spans('活动由联合国主办').includes('联合国/ORG'));
  assert.ok(!spans('活动由联合国主办').some((s) => s.includes('主办')));
});

test('a team named only by its kind is no organisation; a club or a country team is', () => {
  for (const text of ['各参赛队昨天抵达，医疗队和军乐队也到了', '学校新成立了篮球队']) {
    assert.ok(!spans(text).some((s) => s.endsWith('/ORG')), `${text}: ${spans(text).join(' ')}`);
  }
  assert.ok(spans('中国队昨天击败了对手').includes('中国队/ORG'));
});
