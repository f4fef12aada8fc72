import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanLead, countsDisagree, figureValue, leadParagraphs, leadTerms, titleCounts } from '../../../src/core/stories/lead-terms.ts';

test('figures are read however they are written', () => {
  assert.equal(figureValue('2,016'), 2016);
  assert.equal(figureValue('151.21萬'), 1512100);
  assert.equal(figureValue('2萬568'), 20568);
  assert.equal(figureValue('1萬5'), 15000, 'spoken form');
  assert.equal(figureValue('一萬八六八一'), 18681);
  assert.equal(figureValue('一八四八七'), 18487, 'a case number in a print edition');
  assert.equal(figureValue('五十'), 50);
  assert.equal(figureValue('十五'), 15);
});

test('bylines, photo credits and update stamps are not the news', () => {
  const s = cleanLead('市府公布足跡。（記者陳恩惠翻攝） 首次上稿 15:23更新時間 16:24 〔記者陳恩惠／桃園報導〕桃園市今天新增7例。請繼續往下閱讀...');
  assert.ok(!/記者|上稿|閱讀/.test(s), s);
  assert.ok(s.includes('桃園市今天新增7例'));
});

test('the web and print versions, and the English version, share their figures', () => {
  const web = leadTerms('桃園增3例', ['案18487為聯邦銀行行員家人，另有18681人完成篩檢。']);
  const print = leadTerms('桃園》新增三例', ['案一八四八七為聯邦銀行行員家人，另有一萬八六八一人完成篩檢。']);
  const shared = [...web.figures].filter((t) => print.figures.has(t));
  assert.equal(shared.length, 2);
  const zh = leadTerms('默沙東口服藥抵台', ['口服抗病毒藥Molnupiravir首批2016人份療程今日運抵台灣。']);
  const en = leadTerms('First Merck COVID-19 drug batch arrives', ['A first batch of 2,016 courses of molnupiravir arrived in Taiwan yesterday.']);
  assert.ok([...en.figures].some((t) => zh.figures.has(t)), '2,016 = 2016人份');
  assert.ok([...en.words].some((t) => zh.words.has(t)), 'molnupiravir');
  assert.equal(leadTerms('COVID-19（2019冠狀病毒疾病）', ['']).figures.size, 0, 'a year is not a figure of the event');
  const people = leadTerms('高雄', ['今確診個案增加8人']).terms;
  assert.ok(leadTerms('高雄', ['今又新增8例']).terms.some((t) => people.includes(t) && !leadTerms('高雄', ['']).terms.includes(t)), '8人 = 8例');
});

test('headlines giving different case counts are different events; rounding and other figures do not count', () => {
  assert.deepEqual(titleCounts('本土+13維持二位數 境外移入+25').sort((a, b) => a - b), [13, 25]);
  assert.ok(countsDisagree(titleCounts('日本單日確診逾4萬例'), titleCounts('東京單日暴增1萬2813確診')));
  assert.ok(countsDisagree(titleCounts('公牛第10人遭隔離'), titleCounts('拉文成為第9位被隔離球員')));
  assert.ok(!countsDisagree(titleCounts('高市增8確診 足跡33處大清消'), titleCounts('高雄+8都與港區群聚有關')));
  assert.ok(!countsDisagree(titleCounts('英國確診新增18萬9846例'), titleCounts('英國單日確診19萬例')), 'rounded to two digits');
  assert.ok(!countsDisagree(titleCounts('21期公費疫苗預約平台'), titleCounts('第21輪第3劑疫苗明起分流預約')), 'no counts: no veto');
  assert.deepEqual(titleCounts('美FDA批准COVID-19口服藥'), []);
});

test("an outlet's stock photo caption and byline opening the lead are not content; a lead that opens with prose keeps it", () => {
  const lead = '中央流行疫情指揮中心指揮官陳時中。（指揮中心提供）  〔記者林惠琴／台北報導〕國內今日新增36例境外移入，並且首見帛琉境外移入個案。';
  assert.equal(cleanLead(lead).trim(), '國內今日新增36例境外移入，並且首見帛琉境外移入個案。');
  const prose = '國內今日新增36例境外移入。陳時中表示將研議檢疫措施。';
  assert.equal(cleanLead(prose).trim(), prose);
});

test('the lead starts after the photo caption an outlet prints above it', () => {
  const lead = '〔記者方志賢／高雄報導〕高雄市昨確診個案增加八人。';
  assert.deepEqual(leadParagraphs(['高雄港區群聚感染擴大，篩檢站排了長長人龍。', '（臺灣港務公司提供）', lead, '下文']), [lead, '下文']);
  assert.deepEqual(leadParagraphs(['環保局今進行夢時代周邊環境清消。（記者陳文嬋攝）', lead]), [lead]);
  assert.deepEqual(leadParagraphs(['', 'Children play in a gallery in Taipei.', 'Photo: AP', 'The ministry said visits are suspended.']), ['The ministry said visits are suspended.']);
  const tt = ['', 'A baggage tug pulls a trailer loaded with pills.', 'Photo courtesy of a member of the public via CNA', '/ Staff writer, with CNA', 'A first batch arrived yesterday.'];
  assert.deepEqual(leadParagraphs(tt), ['A first batch arrived yesterday.'], 'caption, credit and byline');
  assert.deepEqual(leadParagraphs(['LEVEL 2 ALERT STAYS: restrictions stay', 'By Lee I-chia / Staff reporter', 'Hospital visits are suspended.']), ['LEVEL 2 ALERT STAYS: restrictions stay', 'Hospital visits are suspended.']);
  const plain = ['中央流行疫情指揮中心今(25)日公布國內新增38例確定病例。', '其中本土13例。'];
  assert.deepEqual(leadParagraphs(plain), plain, 'a report without a caption is read from its first paragraph');
});

test("a column label opening the headline is not the event's", () => {
  const terms = (title: string) => [...leadTerms(title, []).headline].sort();
  assert.deepEqual(terms('《TAIPEI TIMES》 Hospital visits are suspended'), terms('Hospital visits are suspended'));
  assert.deepEqual(terms('謠言終結站》打疫苗後血液有變化？'), terms('打疫苗後血液有變化？'));
  assert.notDeepEqual(terms('台南本土+2'), terms('本土+2'), 'a headline without a label keeps its words');
});

test('curated names spelled the Taiwanese and the mainland way give the same terms (普丁 / 普京, 澤倫斯基 / 泽连斯基)', () => {
  const tw = leadTerms('普丁與澤倫斯基', ['普丁、澤倫斯基']);
  const cn = leadTerms('普京与泽连斯基', ['普京、泽连斯基']);
  assert.deepEqual([...cn.terms].sort(), [...tw.terms].sort());
});
