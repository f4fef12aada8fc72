// Page conventions of outlets the loader was not built against: role-labelled credits, reporters
// named with spaces, labelled publication and update times, headlines with their own ｜, standfirsts,
// skip-linked boxes and captions' closing credits. Every page here is invented for the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCreditLine, parseBylineLine, findBylineIn } from '../../../src/core/clean/credits.ts';
import { parseOpeningDateline } from '../../../src/core/clean/dateline.ts';
import { isCaptionLine } from '../../../src/core/clean/furniture.ts';
import { parseDocument } from '../../../src/core/ingest/parse-document.ts';
import { parsePageDump } from '../../../src/core/ingest/parse-page-dump.ts';

const texts = (a: { paragraphs: { text: string }[] }) => a.paragraphs.map((p) => p.text);

const BODY = [
  '市府今天宣布，明年起將在三個行政區試辦夜間公車，路線串連主要夜市與捷運站，班距約二十分鐘，票價與日間相同。',
  '交通局長表示，試辦期間將蒐集搭乘人次與時段資料，半年後評估是否擴大辦理，並同步檢討既有路線的末班車時間。',
  '議員則提醒，夜間公車司機的排班與休息時間必須符合勞動法規，市府也應在站牌加裝照明，確保乘客候車安全。',
];

test('credit lines: writers are authors; photographers and editors are credited but are not authors', () => {
  assert.deepEqual(parseBylineLine('文｜許文彬'), ['許文彬']);
  assert.deepEqual(parseBylineLine('撰文：高雅婷'), ['高雅婷']);
  assert.deepEqual(parseBylineLine('文 / 蔡明哲'), ['蔡明哲']);
  assert.deepEqual(parseBylineLine('作者, 羅志強'), ['羅志強']);
  assert.deepEqual(parseCreditLine('文｜許文彬 攝影｜林建宏'), { authors: ['許文彬'], others: ['林建宏'] });
  assert.equal(parseBylineLine('攝影｜林建宏'), null);
  assert.deepEqual(parseCreditLine('責任編輯：陳怡君'), { authors: [], others: ['陳怡君'] });
  assert.equal(parseCreditLine('文化局長'), null, 'a word starting with 文 is no credit');
  assert.equal(parseCreditLine('文 字幕組'), null, 'a bare 文 needs a separator');
});

test('reporters named with spaces, after an outlet, and where they write from', () => {
  assert.deepEqual(parseBylineLine('海峽日報記者 馮國安 發自廈門'), ['馮國安']);
  assert.deepEqual(parseBylineLine('南方晚报记者 黎晓明 汤文'), ['黎晓明', '汤文']);
  assert.deepEqual(parseBylineLine('東部電視／簡佩玲 花蓮報導'), ['簡佩玲']);
  assert.deepEqual(findBylineIn('發佈時間：2023-04-02 09:40 記者：卓家豪')?.authors, ['卓家豪']);
});

test('captions closing with an archive or a photographer credit are captions', () => {
  assert.ok(isCaptionLine('渡輪碼頭昨日恢復營運。（資料圖片）'));
  assert.ok(isCaptionLine('新建的組屋區外觀。（档案照片）'));
  assert.ok(isCaptionLine('2024年5月3日，舊街市內一間雜貨店。攝：馬志遠/週報'));
  assert.ok(isCaptionLine('施工中的跨海大桥。南方晚报记者 黎晓明 图'));
  assert.ok(isCaptionLine('圖像來源，Reuters'));
  assert.ok(isCaptionLine('圖說：市長視察夜市周邊交通。'));
  assert.ok(!isCaptionLine(BODY[0]));
});

test('dump: credits under the headline are not taken for it; the publication time wins over an update printed first', () => {
  const page = ['首頁', '生活', '市府試辦夜間公車 串連夜市與捷運站', '文｜許文彬', '攝影｜林建宏', '更新時間 2024.04.02 18:05', '發布時間 2024.04.02 11:32', 'FB LINE 複製網址', ...BODY, '關於我們', '隱私權政策'].join('\n');
  const a = parsePageDump(page, 'x.txt');
  assert.equal(a.title, '市府試辦夜間公車 串連夜市與捷運站');
  assert.equal(a.published_at, '2024-04-02T11:32:00+08:00');
  assert.deepEqual(a.authors, ['許文彬']);
  assert.deepEqual(texts(a), BODY);
  const oneLine = page.replace('更新時間 2024.04.02 18:05\n發布時間 2024.04.02 11:32', '更新於 2024-04-03 刊登於 2024-04-02');
  assert.equal(parsePageDump(oneLine, 'y.txt').published_at, '2024-04-02');
});

test('dump: a standfirst between headline and byline, a name printed before the date, a skip-linked box inside the body', () => {
  const page = [
    '首頁', '深度', '夜間公車試辦一年：城市的另一種通勤', '夜市收攤後，一群司機和乘客撐起了城市的深夜。', '週報記者 馬志遠 發自台北', '2024-04-02 09:10', BODY[0],
    '跳過 熱門 並繼續閱讀', '熱門', '捷運新線明年通車', '公車票價將調整', '熱門 結束', BODY[1], BODY[2], '關於我們', '隱私權政策',
  ].join('\n');
  const a = parsePageDump(page, 'x.txt');
  assert.equal(a.title, '夜間公車試辦一年：城市的另一種通勤');
  assert.deepEqual(a.authors, ['馬志遠']);
  assert.deepEqual(texts(a), BODY);
  const named = parsePageDump(['首頁', '市府試辦夜間公車 串連夜市與捷運站', '許文彬 2024-04-02 09:10 觀看數 1,203', ...BODY, '關於我們'].join('\n'), 'y.txt');
  assert.deepEqual(named.authors, ['許文彬']);
});

test('dump: credits closing a long article do not anchor its body', () => {
  const long = Array.from({ length: 6 }, (_, i) => `${BODY[i % 3]}（第${i + 1}段）`);
  const page = ['首頁', '市府試辦夜間公車 串連夜市與捷運站', '2024-04-02 09:10', ...long, '作者 許文彬 林建宏', '特别声明：以上内容由平台用户上传并发布，本平台仅提供信息存储空间服务，转载请注明出处。', '关于我们'].join('\n');
  assert.deepEqual(texts(parsePageDump(page, 'x.txt')), long);
});

const html = (head: string, body: string) =>
  Buffer.from(`<!doctype html><html lang="zh-Hant"><head>${head}</head><body><article>${body}${BODY.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);

test('HTML: a headline with its own ｜ printed whole in <h1> keeps it; labelled <time>s; a day-only <time> takes the data timestamp of that day', () => {
  const title = '夜間公車｜三區試辦 串連夜市與捷運站';
  const a = parseDocument(
    html(
      `<title>${title}｜城市報｜生活</title><meta property="og:title" content="${title}｜城市報">`,
      `<h1>${title}</h1><div class="article-meta"><time datetime="2024-04-02T18:05:00+08:00">更新日期：2024-04-02 18:05</time><time datetime="2024-04-02T07:15:00+08:00">發佈日期：2024-04-02 07:15</time></div>`,
    ),
    'a.html',
  );
  assert.equal(a.title, title);
  assert.equal(a.published_at, '2024-04-02T07:15:00+08:00');
  const b = parseDocument(
    html(`<title>市府試辦夜間公車</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"市府試辦夜間公車","datePublished":"2024-04-02T01:20:00.000Z"}</script>`, '<h1>市府試辦夜間公車</h1><time datetime="2024-04-02">2024年4月2日</time>'),
    'b.html',
  );
  assert.equal(b.published_at, '2024-04-02T09:20:00+08:00');
});

test('HTML: a reporter named in the body wins over markup that credits only the editor in charge', () => {
  const a = parseDocument(
    Buffer.from(
      `<html><head><title>夜间公交试运行</title><meta name="author" content="邵文静"></head><body><div class="content"><p>南方晚报记者 黎晓明</p>${BODY.map((p) => `<p>${p}</p>`).join('')}<p>责任编辑：邵文静</p></div></body></html>`,
    ),
    'c.html',
  );
  assert.deepEqual(a.authors, ['黎晓明']);
});

test('mainland datelines: agency, place and reporters are read; the paragraph keeps its words', () => {
  const opening = '新华社昆明4月2日电（记者段文俊、龚佳）记者从云南省交通运输厅获悉，滇中城际铁路首段今日开通，沿线六个车站同步启用，日均开行列车四十对。';
  assert.deepEqual(parseOpeningDateline(opening), { dateline: { place: '昆明', day: 2 }, agency: '新华社', authors: ['段文俊', '龚佳'] });
  assert.deepEqual(parseOpeningDateline('本报南宁4月2日讯（记者 覃海 通讯员 韦思）南宁市今天起调整公交线路。')?.authors, ['覃海', '韦思']);
  assert.equal(parseOpeningDateline('中新网4月2日电 据外媒报道，某国央行今天宣布维持利率不变。')?.agency, '中新网');
  assert.equal(parseOpeningDateline(BODY[0]), null);
  const page = `<html><head><title>滇中城际铁路首段开通</title><meta name="author" content="岳思远"></head><body><h1>滇中城际铁路首段开通</h1><p>${opening}</p>${BODY.map((p) => `<p>${p}</p>`).join('')}</body><body><div>编辑：岳思远 责任编辑：杭晨</div></body></html>`;
  const a = parseDocument(Buffer.from(page), 'd.html');
  assert.deepEqual(a.authors, ['段文俊', '龚佳'], 'the markup credits the editor; the dateline names the reporters');
  assert.equal(a.agency, '新华社');
  assert.equal(a.paragraphs[0].text, opening);
});

test('closing promotions, contact lines and a site\'s "more stories" heading end a body; a sentence that mentions an app stays', () => {
  const warning = '警方提醒，凡是保證獲利、要求下載不明App或私下匯款的投資邀約都是詐騙，如有疑問可撥打反詐騙專線查證，切勿輕信陌生人。';
  const page = ['首頁', '市府試辦夜間公車 串連夜市與捷運站', '記者許文彬／台北報導', '2024-04-02 09:10', '字號 大 中 小', ...BODY, warning, '想第一時間掌握路況？快點我加入城市報LINE好友！', '更多城市報報導', '捷運新線明年通車', '公車票價將調整', '關於我們'].join('\n');
  assert.deepEqual(texts(parsePageDump(page, 'x.txt')), [...BODY, warning]);
  const body = [...BODY, warning, '更多內容，歡迎城市報紙本雜誌、數位訂閱。', '城市报料：021-55556666'];
  const a = parseDocument(
    Buffer.from(`<html><head><title>市府試辦夜間公車</title></head><body><article><h1>市府試辦夜間公車</h1><p>字号 大 中 小</p>${body.map((p) => `<p>${p}</p>`).join('')}<p>图片编辑：金洁</p></article></body></html>`),
    'p.html',
  );
  assert.deepEqual(texts(a), [...BODY, warning]);
});

test('a dump names its outlet in its copyright line: the brand before 版權所有 or ©, never the company behind it', () => {
  const page = (footer: string) => ['首頁', '市府試辦夜間公車 串連夜市與捷運站', '記者許文彬／台北報導', '2024-04-02 09:10', ...BODY, '關於我們', footer].join('\n');
  assert.equal(parsePageDump(page('城市週報 © 2024 City Weekly. All Rights Reserved.'), 'a.txt').outlet, '城市週報');
  assert.equal(parsePageDump(page('© 2024 海港日報有限公司 版權所有'), 'b.txt').outlet, '海港日報');
  assert.equal(parsePageDump(page('新城媒體股份有限公司 版權所有'), 'c.txt').outlet, null, 'a media company is not the brand');
  assert.equal(parsePageDump(page('本網站版權所有，轉載請註明出處'), 'd.txt').outlet, null);
});

test('dump: a share bar between the header and the body does not hide the headline', () => {
  const page = ['首页', '市府试办夜间公交 串联夜市与地铁站', '2024年04月02日09:10 | 来源：城市网', '分享到：微信 微博 QQ空间', '字号：大 中 小', ...BODY, '关于我们'].join('\n');
  const a = parsePageDump(page, 'x.txt');
  assert.equal(a.title, '市府试办夜间公交 串联夜市与地铁站');
  assert.equal(a.published_at, '2024-04-02T09:10:00+08:00');
});

test('more byline shapes: name then 報導, a broadcaster then a name, an outlet credit per role, a place after credits', () => {
  assert.deepEqual(parseBylineLine('羅志強 報導'), ['羅志強']);
  assert.deepEqual(parseBylineLine('文：高雅婷（城市規劃研究者）'), ['高雅婷']);
  assert.deepEqual(parseBylineLine('海峽之聲 馮國安'), ['馮國安']);
  assert.deepEqual(parseBylineLine('城市新闻记者 | 黎晓明'), ['黎晓明']);
  assert.deepEqual(parseCreditLine('城市新闻编辑 | 汤文'), { authors: [], others: ['汤文'] });
  assert.deepEqual(parseBylineLine('記者 許文彬 攝影 林建宏 / 台中報導'), ['許文彬']);
  assert.equal(parseBylineLine('图片来源：城市新闻 黎晓明'), null, 'a photo source is no byline');
  assert.equal(parseBylineLine('市府 報導'), null);
  assert.ok(isCaptionLine('（德新社、路透社）'));
  assert.ok(isCaptionLine('资料图片：停工的住宅项目工地。(法新社)'));
});

test('credits closing an article end its body and name its writer; in HTML they replace an editor taken for the author', () => {
  const page = ['首頁', '市府試辦夜間公車 串連夜市與捷運站', '2024-04-02 09:10', ...BODY, '（德新社、路透社）', '作者：羅志強', '歡迎追蹤我們的Instagram，獲得更多圖文與影音報導，每天都有新內容等你來看。', '熱門', '捷運新線明年通車'].join('\n');
  const a = parsePageDump(page, 'x.txt');
  assert.deepEqual(texts(a), BODY);
  assert.deepEqual(a.authors, ['羅志強']);
  const h = parseDocument(Buffer.from(`<html><head><title>夜間公車試辦</title></head><body><article><h1>夜間公車試辦</h1>${BODY.map((p) => `<p>${p}</p>`).join('')}<p>记者：黎晓明 责编：汤文</p></article></body></html>`), 'h.html');
  assert.deepEqual(h.authors, ['黎晓明']);
  assert.deepEqual(texts(h), BODY);
  const m = parseDocument(html('<title>夜間公車試辦</title><meta name="author" content="記者 許文彬 攝影 林建宏 / 台中報導">', '<h1>夜間公車試辦</h1>'), 'm.html');
  assert.deepEqual(m.authors, ['許文彬']);
});

test('dump: counters and credit fields are no headlines; a standfirst above the date line; a permalink bar; a related box resumes at a numbered sub-heading', () => {
  const page = [
    '首页', '市府试办夜间公交 串联夜市与地铁站', '市府今年推出的夜间公交，能否改变城市的深夜通勤？记者走访了三条试办路线的司机与乘客。', '2024-04-02 09:10', '出品｜城市网科技', '跟贴 326 参与 1.2万', '永久鏈接 https://example.org/p/1', BODY[0],
    '相關內容', '捷運新線明年通車', '二、試辦之後', BODY[1], BODY[2], '关于我们',
  ].join('\n');
  const a = parsePageDump(page, 'x.txt');
  assert.equal(a.title, '市府试办夜间公交 串联夜市与地铁站');
  assert.equal(a.published_at, '2024-04-02T09:10:00+08:00');
  assert.deepEqual(texts(a), [BODY[0], '二、試辦之後', BODY[1], BODY[2]]);
});

test('a pull quote repeating the body is not a paragraph', () => {
  const quote = '夜間公車不只是交通政策，也是城市照顧深夜工作者的方式。';
  const body = [BODY[0], `${BODY[1]}局長說：「${quote}」`, BODY[2]];
  const a = parseDocument(
    Buffer.from(`<html><head><title>夜間公車試辦</title></head><body><article><h1>夜間公車試辦</h1><p>${body[0]}</p><p>${body[1]}</p><blockquote>${quote}</blockquote><p>${body[2]}</p></article></body></html>`),
    'q.html',
  );
  assert.deepEqual(texts(a), body);
});

test('HTML: a credit box names the writer when the markup does not; a date line in the byline slot names nobody', () => {
  const a = parseDocument(
    Buffer.from(`<html><head><title>夜間公車試辦</title></head><body><div class="story"><h1>夜間公車試辦</h1><div id="story_byline">2024.04.02 16:27 EDT</div>${BODY.map((p) => `<p>${p}</p>`).join('')}<p class="byline">记者：黎晓明 责编：汤文 网编：林川</p></div></body></html>`),
    'b.html',
  );
  assert.deepEqual(a.authors, ['黎晓明']);
  assert.equal(a.published_at, '2024-04-02T16:27:00-04:00');
});

test('dump: an appeal box inside the body (heading, appeal, button) is dropped; HTML: a printed date line adds the time the markup lacks', () => {
  const page = ['首頁', '市府試辦夜間公車 串連夜市與捷運站', '2024-04-02 09:10', BODY[0], '用行動支持地方新聞', '本報不接受業配，採訪經費仰賴讀者的小額捐款，你的支持能讓更多聲音被聽見。', '立即贊助', BODY[1], BODY[2], '關於我們'].join('\n');
  assert.deepEqual(texts(parsePageDump(page, 'x.txt')), BODY);
  const a = parseDocument(html('<title>市府試辦夜間公車</title><meta property="article:published_time" content="2024-04-02">', '<h1>市府試辦夜間公車</h1><div class="info">2024年04月02日14:20 | 来源：城市网</div>'), 'd.html');
  assert.equal(a.published_at, '2024-04-02T14:20:00+08:00');
});

test('HTML: text a script reveals (visibility: hidden in the markup) is read, and a script-held publication time is the date', () => {
  const page = `<html><head><title>冬天總是犯睏</title><script>var nickname = "生活研究所"; var ct = "1736379000";</script></head><body><div id="page"><h1>冬天總是犯睏</h1><em id="publish_time"></em><div id="content" style="visibility: hidden;">${BODY.map((p) => `<section><span>${p}</span></section>`).join('')}</div></div></body></html>`;
  const a = parseDocument(Buffer.from(page), 'w.html');
  assert.deepEqual(texts(a), BODY);
  assert.equal(a.published_at, '2025-01-09T07:30:00+08:00');
});

test('dump: the account or paper printed between headline and date line is not the headline; a follow button is no byline', () => {
  const page = (extra: string[]) => ['首页', '登录', '每天走一万步真的有必要吗？多项研究给出的答案有点意外', ...extra, '2024-08-30 16:05 · 北京', '+关注', ...BODY, '举报/反馈'].join('\n');
  const a = parsePageDump(page(['健康同行']), 'a.txt');
  assert.equal(a.title, '每天走一万步真的有必要吗？多项研究给出的答案有点意外');
  assert.deepEqual(a.authors, []);
  const b = parsePageDump(page(['城市晚报', '记者 孙悦']), 'b.txt');
  assert.equal(b.title, '每天走一万步真的有必要吗？多项研究给出的答案有点意外');
  assert.deepEqual(b.authors, ['孙悦']);
  assert.deepEqual(parsePageDump(page(['关注']), 'c.txt').authors, []);
});

test('credits: a staff title among the names is no name; a menu row is no headline; names listed with spaces in an author field are several', () => {
  assert.deepEqual(parseBylineLine('作者：本报记者 黎晓明 汤文'), ['黎晓明', '汤文']);
  const page = ['扫一扫在手机打开当前页', '时政 国际 财经 地方 科技 健康 教育 图片 视频', '搜索', '2023 03/14 16:42:08', '来源：城市网', '市府试办夜间公交 串联夜市与地铁站', '字体：小 中 大', '分享到： 微信 微博 QQ空间', ...BODY, '关于我们'].join('\n');
  const a = parsePageDump(page, 'x.txt');
  assert.equal(a.title, '市府试办夜间公交 串联夜市与地铁站');
  assert.equal(a.published_at, '2023-03-14T16:42:08+08:00');
  const m = parseDocument(html('<title>夜間公車試辦</title><meta name="author" content="黎晓明 汤文">', '<h1>夜間公車試辦</h1>'), 'm.html');
  assert.deepEqual(m.authors, ['黎晓明', '汤文']);
});

test('writers named by a paper\'s 讯 opening, a bracketed opening, a closing staff line, a syndication note, WeChat\'s 原创 badge and an author card', () => {
  assert.deepEqual(parseOpeningDateline('城市晚报讯（记者 黎晓明）4月2日，记者从市交通部门获悉。')?.authors, ['黎晓明']);
  assert.deepEqual(findBylineIn('原创 汤文 城市生活研究所 2025年1月9日 07:30 北京')?.authors, ['汤文']);
  const h = (body: string[]) => parseDocument(Buffer.from(`<html><head><title>夜间公交试运行</title></head><body><article><h1>夜间公交试运行</h1>${body.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`), 'h.html');
  assert.deepEqual(h([`【城市网报道 记者 黎晓明】${BODY[0]}`, BODY[1], BODY[2]]).authors, ['黎晓明']);
  assert.deepEqual(h([...BODY, '城市晚报记者 汤文']).authors, ['汤文']);
  const noted = h([...BODY, '本文来自微信公众号：城市观察（ID：csgc），作者：韩晓', '']);
  assert.deepEqual(noted.authors, ['韩晓']);
  assert.deepEqual(texts(noted), BODY);
  const card = ['首页', '写文章', '为什么有的城市地铁越修越亏？聊聊票价和客流', '林知秋', '交通运输工程硕士，关注城市轨道交通', '关注', '发布于 2023-11-18 09:47', ...BODY, '举报'].join('\n');
  const z = parsePageDump(card, 'z.txt');
  assert.equal(z.title, '为什么有的城市地铁越修越亏？聊聊票价和客流');
  assert.deepEqual(z.authors, ['林知秋']);
});

test('more writers: a role and a space before a name glued to a date, 撰文者, 报道：, a Latin name alone or glued to its date, staff titles and an editor in a staff byline', () => {
  assert.deepEqual(findBylineIn('作者 高雅婷2024-06-05瀏覽數 12,406')?.authors, ['高雅婷']);
  assert.deepEqual(findBylineIn('2024-06-14文、攝影／城市報記者 許文彬')?.authors, ['許文彬']);
  assert.deepEqual(findBylineIn('2024-06-03 10:30撰文者：羅志強')?.authors, ['羅志強']);
  assert.deepEqual(parseBylineLine('报道：黎晓明'), ['黎晓明']);
  assert.deepEqual(findBylineIn('JANE DOE2024年6月20日')?.authors, ['JANE DOE']);
  assert.deepEqual(parseBylineLine('城市新闻记者 刘洋 实习记者 陈雨'), ['刘洋', '陈雨']);
  assert.deepEqual(parseBylineLine('晚报记者 张明 晚报编辑 李华'), ['张明']);
  const page = ['首頁', '港府推新一輪人才措施 科研人員簽證年期延至三年', 'Clara Tsang', '2024-06-12 16:20', ...BODY, '關於我們'].join('\n');
  const a = parsePageDump(page, 'x.txt');
  assert.equal(a.title, '港府推新一輪人才措施 科研人員簽證年期延至三年');
  assert.deepEqual(a.authors, ['Clara Tsang']);
});
