// Taiwanese news text, converted to Simplified for jieba, met words its Simplified dictionary does
// not hold (施打 "administer a vaccine", 匡列 "list as a contact", 衛福部) and 週 "week" turned into the
// surname 周: each came out as a person. Sentences written for this test, in the style of such news.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spans } from './helpers.ts';

const people = (text: string) => spans(text).filter((s) => s.endsWith('/PER'));

test('a word glued to Arabic digits goes on with the number, not a name', () => {
  assert.deepEqual(people('日本政府將採購約200萬人份口服藥。'), []);
  assert.deepEqual(people('違者將處3000元至1萬5000元罰鍰。'), []);
  assert.deepEqual(people('完成兩劑滿12周後可預約追加劑。'), []);
});

test('週 is a week, never the surname 周; 周 still is', () => {
  assert.deepEqual(people('接種第二劑滿12週且年滿18歲者，上週因故未能預約的民眾可改約。'), []);
  assert.deepEqual(people('歌手周興哲週三表示將延後演唱會。'), ['周興哲/PER']);
});

test('a verb or function character glued after a surname-like character is not a given name', () => {
  assert.deepEqual(people('施打疫苗後應觀察15分鐘。'), []);
  assert.deepEqual(people('全國施打兩劑的人數已過半，昨天匡列了12人。'), []);
  assert.deepEqual(people('醫師會查看用藥史及過敏紀錄。'), []);
});

test('an unknown word ending like a ministry or agency is not a person', () => {
  assert.deepEqual(people('衛福部今天宣布，食藥署將加速審查。'), []);
});

test('names in the same sentences are still found', () => {
  assert.deepEqual(people('指揮官陳時中今天表示，民眾可施打第三劑疫苗。'), ['陳時中/PER']);
  assert.deepEqual(people('衛福部部長薛瑞元說，食藥署已同意。'), ['薛瑞元/PER']);
});

test('countries and places by their Taiwanese names are places, not people', () => {
  const places = (text: string) => spans(text).filter((s) => !s.endsWith('/ORG'));
  assert.deepEqual(places('帛琉旅遊泡泡暫停，旅客改赴夏威夷。'), ['帛琉/LOC', '夏威夷/LOC']);
  assert.deepEqual(places('卡達與馬拉威、史瓦帝尼都傳出病例。'), ['卡達/LOC', '馬拉威/LOC', '史瓦帝尼/LOC']);
  assert.deepEqual(places('新北、苗栗和花蓮今天各增一例，金門維持清零。'), ['新北/LOC', '苗栗/LOC', '花蓮/LOC', '金門/LOC']);
});

test('a name before ︰ (the colon of Taiwanese headlines) is closed by it', () => {
  assert.deepEqual(people('陳時中︰讓預約的人都打得到'), ['陳時中/PER']);
});

test('an unknown two-character word that a noun follows is what the noun is about, not a person; a role after a name keeps it', () => {
  assert.deepEqual(people('各地宮廟教堂都要實名制。'), []);
  assert.deepEqual(people('民眾可接種武肺疫苗。'), []);
  assert.deepEqual(people('超市商超门店都排起长队。'), []);
  assert.deepEqual(people('孫瑩副總裁告訴記者，新廠明年投產。'), ['孫瑩/PER']);
  assert.deepEqual(people('由饒穎主演的電影今天上映。'), ['饒穎/PER']);
  assert.deepEqual(people('這是冼豪烈士的故居。'), ['冼豪/PER']);
});

test("Taiwan's government bodies are found whole, 暨 joins one body's name, and events, squads and titles are no bodies", () => {
  const orgs = (text: string) => spans(text).filter((s) => s.endsWith('/ORG'));
  assert.deepEqual(orgs('衛生福利部今天說明，中央流行疫情指揮中心將延長警戒。'), ['衛生福利部/ORG', '中央流行疫情指揮中心/ORG']);
  assert.deepEqual(orgs('美國疾病管制暨預防中心週五更新指引。'), ['美國疾病管制暨預防中心/ORG']);
  assert.deepEqual(orgs('教育部暨所屬機關一律停辦尾牙。'), ['教育部/ORG']);
  assert.deepEqual(orgs('台中燈會與市府記者會都延期，營隊也暫停。'), []);
  assert.deepEqual(orgs('民進黨立委今天質詢時說明。'), ['民進黨/ORG']);
  assert.deepEqual(orgs('帛琉總統府臉書今天發文。'), ['帛琉總統府/ORG', '臉書/ORG']);
});

test('one character is a place only where it abbreviates one or a division follows it', () => {
  const places = (text: string) => spans(text).filter((s) => s.endsWith('/LOC'));
  assert.deepEqual(places('今年取消搶頭香活動。'), []);
  assert.deepEqual(places('票種最複雜的東琉線試辦電子票。'), []);
  assert.deepEqual(places('美日兩國今天會談。'), ['美/LOC', '日/LOC']);
});

test('temples, news agencies and words ending in 媒 or 隔 are not people', () => {
  assert.deepEqual(people('嘉義玉清宮今年取消活動，香客可線上參拜。'), []);
  assert.ok(spans('嘉義玉清宮今年取消活動').includes('玉清宮/LOC'));
  assert.deepEqual(people('當地昨天新增病例。（歐新社）'), []);
  assert.deepEqual(people('當地昨天新增病例。（安莎社）'), []);
  assert.deepEqual(people('韓媒報導，確診者已完成居隔。'), []);
});

test('surnames common in Taiwan (洪, 賴) start names, and a title glued to the name is taken off it', () => {
  assert.deepEqual(people('議員洪志明今天表示，將在議會質詢。'), ['洪志明/PER']);
  assert.deepEqual(people('院長賴明宏說，醫院已啟動分艙。'), ['賴明宏/PER']);
  assert.deepEqual(people('台中市長盧志明昨天宣布停辦跨年。'), ['盧志明/PER']);
  assert.deepEqual(people('連日大雨，洪水淹沒農田。'), []);
});

test('a name cut by the dictionary into a place and a character, or after a title glued to its surname, is found whole', () => {
  assert.deepEqual(people('內政部長徐國勤宣布，即日起加強邊境檢疫。'), ['徐國勤/PER']);
  assert.deepEqual(people('交通部長王國樑今日也到場。'), ['王國樑/PER']);
  assert.deepEqual(people('嘉義縣長翁明德、消防局長都到場。'), ['翁明德/PER']);
});

test('a transliterated name glossed by its Latin spelling is a person, with its last syllable', () => {
  assert.deepEqual(people('美國防疫專家佛奇（Anthony Fauci）說，疫情仍在升溫。'), ['佛奇/PER']);
  assert.deepEqual(people('衛生部長特米多（Marta Temido）表示，將延長管制。'), ['特米多/PER']);
  assert.deepEqual(people('專家特米多指出，病毒仍在變異。'), ['特米多/PER']);
  assert.deepEqual(people('克林顿多说了几句。'), ['克林顿/PER'], 'a name jieba holds whole is complete');
});

test('Taiwanese news words are words, city short names are places, and a count ends a body before another', () => {
  assert.deepEqual(people('本週施打率已過八成，曾染疫者也應接種。'), []);
  assert.deepEqual(people('民眾向議員陳情，要求宮廟停辦活動。'), []);
  assert.deepEqual(people('日本首相岸田昨天宣布延長邊境管制。'), ['岸田/PER']);
  assert.ok(spans('北市府今天宣布，高市也跟進。').includes('北市府/ORG'));
  assert.ok(spans('北市府今天宣布，高市也跟進。').includes('高市/LOC'));
  assert.ok(!spans('北市另有十家衛生福利部所屬醫院').some((s) => s.startsWith('北市另有')));
  assert.ok(!spans('北市莫德納接種比例高').includes('北市莫德納/ORG'));
});

test('a person\'s Facebook page, "a certain university", 有所 and building a plant are no bodies', () => {
  const orgs = (text: string) => spans(text).filter((s) => s.endsWith('/ORG'));
  assert.deepEqual(orgs('球星戴維斯臉書昨天發文。'), ['臉書/ORG']);
  assert.deepEqual(orgs('北市某大學爆發群聚。'), []);
  assert.deepEqual(orgs('防疫工作有所鬆懈，廠商仍赴越南設廠。'), []);
});

test('a long word the dictionary tags a place but made of common words and ending like no place is no place', () => {
  const places = (text: string) => spans(text).filter((s) => s.endsWith('/LOC'));
  assert.deepEqual(places('捐款遠超過預期，民眾可安心歡度春節。'), []);
  assert.deepEqual(places('非營利組織發送蝴蝶蘭造型御守。'), []);
  assert.ok(places('科考隊穿越柴達木盆地與撒哈拉沙漠。').length === 2);
});

test("Taiwan's districts are places, and caption positions and everyday words the dictionary tags as names are not people", () => {
  const places = (text: string) => spans(text).filter((s) => s.endsWith('/LOC'));
  assert.deepEqual(places('家住蘆竹的民眾與楊梅區的同事都已採檢。'), ['蘆竹/LOC', '楊梅區/LOC']);
  assert.deepEqual(people('院長（左二）與議員（左起）合影，市長冷笑回應。'), []);
  assert.deepEqual(places('研究團隊測試中和抗體。'), []);
});

test('after a title glued to a two-character name, the last given-name character left alone is the name\'s', () => {
  assert.deepEqual(people('台中市長林友宜、議長都到場。'), ['林友宜/PER']);
  assert.deepEqual(people('新竹市長高友宜、議長都到場。'), ['高友宜/PER']);
});

test('a works or agency jieba tagged oddly right after a place is that body; "all the clinics" of a place is none', () => {
  assert.ok(spans('苏州蝶阀厂今年扩产。').includes('苏州蝶阀厂/ORG'));
  assert.ok(!spans('旗津所有醫療院所都將開設快篩站。').some((s) => s.endsWith('/ORG')));
});

test('中共 is a body, and a member of a congress or conference names it (政协委员, 人大代表)', () => {
  const orgs = (text: string) => spans(text).filter((s) => s.endsWith('/ORG'));
  assert.deepEqual(orgs('他曾是中共地下黨員。'), ['中共/ORG']);
  assert.deepEqual(orgs('更好地履行政協委員職責。'), ['政協/ORG']);
});

test('a place jieba holds whole with a body\'s strong ending is that body', () => {
  assert.deepEqual(spans('俄罗斯国家杜马今天通过法案。'), ['俄罗斯国家杜马/ORG']);
  assert.deepEqual(spans('故宫博物院今年闭馆改建。'), ['故宫博物院/ORG']);
});

test('legislators and camps by party colour, and 修法, are no names', () => {
  assert.deepEqual(spans('藍委批評綠營護航，白委提案修法。'), []);
});

test("Taiwan's titles before a name (次長, 主委) find it, and its agencies and teams are bodies", () => {
  assert.deepEqual(people('衛福部次長李必勝說，疫苗將在下週到貨。'), ['李必勝/PER']);
  const orgs = (text: string) => spans(text).filter((s) => s.endsWith('/ORG'));
  assert.deepEqual(orgs('中央氣象署預報員表示，消基會也呼籲注意。'), ['中央氣象署/ORG', '消基會/ORG']);
  assert.deepEqual(orgs('中職統一獅今天擊敗樂天桃猿。'), ['中職/ORG', '統一獅/ORG', '樂天桃猿/ORG']);
});

test('after a title, a name whose given name starts with 家 is not "the family", and its last character glued to the day is the name\'s', () => {
  assert.deepEqual(people('特首李家明今早出席行政會議。'), ['李家明/PER']);
  assert.deepEqual(people('特首李家明表示，將放寬限制。'), ['李家明/PER']);
  assert.deepEqual(people('刘家三代都是农民。'), ['刘/PER'], 'a family without a title before it stays the family');
});

test('a surname that spells a country after a title, one jieba read as a verb before an unknown name, and a Japanese star are people', () => {
  assert.deepEqual(people('立法院長韓國棟主持院會。'), ['韓國棟/PER']);
  assert.deepEqual(people('羽球一姐戴資明今天晉級八強。'), ['戴資明/PER']);
  assert.deepEqual(people('大家要戴口罩，查一查足跡。'), []);
  assert.deepEqual(people('棒球好手大谷翔平今天開轟。'), ['大谷翔平/PER']);
  assert.ok(spans('他赴韓國訪問。').includes('韓國/LOC'));
});

test('lakes and springs stay places though their names start with a word (日月潭), and Taichung\'s veterans hospital is a body', () => {
  assert.ok(spans('日月潭遊客人數創新高。').includes('日月潭/LOC'));
  assert.ok(spans('台中榮總今天證實收治傷患。').includes('台中榮總/ORG'));
});
