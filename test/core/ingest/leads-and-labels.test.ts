// More conventions of outlets the loader was not built against: day-first slashed dates, a short
// Chinese lead printed outside the body's box, ad labels in Simplified Chinese, a columnist's name
// put before the headline in <title> only, a script's local publication time, bulleted summary
// points above a dump's byline, and a copyright label before the ©. Every page here is invented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDateInText } from '../../../src/core/clean/dates.ts';
import { outletFromCopyright, wireOffset } from '../../../src/core/clean/outlets.ts';
import { findBylineIn, isSourceCredit, parseBylineLine } from '../../../src/core/clean/credits.ts';
import { isFurnitureMarker, isInterruption, isPromoSlot } from '../../../src/core/clean/furniture.ts';
import { parseOpeningDateline } from '../../../src/core/clean/dateline.ts';
import { isWidgetLine } from '../../../src/core/ingest/text-lines.ts';
import { parseDocument } from '../../../src/core/ingest/parse-document.ts';

const texts = (a: { paragraphs: { text: string }[] }) => a.paragraphs.map((p) => p.text);

const BODY = [
  '省交通厅在通报中表示，新线路开通后两地通勤时间将缩短一半，早晚高峰加开班次，票价维持不变。',
  '沿线多个县市已着手调整公交接驳方案，部分车站将新增停车场和自行车停放点，方便乘客换乘。',
  '有专家提醒，新线路客流初期可能低于预期，运营方应根据实际数据调整班次，避免资源闲置。',
];

test('day-first slashed dates (18/06/2024 - 10:32), month first only when the second number cannot be a month', () => {
  assert.deepEqual(findDateInText('发表时间 : 18/06/2024 - 10:32 (巴黎时间)', '+08:00'), { iso: '2024-06-18T10:32:00+02:00', precision: 'datetime' });
  assert.deepEqual(findDateInText('刊出 05/03/2024', null), { iso: '2024-03-05', precision: 'date' });
  assert.deepEqual(findDateInText('Posted 06/18/2024 14:05', '+08:00'), { iso: '2024-06-18T14:05:00+08:00', precision: 'datetime' });
  assert.equal(findDateInText('比分 3/4/2024 不是', null)?.iso, '2024-04-03');
  assert.equal(findDateInText('12/31/20245', null), null, 'five digits are no year');
});

test('HTML: a short Chinese lead beside the body box is kept; an ad label inside the body is dropped', () => {
  const html = `<!doctype html><html lang="zh-CN"><head><title>新线路下月开通 - 某某广播</title></head><body>
<header><a href="/">某某广播</a><ul><li><a href="/a">国际</a></li><li><a href="/b">财经</a></li></ul></header>
<main><article><h1>新线路下月开通</h1>
<div class="dates"><p>发表时间 : <time datetime="2024-06-18T08:32:00+00:00">18/06/2024 - 10:32</time></p></div>
<p class="lead">两地之间的城际铁路将于下月底开通，全程约四十分钟。</p>
<div class="content-body"><p>${BODY[0]}</p><div class="slot"><span>广告</span></div><p>${BODY[1]}</p><p>${BODY[2]}</p></div>
</article></main><footer><p>版权所有</p></footer></body></html>`;
  const a = parseDocument(Buffer.from(html), 'lead.html');
  assert.deepEqual(texts(a), ['两地之间的城际铁路将于下月底开通，全程约四十分钟。', ...BODY]);
});

test('a text dump: a Simplified ad label between paragraphs is skipped', () => {
  const dump = ['某某新闻网', '首页', '国际', '财经', '新线路下月开通', '2024-06-18 10:32', BODY[0], '广告', BODY[1], BODY[2], '相关新闻', '另一条新闻的标题在这里', '版权所有 © 2024 某某新闻网'].join('\n');
  const a = parseDocument(Buffer.from(dump), 'ad.txt');
  assert.deepEqual(texts(a), BODY);
});

test("HTML: a columnist's name before the headline in <title> only; the script's local publication time", () => {
  const html = `<!doctype html><html lang="zh-CN"><head><title>王思远：新线路开通之后，更要算清运营账_某某网</title>
<script>var pubTime = "2024-04-12 07:55:19";</script></head><body>
<div class="author-info"><p class="author-name"><a href="/wsy">王思远</a></p><p class="author-desc">城市交通研究员。</p></div>
<h3>新线路开通之后，更要算清运营账</h3><div class="time"><span>字号：A+ A-</span></div>
<div class="all-txt"><p>【文/某某网专栏作者 王思远】${BODY[0]}</p><p>${BODY[1]}</p><p>${BODY[2]}</p></div></body></html>`;
  const a = parseDocument(Buffer.from(html), 'column.html');
  assert.equal(a.title, '新线路开通之后，更要算清运营账');
  assert.equal(a.published_at, '2024-04-12T07:55:19+08:00');
});

test("a text dump: bulleted summary points are not the headline; a copyright label is not the outlet", () => {
  const dump = ['某某早報中文網', '香港', '中國', '國際', '經濟', '科技', '觀點', '港府推新措施 科研人員簽證延長', '• 容許配偶在港工作', '• 議員要求公布數據',
    '發佈時間：2024年6月18日 16:20', '港府周二公布新一輪人才引進措施，將符合資格的科研人員簽證年期由兩年延長至三年，並容許其配偶在港工作。',
    '勞工及福利局官員表示，過去一年經各類人才計劃來港的人士中，約三成從事創新科技相關工作，但不少人反映續期程序繁複。',
    '版權所有 © 2024 Some Morning Post Publishers Ltd.'].join('\n');
  const a = parseDocument(Buffer.from(dump), 'bullets.txt');
  assert.equal(a.title, '港府推新措施 科研人員簽證延長');
  assert.equal(outletFromCopyright('版權所有 © 2024 Some Morning Post Publishers Ltd.'), null);
  assert.equal(outletFromCopyright('© 2024 某某日報 版權所有'), '某某日報');
});

test('a zone between the day and the time; a date and time joined by a dash', () => {
  assert.deepEqual(findDateInText('2024-04-18 HKT 16:05', null), { iso: '2024-04-18T16:05:00+08:00', precision: 'datetime' });
  assert.deepEqual(findDateInText('2021/09/14 - 18:20', '+08:00'), { iso: '2021-09-14T18:20:00+08:00', precision: 'datetime' });
});

test("Hong Kong papers' reporters: 【X報訊】記者Y報道 is a byline; 記者 Z 攝 under a picture is a photographer", () => {
  assert.deepEqual(parseOpeningDateline('【港島日報訊】記者馬嘉怡報道：海濱長廊新段昨日開放。')?.authors, ['馬嘉怡']);
  assert.equal(findBylineIn('■街坊在臨時街市選購蔬菜。港島日報記者 鄭子健 攝'), null);
  assert.deepEqual(findBylineIn('撰文：港島日報記者 鄭子健')?.authors, ['鄭子健']);
  assert.deepEqual(findBylineIn('某某新闻记者 陈思远 摄影 罗毅')?.authors, ['陈思远'], '摄影 labels the next credit');
});

test('widgets: a share row is no headline; a headline opening with a control word (關注組…) is one', () => {
  assert.ok(isWidgetLine('Facebook WhatsApp Telegram 复制链接'));
  assert.ok(isWidgetLine('關注我們'));
  assert.ok(isWidgetLine('分享到：微博微信Twitter 打印大小'));
  assert.ok(isWidgetLine('分享到 微信 微博 QQ空间 A+A- 收藏 听新闻'), 'the longest control word is read (分享到, not 分享)');
  assert.ok(!isWidgetLine('關注組調查：逾六成受訪租戶租金佔入息四成以上　促加快立法'));
  assert.ok(!isWidgetLine('加入世衛大會的努力再度受阻 外交部表示遺憾並將持續爭取'));
});

test("HTML: the <h1> with its quotation marks; a site's account is no author; Japanese and Korean domains print home time", () => {
  const html = `<!doctype html><html lang="zh-CN"><head><title>政府拟改用离境退税方式 - 某某网</title>
<meta property="og:title" content="政府拟改用离境退税方式"><meta name="author" content="somesite">
<link rel="canonical" href="https://cn.example.co.kr/news/1.html"></head><body>
<h1>政府拟改用“离境退税”方式</h1><div class="date">2024/10/15 10:21</div>
<div class="body"><p>${BODY[0]}</p><p>${BODY[1]}</p><p>${BODY[2]}</p></div></body></html>`;
  const a = parseDocument(Buffer.from(html), 'quotes.html');
  assert.equal(a.title, '政府拟改用“离境退税”方式');
  assert.deepEqual(a.authors, []);
  assert.equal(a.published_at, '2024-10-15T10:21:00+09:00');
});

test('a text dump: a share bar under a standfirst does not end the article', () => {
  const dump = ['某某中文网', '首页', '政经', '产业', '日本材料企业加速在东南亚扩产', '2024/10/15 10:21', '为分散风险，日本化学和材料企业相继宣布在东南亚新建工厂。', '分享到：微博微信Twitter 打印大小', ...BODY, '相关文章', '另一条新闻的标题在这里2024/10/10'].join('\n');
  const a = parseDocument(Buffer.from(dump), 'share.txt');
  assert.deepEqual(texts(a).slice(-3), BODY);
});

test('mainland and Taiwanese reporter credits: bracketed reporters, any site\'s dateline, a reporter and a place, a place that reports', () => {
  assert.deepEqual(parseOpeningDateline('（记者郑海涛 见习记者卢青）据某某电台报道，入冬以来…')?.authors, ['郑海涛', '卢青']);
  assert.deepEqual(parseOpeningDateline('某广网西宁11月22日消息（记者郑海涛 见习记者卢青）入冬以来…')?.authors, ['郑海涛', '卢青']);
  assert.deepEqual(parseBylineLine('某某網記者林佳蓉 台北'), ['林佳蓉']);
  assert.deepEqual(findBylineIn('记者 程海峰 杭州报道')?.authors, ['程海峰']);
});

test("a text dump: a headline over a relative time (·3小时前) and a standfirst; a credit with no person is no headline", () => {
  const dump = ['首页', '快讯', '资讯', '创投', '科技', '某某首发｜一家质检方案商完成1.2亿元A轮融资', '周小川 ·3小时前 原创', '一台开箱即用的检测终端，把部署周期压缩到两周。', '文｜周小川', ...BODY, '本文由某某原创出品，未经授权禁止转载'].join('\n');
  const a = parseDocument(Buffer.from(dump), 'relative.txt');
  assert.equal(a.title, '某某首发｜一家质检方案商完成1.2亿元A轮融资');
  const dump2 = ['首頁', '產業', '科技', '雲端大廠擴建資料中心 散熱模組廠出貨看增', '某某時報 綜合報導', '2024.10.03', '09:12', ...BODY].join('\n');
  assert.equal(parseDocument(Buffer.from(dump2), 'credit.txt').title, '雲端大廠擴建資料中心 散熱模組廠出貨看增');
});

test("HTML: Baidu's cambrian markup gives the headline and the local publication time", () => {
  const html = `<!doctype html><html lang="zh-CN"><head><title>某某首发｜一家质检方案商完成融资-某某网</title>
<script type="application/ld+json">{"@context": "https://ziyuan.baidu.com/contexts/cambrian.jsonld", "title": "某某首发｜一家质检方案商完成融资", "pubDate": "2024-04-18T09:47:00"}</script></head>
<body><h1>某某首发｜一家质检方案商完成融资</h1><div class="body"><p>${BODY[0]}</p><p>${BODY[1]}</p><p>${BODY[2]}</p></div></body></html>`;
  assert.equal(parseDocument(Buffer.from(html), 'cambrian.html').published_at, '2024-04-18T09:47:00+08:00');
});

test('furniture inside a body: a glued ad, a call to subscribe, a reprint term, a print-edition line, a producer credit', () => {
  assert.ok(isInterruption('广告某某大会报名开启，点击了解'));
  assert.ok(isInterruption('《某某日報》數位版 首月只要1元 立即訂閱'));
  assert.ok(!isInterruption('廣告主今年的投放預算普遍縮減兩成，業者坦言生意難做。'), 'a sentence about advertisers is prose');
  assert.ok(!isPromoSlot('广告业今年营收下滑'), '广告业 is the word');
  assert.ok(isFurnitureMarker('原创文章，作者：周小川，如若转载，请注明出处：https://example.com/p/1'));
  assert.ok(isFurnitureMarker('《某某青年报》（2024年03月06日 05版）'));
  assert.ok(isSourceCredit('出品：某某经济研究院') && isSourceCredit('封面来源｜企业官方'));
  assert.ok(!isSourceCredit('出品方表示，影片将于下月上映，目前已完成後期製作。'));
  const dump = ['某某新聞網', '首頁', '產業', '某廠墨西哥新廠第3季量產', '2024-05-22 10:30', BODY[0], '廣告', '《某某日報》數位版 首月只要1元 立即訂閱', BODY[1], BODY[2], '版權所有 © 2024 某某新聞網'].join('\n');
  assert.deepEqual(texts(parseDocument(Buffer.from(dump), 'promo.txt')), BODY);
});

test("a Japanese or Korean agency's own report in a text dump is dated in Tokyo or Seoul time", () => {
  assert.equal(wireOffset('【共同社12月3日电】据多名日本政府相关人士透露…'), '+09:00');
  assert.equal(wireOffset('韩联社首尔11月12日电 韩国统计厅12日发布…'), '+09:00');
  assert.equal(wireOffset('據共同社報導，日本政府…'), null, 'a report citing the agency is not its report');
  const dump = ['某某中文网', '首页', '国际', '日本动态', '日本政府拟改用离境退税方式', '2024-12-03 17:48', `【共同社12月3日电】${BODY[0]}`, BODY[1], BODY[2]].join('\n');
  assert.equal(parseDocument(Buffer.from(dump), 'wire.txt').published_at, '2024-12-03T17:48:00+09:00');
});

test('a text dump: a long headline without a full stop is the headline, not a standfirst under the app link above it', () => {
  const dump = ['首页', '金融', '资本市场', '宏观', '产业', '某某财经APP', '上半年长三角跨境电商进出口同比增长18.6% 中小卖家加速布局“品牌出海”', '南方财经全媒体记者 程海峰 上海报道', '2024-07-16 11:03 来源：某某经济报道', ...BODY].join('\n');
  assert.equal(parseDocument(Buffer.from(dump), 'long-headline.txt').title, '上半年长三角跨境电商进出口同比增长18.6% 中小卖家加速布局“品牌出海”');
});

test("HTML: a microdata author, and React's camel-cased attributes (itemProp, dateTime)", () => {
  const html = `<!doctype html><html lang="zh"><head><meta charSet="utf-8"/><title>为什么地铁越修越亏 - 某某专栏</title></head><body>
<article><h1>为什么地铁越修越亏</h1><div itemProp="author" itemScope="" itemType="http://schema.org/Person"><meta itemProp="name" content="周知远"/><a href="/people/zzy">周知远</a></div>
<time dateTime="2023-11-18T09:47:00+08:00">2023-11-18</time>
<div class="RichText"><p>${BODY[0]}</p><p>${BODY[1]}</p><p>${BODY[2]}</p></div></article></body></html>`;
  const a = parseDocument(Buffer.from(html), 'react.html');
  assert.deepEqual(a.authors, ['周知远']);
  assert.equal(a.published_at, '2023-11-18T09:47:00+08:00');
});

test('a twelve-hour time with its mark after it; a photographer labelled 攝影記者 is no author', () => {
  assert.deepEqual(findDateInText('發佈時間: 2024-09-03 06:40 PM', '+08:00'), { iso: '2024-09-03T18:40:00+08:00', precision: 'datetime' });
  assert.deepEqual(findDateInText('2024-09-03 12:05 AM', '+08:00'), { iso: '2024-09-03T00:05:00+08:00', precision: 'datetime' });
  assert.equal(parseBylineLine('攝影記者 王書弘'), null);
});
