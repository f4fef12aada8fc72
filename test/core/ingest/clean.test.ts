// Pure cleaners: credits, trailer codes, datelines, dates, captions, furniture markers, languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractCreditNotes, parseBylineLine, stripTrailerCode } from '../../../src/core/clean/credits.ts';
import { parseDatelineLine, parseParagraphDateline } from '../../../src/core/clean/dateline.ts';
import { findDateInText, parseDateValue } from '../../../src/core/clean/dates.ts';
import { isCaptionLine, isFurnitureMarker, parseTagLine } from '../../../src/core/clean/furniture.ts';
import { detectBaseLang, detectChineseScript, labelLanguages } from '../../../src/core/clean/language.ts';
import { detectOutletFromText, normalizeOutletLabel } from '../../../src/core/clean/outlets.ts';
import { tidyText } from '../../../src/core/ingest/html-blocks.ts';

test('translator and editor notes leave the paragraph; translators are kept', () => {
  const r = extractCreditNotes('會晤將於週二舉行。（譯者：何宏儒/核稿：王大明）');
  assert.equal(r.text, '會晤將於週二舉行。');
  assert.deepEqual(r.translators, ['何宏儒']);
  assert.deepEqual(r.editors, ['王大明']);
  assert.deepEqual(extractCreditNotes('完。（編輯：李小華）').editors, ['李小華']);
  assert.equal(extractCreditNotes('他說（中央社記者）不是署名。').text, '他說（中央社記者）不是署名。');
});

test('CNA trailer codes are removed only after closing punctuation', () => {
  assert.equal(stripTrailerCode('進行這項會晤。1121211'), '進行這項會晤。');
  assert.equal(stripTrailerCode('（編輯：張三）1140823'), '（編輯：張三）');
  assert.equal(stripTrailerCode('總額達1121211'), '總額達1121211');
  assert.equal(stripTrailerCode('人口約2300萬。'), '人口約2300萬。');
});

test('bylines give author names', () => {
  assert.deepEqual(parseBylineLine('記者張方瑀／綜合報導'), ['張方瑀']);
  assert.deepEqual(parseBylineLine('記者王小明、李大華／台北報導'), ['王小明', '李大華']);
  assert.deepEqual(parseBylineLine('聯合報／ 記者陳某某／即時報導'), ['陳某某']);
  assert.equal(parseBylineLine('記者會上他表示，這項計畫將延後。'), null);
});

test('datelines in both forms give place, day and agency', () => {
  const p = parseParagraphDateline('（中央社華盛頓10日綜合外電報導）白宮發言人表示');
  assert.deepEqual(p && { ...p.dateline, agency: p.agency, len: p.length }, { place: '華盛頓', day: 10, agency: '中央社', len: 17 });
  const r = parseParagraphDateline('（中央社記者林育立柏林5日專電）德國政府');
  assert.deepEqual(r && { d: r.dateline, a: r.authors }, { d: { place: '柏林', day: 5 }, a: ['林育立'] });
  assert.deepEqual(parseDatelineLine('中央社／ 基輔22日專電')?.dateline, { place: '基輔', day: 22 });
  assert.deepEqual(parseDatelineLine('中央社／ 柏林15日綜合外電報導')?.dateline, { place: '柏林', day: 15 });
  assert.equal(parseDatelineLine('中央社今天報導指出，會議延後'), null);
  assert.equal(parseParagraphDateline('（路透社報導指出）'), null);
});

test('dates: precision is honest, times need a known zone', () => {
  assert.deepEqual(parseDateValue('2023-12-10T21:28:00.000Z'), { iso: '2023-12-10T21:28:00.000Z', precision: 'datetime' });
  assert.deepEqual(parseDateValue('2016-09-08T15:04:43+02:00'), { iso: '2016-09-08T15:04:43+02:00', precision: 'datetime' });
  assert.deepEqual(parseDateValue('2020-05-23'), { iso: '2020-05-23', precision: 'date' });
  assert.equal(parseDateValue('2023-02-30'), null);
  assert.deepEqual(findDateInText('2025/08/23 10:11', '+08:00'), { iso: '2025-08-23T10:11:00+08:00', precision: 'datetime' });
  assert.deepEqual(findDateInText('2025/08/23 10:11', null), { iso: '2025-08-23', precision: 'date' });
  assert.deepEqual(findDateInText('2025年8月3日 下午2:05', '+08:00'), { iso: '2025-08-03T14:05:00+08:00', precision: 'datetime' });
  assert.equal(findDateInText('再斷言2026竹市長選舉走向', null), null);
});

test('captions, furniture markers and tag lines are recognised by shape', () => {
  assert.ok(isCaptionLine('▲川普18日還強調準備派遣美軍進駐烏克蘭。（圖／路透）'));
  assert.ok(isCaptionLine('烏克蘭總統澤倫斯基。圖／美聯社'));
  assert.ok(isCaptionLine('示意圖。（圖／取自免費圖庫Pixabay）'));
  assert.ok(isCaptionLine('The rail yard has been empty since 2009. (Courier photo)'));
  assert.ok(!isCaptionLine('他說：「這張圖表很清楚。」'));
  for (const m of ['延伸閱讀', '相關新聞', '商品推薦', 'udn討論區', '0 則留言', '熱門新聞', '關鍵字：', 'ET快訊', '※本文版權所有，非經授權，不得轉載。'])
    assert.ok(isFurnitureMarker(m), m);
  for (const body of ['北約急商對策', '川普立場大轉彎', '美國總統川普今天表示，相關新聞稿將於明天發布，並說明細節。'])
    assert.ok(!isFurnitureMarker(body), body);
  assert.deepEqual(parseTagLine('烏克蘭 俄羅斯 俄烏戰爭'), ['烏克蘭', '俄羅斯', '俄烏戰爭']);
  assert.equal(parseTagLine('美歐願給類似北約集體防禦機制 烏克蘭仍拒割地'), null);
  assert.equal(parseTagLine('他說，烏克蘭 俄羅斯'), null);
});

test('languages: English vs Chinese per paragraph, Simplified vs Traditional per article', () => {
  assert.equal(detectBaseLang('On the afternoon of October 17, Zelensky arrived.'), 'en');
  assert.equal(detectBaseLang('澤倫斯基（Volodymyr Zelenskyy）今天抵達白宮。'), 'zh');
  assert.equal(detectChineseScript('乌克兰总统泽连斯基今天表示，与华府会晤后局势已有所改善。'), 'zh-Hans');
  assert.equal(detectChineseScript('烏克蘭總統澤倫斯基今天表示，與華府會晤後局勢已有所改善。'), 'zh-Hant');
  const { paragraphs, languages } = labelLanguages(['烏克蘭總統今天表示，會談已有進展。', 'The talks made progress, the president said today.']);
  assert.deepEqual(paragraphs.map((p) => p.lang), ['zh-Hant', 'en']);
  assert.deepEqual(languages, ['zh-Hant', 'en']);
});

test('outlets from page marks and front-matter labels', () => {
  assert.equal(detectOutletFromText('…聯合新聞網有權逕予刪除文章…udn討論區'), '聯合新聞網');
  assert.equal(detectOutletFromText('東森新媒體控股股份有限公司ETtoday新聞雲 版權所有'), 'ETtoday');
  assert.equal(detectOutletFromText('no marks here'), null);
  assert.equal(normalizeOutletLabel('(臺)中央社CNA'), '中央社');
  assert.equal(normalizeOutletLabel('泡泡'), '泡泡');
});

test('layout whitespace between CJK characters is removed, word spaces stay', () => {
  assert.equal(tidyText('今天的\n   亚希莫夫 (Jachymov) 是一个\n  捷克小镇'), '今天的亚希莫夫 (Jachymov) 是一个捷克小镇');
  assert.equal(tidyText('  Hello \n  world  '), 'Hello world');
  assert.equal(tidyText('拜登支持率創新低 大選民調川普領先'), '拜登支持率創新低 大選民調川普領先');
});
