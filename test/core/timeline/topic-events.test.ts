import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTimeline, eventIsAbout, topicMatcher } from '../../../src/core/timeline/build-timeline.ts';
import { openDatabase } from '../../../src/core/store/db.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { storeArticle } from '../../../src/core/loader/store-article.ts';
import { article } from '../stories/gold-articles.ts';
import { extractEvents, isCaptionOrReference } from '../../../src/core/timeline/extract-events.ts';

const trump = topicMatcher(['特朗普', '川普', 'Trump']);

const ev = (paragraphs: string[], published = '2025-03-10T08:00:00+08:00', lang: 'zh-Hant' | 'zh-Hans' | 'en' = 'zh-Hant') =>
  extractEvents({ paragraphs: paragraphs.map((text) => ({ text, lang })), published_at: published, dateline: null, languages: [lang] } as never);

test('an event is about the topic when its shown clause names it, in any script, or a pronoun follows a sentence naming it', () => {
  const para = '川普週二抵達東京。他19日與岸田會談，雙方簽署協議。20日，國會通過預算案。';
  const events = ev([para], '2025-03-21T08:00:00+08:00');
  const talks = events.find((e) => e.date === '2025-03-19')!;
  const budget = events.find((e) => /預算/.test(e.text))!;
  assert.equal(talks.text, '他與岸田會談，雙方簽署協議');
  assert.ok(eventIsAbout(trump, { text: talks.text, paragraph_text: para }), 'pronoun right after the naming sentence');
  assert.ok(!eventIsAbout(trump, { text: budget.text, paragraph_text: para }), 'a later sentence about something else');
  assert.ok(!eventIsAbout(trump, { text: '他人也在3月5日排隊購票', paragraph_text: '川普週二抵達東京。他人也在3月5日排隊購票。' }), '他人 is "others", not a pronoun for him');
  assert.ok(eventIsAbout(trump, { text: '特朗普宣布退出協定', paragraph_text: '' }), 'Simplified 特朗普 in the phrase');
  const xi = topicMatcher(['习近平', 'Xi']);
  assert.ok(xi('Xi visited Tokyo') && !xi('Police in Xinjiang detained a taxi driver'), 'Latin names are whole words');
  // The attribution is not shown (the report speaking), but it says whose words the event are.
  const said = '白宮表示，川普將於3月12日訪問日本。';
  const [visit] = ev([said]);
  assert.equal(visit.text, '川普將訪問日本');
  const spoke = '川普表示，美軍將於3月12日撤出該基地。';
  const [pullout] = ev([spoke]);
  assert.equal(pullout.text, '美軍將撤出該基地');
  assert.ok(eventIsAbout(trump, { text: pullout.text, paragraph_text: spoke }));
  // Only the speaker's clause counts, not every clause before the shown text.
  const family = '高端疫苗相當搶手，指揮官陳時中回應說，太太與兒子已於3月5日在捷運站接種。';
  const [shot] = ev([family]);
  assert.equal(shot.text, '太太與兒子已在捷運站接種');
  assert.ok(eventIsAbout(topicMatcher(['陳時中']), { text: shot.text, paragraph_text: family }));
  assert.ok(!eventIsAbout(topicMatcher(['高端']), { text: shot.text, paragraph_text: family }));
});

test('a clause naming the topic is shown whole: the dated sentence, not a clipped phrase', () => {
  const [e] = ev(['3月5日，兩國代表在東京簽署貿易協議，並同意成立工作小組定期檢討執行進度，川普出席簽字儀式並發表談話。']);
  assert.equal(e.text, '兩國代表在東京簽署貿易協議，並同意成立工作小組定期檢討執行進度，川普出席簽字儀式並發表談話');
  assert.ok(trump(e.text));
  // A long sentence is cut between clauses, never inside one.
  const long = '3月6日，' + Array.from({ length: 8 }, (_, i) => `第${i + 1}批物資由軍機運抵災區並交給地方政府分發`).join('，') + '。';
  const [l] = ev([long]);
  assert.ok([...l.text].length <= 80, l.text);
  assert.match(l.text, /^第1批物資由軍機運抵災區並交給地方政府分發，.*分發$/);
  assert.equal(ev(['继国安委之后，2月27日，中国又成立了网信领导小组。'], '2014-02-28T08:00:00+08:00', 'zh-Hans')[0].text, '继国安委之后，中国又成立了网信领导小组');
  // The date stays where the clause cannot do without it.
  assert.equal(ev(['石宇航订了1月20日6时40分的机票，准备回武汉。'], '2020-01-25T08:00:00+08:00', 'zh-Hans')[0].text, '石宇航订了1月20日6时40分的机票，准备回武汉');
});

test('/timeline X: a passing mention in a long essay adds none of its events; a report on X keeps those that name X', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-topic-'));
  const db = openDatabase(join(dir, 'x.db'));
  try {
    const stores = sqliteStores(db);
    const filler = '這段文字討論的是地方財政與產業轉型，與國際政治無關，只是讓這篇文章像一篇長篇評論那樣有足夠的篇幅。'.repeat(50);
    const essay = await storeArticle(stores, article('川普時代之後的地方財政', [
      '川普時代已經過去，但很多問題仍在。',
      '3月2日，縣議會通過了新的預算案，地方財政壓力稍微緩解。',
      filler,
      '3月4日，縣府宣布將出售部分公有土地以籌措財源。',
    ], { published_at: '2025-03-10T08:00:00+08:00' }), { source_file: 'essay.txt' });
    const report = await storeArticle(stores, article('川普訪日', ['川普3月5日抵達東京，與日本首相會談。', '3月6日，日本國會通過預算案。'], { published_at: '2025-03-07T08:00:00+08:00' }), { source_file: 'report.txt' });
    const tl = await buildTimeline(stores, [essay.id!, report.id!], 25, ['川普', '特朗普', 'Trump']);
    assert.deepEqual(tl.dated.map((e) => [e.date, e.text]), [['2025-03-05', '川普抵達東京，與日本首相會談']]);
    assert.equal((await buildTimeline(stores, [essay.id!, report.id!])).dated.length, 4, 'unfiltered, all four are events');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('captions and reference lines are not events; a clause keeps the date it cannot do without', () => {
  assert.ok(isCaptionOrReference('圖／美聯社 2021年3月5日，示威者在廣場集結'));
  assert.ok(isCaptionOrReference('[3] 王明：《中國近代史》，北京：人民出版社，1992年，頁45。'));
  assert.ok(!isCaptionOrReference('1992年3月5日，示威者在廣場集結，要求政府回應。'));
  // A Chinese Wikipedia reference: title, site, date, [accessed], archived.
  assert.ok(isCaptionOrReference('^ 雄安站定点班车运营服务中标公告. 中国河北政府采购网. 2020-10-16 [2023-01-24]. （原始内容存档于2023-01-24）.'));
  const events = extractEvents({
    paragraphs: [{ text: '截至1月5日，中國內地31個省份累計報告確診病例超過十萬例。', lang: 'zh-Hans' }],
    published_at: '2022-01-10T08:00:00+08:00',
    dateline: null,
    languages: ['zh-Hans'],
  } as never);
  assert.equal(events[0]?.date, '2022-01-05');
  assert.match(events[0].text, /^截至1月5日，中國內地31個省/);
});

test('dates resolve against a year the text states, not the publication year', () => {
  const events = extractEvents({
    paragraphs: [{ text: '1765年，英國國會通過印花稅法。3月22日，英王批准該法，引發殖民地強烈反彈。', lang: 'zh-Hant' }],
    published_at: '2021-06-01T08:00:00+08:00',
    dateline: null,
    languages: ['zh-Hant'],
  } as never);
  assert.deepEqual(events.map((e) => e.date), ['1765-03-22']);
});

test('a past-tense event is never dated after its report; 明天元旦 is 1 January; figurative 明天 is no date', () => {
  const ev = (text: string, published: string, lang = 'zh-Hant') =>
    extractEvents({ paragraphs: [{ text, lang }], published_at: published, dateline: null, languages: [lang] } as never).map((e) => e.date);
  assert.deepEqual(ev('On November 17, protesters repulsed police at the campus gates.', '2019-11-10T08:00:00Z', 'en'), ['2018-11-17']);
  assert.deepEqual(ev('On November 17, protesters will march to the campus gates again.', '2019-11-10T08:00:00Z', 'en'), ['2019-11-17']);
  // Saturday 2021-12-04: 週日 with a past cue is the Sunday before.
  assert.deepEqual(ev('示威者週日在市中心集結了數千人，警方事後逮捕多人。', '2021-12-04T10:00:00+08:00'), ['2021-11-28']);
  assert.deepEqual(ev('明天元旦，總統府前將舉行升旗典禮並開放民眾參加。', '2021-12-31T10:00:00+08:00'), ['2022-01-01']);
  assert.deepEqual(ev('我們相信美好的明天終會到來，大家要一起努力打拼。', '2021-12-31T10:00:00+08:00'), []);
});

test('a diary heading dates the entries below it; a stated year holds only in its paragraph', () => {
  const events = extractEvents({
    paragraphs: [
      { text: '1月19日，星期四', lang: 'zh-Hans' },
      { text: '今天上午，医院收治了第一批发热病人，大家连夜腾出两层病房。', lang: 'zh-Hans' },
      { text: '1992年，他第一次来到深圳。3月5日，他在那里创办了第一家公司。', lang: 'zh-Hans' },
      { text: '3月8日，新的隔离病区正式启用，医护人员全部到岗。', lang: 'zh-Hans' },
    ],
    published_at: '2020-06-30T08:00:00+08:00',
    dateline: null,
    languages: ['zh-Hans'],
  } as never);
  assert.deepEqual(events.map((e) => e.date), ['2020-01-19', '1992-03-05', '2020-03-08']);
});

test('English: captions are not events, and a clause keeps a date it cannot do without', () => {
  assert.ok(isCaptionOrReference('Shiyu, or Lion Islet, part of Kinmen County, is seen in front of the city of Xiamen, April 20, 2018.'));
  assert.ok(isCaptionOrReference('Secretary-General Antonio Guterres, third from left, attends a meeting with Chinese officials in Beijing, April 8, 2018.'));
  assert.ok(!isCaptionOrReference('Officials said on April 8, 2018, that the talks would resume in Beijing after the meeting.'));
  const ev = (text: string) =>
    extractEvents({ paragraphs: [{ text, lang: 'en' }], published_at: '2020-05-01T08:00:00Z', dateline: null, languages: ['en'] } as never).map((e) => e.text);
  assert.deepEqual(ev('As of April 24, Taiwan has reported 428 cases, much lower than its neighbours.'), ['As of April 24, Taiwan has reported 428 cases, much lower than its neighbours']);
  assert.deepEqual(ev('On January 22-23, the WHO debated whether to declare an emergency.'), ['The WHO debated whether to declare an emergency']);
});

test('wire captions, reference sections and inline citations give no events; the body around them does', () => {
  assert.ok(isCaptionOrReference('President Joe Biden and Chinese leader Xi Jinping shake hands as they meet on the sidelines of the G20 Summit in Nusa Dua, Bali, Indonesia, November 14, 2022.'));
  assert.ok(!isCaptionOrReference('The two leaders met in Bali, and officials said the talks would resume on November 14, 2022.'));
  assert.ok(!isCaptionOrReference('Talks resumed. Officials met in Bali, November 14, 2022.'), 'two sentences: prose, not a caption');
  assert.ok(isCaptionOrReference('See my interview with Ke, “Liberating China’s Past,” nybooks.com, March 29, 2017.'), 'an English footnote');
  assert.ok(isCaptionOrReference('参考资料：中国互联网络信息中心，是经国务院主管部门批准，于1997年6月3日成立的互联网管理和服务机构。'));
  const events = ev(
    [
      '2014年12月，新闻部发起宣传活动，其首要任务之一是创建社交媒体账户。[Shearlaw, Maeve (2 April 2015). "From Britain to Beijing" . The Guardian . Retrieved 4 February 2017.]',
      '3月2日，市议会通过新的预算案。',
      '注释',
      '3月5日，作者访问了档案馆。',
    ],
    '2015-03-10T08:00:00+08:00',
    'zh-Hans',
  );
  assert.deepEqual(events.map((e) => e.date), ['2015-03-02'], 'no event from the citation nor from below the notes heading');
});

test('the end of a period may be to come: 停課至2月7日 in a January report stays in February', () => {
  assert.deepEqual(ev(['幼兒園即日起停課至2月7日，家長須在家照顧幼童。'], '2022-01-25T10:00:00+08:00').map((e) => e.date), ['2022-02-07']);
  assert.deepEqual(ev(['截至2月7日，累計確診病例已超過一萬例。'], '2022-01-25T10:00:00+08:00').map((e) => e.date), ['2021-02-07'], '截至 is "as of": past');
});
