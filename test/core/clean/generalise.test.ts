// The line- and name-level rules that make extraction work on outlets never seen: each on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDateInText } from '../../../src/core/clean/dates.ts';
import { findBylineIn, isBareNameLine, parseBylineLine } from '../../../src/core/clean/credits.ts';
import { isOrganisationName } from '../../../src/core/clean/outlets.ts';
import { isCaptionLine, isFurnitureMarker } from '../../../src/core/clean/furniture.ts';
import { trimBodyEnds } from '../../../src/core/clean/trim-body.ts';
import { classifyLine, isTitleLike } from '../../../src/core/ingest/text-lines.ts';

const short = (text: string) => ({ text, n: 0, kind: classifyLine(text) });

test('date lines: slashes, dashes, ROC years, a time glued before the day; the zone is the caller’s', () => {
  assert.equal(findDateInText('2018/09/12 11:14', '+08:00')?.iso, '2018-09-12T11:14:00+08:00');
  assert.equal(findDateInText('11:142018/09/12', '+08:00')?.iso, '2018-09-12T11:14:00+08:00');
  assert.equal(findDateInText('2019-03-18 23:59聯合報 記者陳嘉寧／桃園機場報導', '+08:00')?.iso, '2019-03-18T23:59:00+08:00');
  assert.equal(findDateInText('113年12月29日', null)?.iso, '2024-12-29');
  assert.equal(findDateInText('中華民國113年12月29日 下午 3:05', '+08:00')?.iso, '2024-12-29T15:05:00+08:00');
  assert.equal(findDateInText('2024-05-20T13:15:00', '+08:00')?.iso, '2024-05-20T13:15:00+08:00');
  assert.equal(findDateInText('2018/09/12 11:14', null)?.iso, '2018-09-12');
});

test('headline candidates: never a font-size widget, a time line, a date+byline line, a breadcrumb or a share prompt', () => {
  for (const t of ['小 中 大', '11:142018/09/12', '2019-03-18 23:59聯合報 記者陳嘉寧／桃園機場報導', '首頁 > 生活', '分享至好友和朋友圈', '59625'])
    assert.equal(isTitleLike(short(t)), false, t);
  for (const t of ['流感疫情升溫 疾管署籲高風險族群速接種疫苗', '《热辣滚烫》贾玲瘦了100斤，她说：“我的减重非常健康”，怎么做到的？', 'Talks resume in Geneva'])
    assert.equal(isTitleLike(short(t)), true, t);
});

test('bylines: with a role word, without one, inside a date line, in opening brackets; desks and outlets are not people', () => {
  assert.deepEqual(parseBylineLine('記者林佳慧／台北報導'), ['林佳慧']);
  assert.deepEqual(parseBylineLine('陳君碩／台北報導'), ['陳君碩']);
  assert.deepEqual(parseBylineLine('〔記者楊綿傑／台北報導〕'), ['楊綿傑']);
  assert.deepEqual(findBylineIn('2019-03-18 23:59聯合報 記者陳嘉寧／桃園機場即時報導')?.authors, ['陳嘉寧']);
  assert.deepEqual(findBylineIn('〔記者王小明、李大華／台中報導〕市府今天宣布')?.authors, ['王小明', '李大華']);
  for (const org of ['自由時報', '聯合新聞網', 'ETtoday新聞雲', '生活中心', '中國時報', 'Central News Agency', '三立新聞網'])
    assert.equal(isOrganisationName(org), true, org);
  for (const person of ['陳君碩', 'Jane Doe', '史蒂文的家_藍天 (stevenhgm)']) assert.equal(isOrganisationName(person, ['史蒂文的家_藍天']), false, person);
  assert.equal(isBareNameLine('陳君碩'), true);
  assert.equal(isBareNameLine('分享'), false);
  assert.equal(isBareNameLine('中國時報'), false);
});

test('captions, credits and block markers by their shape', () => {
  for (const t of ['Hector Retamal—AFP/Getty Images', 'Timothy A. Clary—AFP/Getty Images', 'Photo: Visual China Group via Getty Images', '图为停车场道闸 资料图', '立法院會20日三讀通過少子化對策條例。中央社記者王德心攝　113年5月20日'])
    assert.equal(isCaptionLine(t), true, t);
  assert.equal(isCaptionLine('市府今天宣布新的停車管理辦法，將於下個月起實施，違規者最高可罰新台幣三千元。'), false);
  assert.equal(isCaptionLine('Officials said the talks would resume next week, according to a report by AP.'), false);
  assert.equal(isCaptionLine('The report was confirmed by AP.'), false);
  for (const t of ['您可能感兴趣的文章', '特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。', '39健康网(www.39.net)专稿，未经书面授权请勿转载。', '热门推荐'])
    assert.equal(isFurnitureMarker(t), true, t);
});

test('body ends: a related list after a marker goes, an ad label mid-article cuts nothing', () => {
  const prose = (n: number) => `這是第${n}段的內容，市府今天說明了計畫的細節，包括預算、工期以及居民最關心的交通與停車問題。`;
  const body = [prose(1), prose(2), prose(3), '相關新聞', '颱風外圍環流發威 花東豪雨', '國軍完成防颱整備 隨時待命'];
  assert.deepEqual(trimBodyEnds(body), [prose(1), prose(2), prose(3)]);
  const withAd = [prose(1), '廣告', prose(2), prose(3)];
  assert.deepEqual(trimBodyEnds(withAd), withAd);
  const withHead = ['2024/03/05 14:20', '小 中 大', prose(1), prose(2)];
  assert.deepEqual(trimBodyEnds(withHead), [prose(1), prose(2)]);
});

test('今(25)日 dates a dump that prints no date line, from the page address or a date of that day elsewhere on the page', async () => {
  const { parseDocument } = await import('../../../src/core/ingest/parse-document.ts');
  const body = '衛福部今(25)日公布最新疫情，上週新增本土病例較前一週下降百分之十二，疫情趨緩，但仍呼籲民眾維持良好衛生習慣。';
  const more = '疾管署表示，春節假期人潮移動頻繁，出入公共場所仍應佩戴口罩，有症狀者應儘速就醫並在家休息。';
  const page = (extra: string) => ['首頁', '生活', '疫情趨緩 衛福部仍籲維持衛生習慣', '記者王小明／台北報導', body, more, '延伸閱讀', extra].join('\n');
  const a = parseDocument(Buffer.from(page('原文網址：https://news.example.tw/news/20241225/4321')), 'today.txt');
  assert.equal(a.published_at, '2024-12-25');
  const b = parseDocument(Buffer.from(page('別的新聞 2024/12/24')), 'today2.txt');
  assert.equal(b.published_at, null);
});
