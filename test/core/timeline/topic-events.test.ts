import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventIsAbout, topicMatcher } from '../../../src/core/timeline/build-timeline.ts';
import { extractEvents, isCaptionOrReference } from '../../../src/core/timeline/extract-events.ts';

const trump = topicMatcher(['特朗普', '川普', 'Trump']);

test('an event is about the topic when its sentence names it, in any script, or a pronoun follows a sentence naming it', () => {
  const para = '川普週二抵達東京。他19日與岸田會談，雙方簽署協議。同日，國會通過預算案。';
  assert.ok(eventIsAbout(trump, { text: '與岸田會談', paragraph_text: para }), 'pronoun right after the naming sentence');
  assert.ok(!eventIsAbout(trump, { text: '國會通過預算案', paragraph_text: para }), 'a later sentence about something else');
  assert.ok(eventIsAbout(trump, { text: '特朗普宣布退出協定', paragraph_text: '' }), 'Simplified 特朗普 in the phrase');
  const xi = topicMatcher(['习近平', 'Xi']);
  assert.ok(xi('Xi visited Tokyo') && !xi('Police in Xinjiang detained a taxi driver'), 'Latin names are whole words');
  assert.ok(eventIsAbout(trump, { text: '國會通過預算案', paragraph_text: para, lead: '川普訪日 簽署貿易協議' }), 'an article about him keeps its events');
});

test('captions and reference lines are not events; a clause keeps the date it cannot do without', () => {
  assert.ok(isCaptionOrReference('圖／美聯社 2021年3月5日，示威者在廣場集結'));
  assert.ok(isCaptionOrReference('[3] 王明：《中國近代史》，北京：人民出版社，1992年，頁45。'));
  assert.ok(!isCaptionOrReference('1992年3月5日，示威者在廣場集結，要求政府回應。'));
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
