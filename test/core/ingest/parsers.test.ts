// One test group per parser: shape detection, page dumps (variants the seeds do not show),
// plain text (bilingual, hard-wrapped), Jekyll posts (markdown body, credits, related).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { detectShape } from '../../../src/core/ingest/detect-shape.ts';
import { parseDocument } from '../../../src/core/ingest/parse-document.ts';
import { parsePageDump } from '../../../src/core/ingest/parse-page-dump.ts';
import { parsePlainText } from '../../../src/core/ingest/parse-plain-text.ts';
import { parseJekyll } from '../../../src/core/ingest/parse-jekyll.ts';
import { bigramF1 } from './bigram.ts';

const gold = JSON.parse(readFileSync('test/fixtures/seeds.gold.json', 'utf8')).articles as { file: string; paragraphs: string[] }[];
const seed = (n: number) => readFileSync(`seeds/${gold[n].file}`, 'utf8');
const texts = (a: { paragraphs: { text: string }[] }) => a.paragraphs.map((p) => p.text);

test('shape detection: front matter, html, plain text, page dump', () => {
  assert.equal(detectShape(seed(0), 'a.txt'), 'jekyll');
  assert.equal(detectShape(seed(1), 'a.txt'), 'page-dump');
  assert.equal(detectShape(seed(2), 'a.txt'), 'page-dump');
  assert.equal(detectShape(seed(3), 'a.txt'), 'plain-text');
  assert.equal(detectShape(seed(4), 'a.txt'), 'page-dump');
  assert.equal(detectShape('<p>x</p>', 'page.HTM'), 'html');
  assert.equal(detectShape('<!DOCTYPE html><html><body>x</body></html>', 'noext'), 'html');
});

test('page dump without a byline falls back to the richest run of prose', () => {
  const a = parsePageDump(seed(1).replace('中央社／ 基輔22日專電\n', ''), 'x.txt');
  assert.equal(a.title, '澤倫斯基：正與盟國協商安全保障細節');
  assert.ok(bigramF1(texts(a), gold[1].paragraphs) > 0.99);
  assert.equal(a.agency, null);
});

test('page dump that names no reporter is credited to the editor in charge it prints; a reporter wins', () => {
  const noByline = seed(1).replace('中央社／ 基輔22日專電\n', '') + '\n責任編輯：王大明\n';
  assert.deepEqual(parsePageDump(noByline, 'x.txt').authors, ['王大明']);
  const withByline = seed(2) + '\n責任編輯：王大明\n';
  assert.deepEqual(parsePageDump(withByline, 'y.txt').authors, ['張方瑀']);
});

test('page dump with a timestamp line near the headline gives a datetime in the outlet zone', () => {
  const page = seed(2).replace(' date 2025-08-21 　', '').replace('記者張方瑀／綜合報導', '2025年08月21日 14:05\n記者張方瑀／綜合報導');
  const a = parsePageDump(page, 'x.txt');
  assert.equal(a.published_at, '2025-08-21T14:05:00+08:00');
  assert.equal(a.published_precision, 'datetime');
  assert.deepEqual(a.authors, ['張方瑀']);
});

test('page dump: single newlines, CRLF and a paragraph-opening dateline all work', () => {
  const single = parsePageDump(seed(1).replace(/\n\n/g, '\n'), 'x.txt');
  assert.ok(bigramF1(texts(single), gold[1].paragraphs) > 0.99);
  const crlf = parseDocument(Buffer.from(seed(4).replace(/\n/g, '\r\n')), 'x.txt');
  assert.ok(bigramF1(texts(crlf), gold[4].paragraphs) > 0.99);
  const paren = parsePageDump(seed(4).replace('中央社／ 柏林15日綜合外電報導\n\n美、烏', '（中央社柏林15日綜合外電報導）美、烏'), 'x.txt');
  assert.deepEqual(paren.dateline, { place: '柏林', day: 15 });
  assert.equal(paren.agency, '中央社');
  assert.equal(paren.published_at, null);
});

test('page dump of another layout: headline lists, breadcrumb, tag line, teasers', () => {
  const page = [
    '首頁 > 國際 > 歐洲',
    '即時新聞',
    '台股收盤大漲300點 電子股領軍',
    '颱風最新路徑曝光 明起影響北台灣',
    '德國宣布追加軍援 含防空系統與彈藥',
    '2024/06/11 09:32',
    '記者李大華／綜合報導',
    '▲德國總理在柏林記者會上宣布追加軍援。（圖／達志影像）',
    '德國政府今天宣布，將向烏克蘭追加一批軍事援助，內容包括防空系統、砲彈與裝甲車輛，總價值約5億歐元，預計在年底前陸續交付。',
    '防空缺口',
    '德國國防部長表示，烏克蘭近來遭受大規模飛彈與無人機攻擊，防空能力是當前最迫切的需求，德方將優先提供相關裝備。',
    '他也呼籲其他歐洲國家加快交付承諾的武器，「時間對烏克蘭來說非常寶貴，每一天都很重要。」',
    '德國 烏克蘭 軍援',
    '看更多',
    '法國總統：歐洲必須承擔更多防衛責任',
    '法國總統今天在巴黎發表演說，強調歐洲國家必須在防衛上承擔更多責任，不能只依賴美國的保護，並提出...',
  ].join('\n\n');
  const a = parseDocument(Buffer.from(page), 'other.txt');
  assert.equal(a.shape, 'page-dump');
  assert.equal(a.title, '德國宣布追加軍援 含防空系統與彈藥');
  // A Chinese page that prints a time without a zone is read in UTC+8 (Taiwan, mainland and Hong Kong alike).
  assert.equal(a.published_at, '2024-06-11T09:32:00+08:00');
  assert.deepEqual(a.authors, ['李大華']);
  assert.deepEqual(a.tags, ['德國', '烏克蘭', '軍援']);
  assert.deepEqual(texts(a), [
    '德國政府今天宣布，將向烏克蘭追加一批軍事援助，內容包括防空系統、砲彈與裝甲車輛，總價值約5億歐元，預計在年底前陸續交付。',
    '防空缺口',
    '德國國防部長表示，烏克蘭近來遭受大規模飛彈與無人機攻擊，防空能力是當前最迫切的需求，德方將優先提供相關裝備。',
    '他也呼籲其他歐洲國家加快交付承諾的武器，「時間對烏克蘭來說非常寶貴，每一天都很重要。」',
  ]);
});

test('plain text: hard-wrapped English joins lines; author line is read; no date stays null', () => {
  const doc = 'Talks resume in Geneva\n\nBy Ann Lee\n\nNegotiators returned to Geneva on Monday for a new round\nof talks, officials said.\n\nThe previous round ended without agreement on the\nkey questions of borders and sanctions relief.\n';
  const a = parsePlainText(doc, 'g.txt');
  assert.equal(a.title, 'Talks resume in Geneva');
  assert.deepEqual(a.authors, ['Ann Lee']);
  assert.equal(a.published_at, null);
  assert.equal(a.paragraphs[0].text, 'Negotiators returned to Geneva on Monday for a new round of talks, officials said.');
  assert.deepEqual(a.languages, ['en']);
});

test('jekyll: markdown body, url from url:, date from the file name when front matter has none', () => {
  const md = '---\ntitle: "筆記：選舉觀察"\nurl: https://blog.example/notes/1\ntags: [選舉, 台灣]\n---\n\n## 前言\n\n這是一篇**簡短**的筆記，記錄[投票日](https://x.example)的觀察。\n\n![圖](a.png)\n\n第二段落在這裡，內容也很簡單。\n';
  const a = parseJekyll(md, 'posts/2024-01-13-notes.md');
  assert.equal(a.url, 'https://blog.example/notes/1');
  assert.equal(a.published_at, '2024-01-13');
  assert.equal(a.published_precision, 'date');
  assert.deepEqual(a.tags, ['選舉', '台灣']);
  assert.deepEqual(texts(a), ['前言', '這是一篇簡短的筆記，記錄投票日的觀察。', '第二段落在這裡，內容也很簡單。']);
});

test('jekyll: CNA post keeps the dateline paragraph, moves the timeline to related, drops credits', () => {
  const a = parseDocument(Buffer.from(seed(0)), 'seeds/000.txt');
  assert.equal(a.shape, 'jekyll');
  assert.equal(a.related.length, 6);
  assert.deepEqual(a.related[0], {
    title: '華爾街日報：拜登支持率創新低 大選民調川普領先',
    url: 'https://www.cna.com.tw/news/aopl/202312090197.aspx',
    time: '2023-12-09T20:20:00+08:00',
  });
  assert.ok(a.paragraphs[0].text.startsWith('（中央社華盛頓10日綜合外電報導）'));
  assert.ok(a.paragraphs.every((p) => !/譯者|1121211|https?:/.test(p.text)));
});

test('markdown without front matter: heading is the title, markup is stripped', () => {
  const md = '# Ceasefire talks stall\n\n2025-03-02\n\nNegotiators failed to agree on a **timetable** for the [withdrawal](https://x.example) of forces, officials said on Sunday.\n\n- Both sides blamed each other for the delay in the talks this week.\n';
  const a = parseDocument(Buffer.from(md), 'notes/ceasefire.md');
  assert.equal(a.shape, 'markdown');
  assert.equal(a.title, 'Ceasefire talks stall');
  assert.equal(a.published_at, '2025-03-02');
  assert.deepEqual(texts(a), [
    'Negotiators failed to agree on a timetable for the withdrawal of forces, officials said on Sunday.',
    'Both sides blamed each other for the delay in the talks this week.',
  ]);
});

test('English page dump: "By" byline anchors the body, month-name date, menus and footer dropped', () => {
  const page = [
    'Home | World | Business | Tech | Sport',
    'Trending: Storm warning for the coast',
    'Shipping resumes through the strait after week-long closure',
    'August 22, 2025',
    'By Ann Lee and Omar Haddad',
    'Commercial ships began moving through the strait again on Friday after a week-long closure that had stranded dozens of tankers and pushed up fuel prices across the region.',
    'Port officials said about forty vessels had passed by midday, and that traffic was expected to return to normal levels by the end of the weekend if the weather held.',
    'Insurers, who had sharply raised premiums during the closure, said they would review their rates next week once the situation had been stable for several days.',
    'Related',
    'Oil prices ease as shipping lanes reopen',
    '© 2025 Coastal Post. All rights reserved.',
  ].join('\n\n');
  const a = parseDocument(Buffer.from(page), 'strait.txt');
  assert.equal(a.shape, 'page-dump');
  assert.equal(a.title, 'Shipping resumes through the strait after week-long closure');
  assert.equal(a.published_at, '2025-08-22');
  assert.deepEqual(a.authors, ['Ann Lee', 'Omar Haddad']);
  assert.equal(a.paragraphs.length, 3);
  assert.deepEqual(a.languages, ['en']);
});

test('page dump: a labelled source URL is the article URL; site-as-author is not an author', () => {
  const a = parsePageDump(`${seed(4)}\n\n原文網址：https://udn.com/news/story/6809/9999999\n`, 'x.txt');
  assert.equal(a.url, 'https://udn.com/news/story/6809/9999999');
  const post = '---\ntitle: "一篇"\ndate: 2020-01-01\nauthor: Nei.st\nfrom: https://nei.st/x\ncategories: [ Nei.st ]\n---\n<p>內容很短，但足夠。</p>\n';
  const j = parseJekyll(post, 'p.md');
  assert.deepEqual(j.authors, []);
  assert.equal(j.outlet, 'Nei.st');
});

test('page dump: headlines under 延伸閱讀/相關新聞 become related links, teasers and the own title do not', () => {
  const a = parsePageDump(seed(4), 'x.txt');
  const titles = a.related.map((r) => r.title);
  assert.ok(titles.includes('柏林會美特使前 澤倫斯基：烏願放棄入北約'));
  assert.ok(titles.every((t) => !t.endsWith('...') && t !== a.title));
  assert.ok(a.related.every((r) => r.url === null && r.time === null));
  assert.equal(new Set(titles).size, titles.length);
});

test('finishing pass: stand-alone dateline/byline paragraphs and captions in HTML bodies become fields', () => {
  const para = '烏克蘭總統澤倫斯基今天表示，與華府會晤後，比較一、兩週前局勢已有所改善，目前與多國就安全保障細節密切協商。';
  const html = `<html><head><title>t</title><meta property="og:title" content="澤倫斯基：正與盟國協商"></head><body><article>
    <p>中央社／ 基輔22日專電</p><p>▲烏克蘭總統澤倫斯基。（圖／路透）</p><p>${para}</p><p>${para}</p><p>${para}</p></article></body></html>`;
  const a = parseDocument(Buffer.from(html), 'udn.html');
  assert.deepEqual(a.dateline, { place: '基輔', day: 22 });
  assert.equal(a.agency, '中央社');
  assert.deepEqual(texts(a), [para, para, para]);
  const b = parseDocument(Buffer.from(html.replace('中央社／ 基輔22日專電', '記者張方瑀／綜合報導')), 'et.html');
  assert.deepEqual(b.authors, ['張方瑀']);
  assert.equal(b.paragraphs.length, 3);
});

test('page dump: an in-body promotion (a short label above a call-to-action link line) is dropped; a sub-heading above prose stays', () => {
  const page = [
    '首頁 > 生活',
    '北市公車將全面改用電動車 2030年完成汰換',
    '2025/03/02 14:05',
    '記者王小明／台北報導',
    '台北市政府今天宣布，市區公車將在2030年前全面改為電動車，首批五百輛新車預計明年上路，汰換經費由中央與地方共同負擔。',
    '即時路況不漏接 官方帳號搶先看',
    '點我加入LINE好友',
    '交通局長表示，電動公車的噪音與排放都遠低於柴油車，市府也將在各轉運站增設充電設備，並培訓維修人力。',
    '充電站布建',
    '市府規劃在十二個公車調度站設置快充設備，第一階段工程將於今年底完工，屆時可同時為八十輛公車充電。',
    '分享',
    '相關新聞',
    '北捷新路線試營運 首週搭乘人次破十萬',
    '雙北共享單車擴點 新增兩百站',
  ].join('\n\n');
  const a = parseDocument(Buffer.from(page), 'bus.txt');
  const texts = a.paragraphs.map((p) => p.text);
  assert.ok(!texts.some((t) => t.includes('LINE') || t.includes('官方帳號')), texts.join(' | '));
  assert.ok(texts.includes('充電站布建'));
  assert.equal(texts.length, 4);
});

test('page dump: a dated caption under a section heading deep in a long entry does not make that section the article', () => {
  const intro = [
    '青溪湖风景区位于省境东部，是全省面积最大的淡水湖，湖区周边分布着十余个村镇，湖水主要来自北部山区的三条河流。',
    '湖区早在宋代就有渔村聚落，明清两代修筑堤防与水闸，形成今日湖东与湖西两片水域，当地人至今仍以捕鱼和种藕为生。',
    '二十世纪八十年代起，地方政府在湖区设立保护区，限制围湖造田，湖面面积逐步恢复，候鸟数量也随之增加。',
    '湖区年平均气温约十六度，冬季偶有结冰，夏季多雷雨，每年四月至十月是游客最多的季节，周末常见自驾游客。',
  ];
  const section = '青溪湖大桥连接湖东与湖西两岸，全长三点二公里，通车后两岸往来的时间由一小时缩短为十分钟。';
  const page = ['首页', '分类索引', '特色内容', '最近更改', '随机条目', '帮助', '青溪湖风景区', ...intro, '交通建设', '2019年6月30日通车的青溪湖大桥', section, '参考文献', '外部链接', '分类：湖泊', '本页面最后修订于2024年4月28日', '隐私政策', '关于本站', '免责声明'].join('\n');
  const a = parsePageDump(page, 'x.txt');
  assert.equal(a.title, '青溪湖风景区');
  assert.deepEqual(texts(a), [...intro, '交通建设', section]);
});

test('page dump: ad labels, inline recommended links and short related boxes inside a body interrupt it; reprint notes, hashtags and closing lists end it', () => {
  const p = [
    '縣府今天公布新的公車路網規劃，未來將以幹線搭配支線的方式營運，預計明年第一季起分區上路，首階段先從市區開始調整。',
    '交通處長表示，新路網參考了過去一年的刷卡資料，尖峰時段的班距將縮短到十分鐘以內，偏鄉則改由預約式小巴服務。',
    '地方議員在質詢時則提醒，路線調整必須提前公告，並在站牌張貼新舊路線對照表，以免年長者不知道如何轉乘。',
    '縣府回應，上路前會舉辦多場說明會，也會在主要轉運站安排志工協助民眾查詢，並透過里長廣播宣導新制。',
    '根據規劃，首階段調整後，市區幹線將由現行的十二條整併為八條，並新增兩條連接高鐵站與工業區的快捷路線。',
  ];
  const page = [
    '首頁', '地方', '交通', '縣府公布公車新路網 明年首季分區上路', '記者林文華／縣市報導', '2024-05-06 10:30',
    p[0], '廣告', p[1], '延伸閱讀：客運業者缺司機 縣府擬提高補助', p[2],
    '【相關新聞】', '▸ 公車票價明年起調整', '▸ 轉乘優惠延長一年', p[3], p[4],
    '本文經《地方交通報》授權轉載，原文請見此。', '#公車 #路網 #交通', '喜歡這篇報導嗎？加入會員，支持地方新聞，享受無廣告閱讀體驗。',
    '【延伸閱讀】', '▸ 縣府推動電動公車', '▸ 高鐵站接駁車增班', '關於我們', '隱私權政策',
  ].join('\n');
  const a = parsePageDump(page, 'x.txt');
  assert.deepEqual(texts(a), p);
  // A closing related box (nothing of the article after it) still ends the body.
  const closing = parsePageDump(page.replace(`${p[3]}\n${p[4]}\n`, ''), 'y.txt');
  assert.deepEqual(texts(closing), p.slice(0, 3));
});
