import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { linkArticleNames, recognizeArticleNames, nameKey } from '../../../src/core/entities/article-names.ts';
import { findTextEntities } from '../../../src/core/entities/text-entities.ts';
import { tempDb, spans } from './helpers.ts';
import { commonCompound } from '../../../src/core/entities/name-parts.ts';
import { isTranslitWord } from '../../../src/core/entities/foreign-names.ts';

test('recognises people, places and organisations in Simplified and Traditional text alike', async () => {
  assert.deepEqual(spans('毛泽东和邓小平在北京会见了尼克松。'), ['毛泽东/PER', '邓小平/PER', '北京/LOC', '尼克松/PER']);
  assert.deepEqual(spans('毛澤東和鄧小平在北京會見了尼克松。'), ['毛澤東/PER', '鄧小平/PER', '北京/LOC', '尼克松/PER']);
});

test('a foreign name joined by a middle dot is one complete person', async () => {
  assert.ok(spans('德国哲学家于尔根·哈贝马斯认为').includes('于尔根·哈贝马斯/PER'));
  assert.ok(spans('前承包商爱德华·斯诺登曝光了文件').includes('爱德华·斯诺登/PER'));
  // A syllable jieba reads as a word of its own before the dot (汤姆/nr 士/n ·) is the first part's.
  assert.ok(spans('宇航员汤姆士·史达福告诉记者').includes('汤姆士·史达福/PER'));
  assert.ok(spans('小说里的阿尔卡季·斯维亚托夫出场了').some((s) => s.startsWith('阿尔卡季·')));
  // The -sky ending jieba reads as an adjective (斯塔罗宾斯 基/a) ends the name.
  assert.ok(spans('引自让·斯塔罗宾斯基的书').includes('让·斯塔罗宾斯基/PER'));
  assert.ok(spans('教练麦尔斯基集合全国的优秀选手').includes('麦尔斯基/PER'));
});

test('ordinary words jieba tags as names are not people', async () => {
  const found = spans('这个宣传性的活动说明了文明与安全的重要。');
  assert.ok(!found.some((s) => s.endsWith('/PER')), found.join(' '));
});

test('a bare surname goes to the full name written in the same article, and only there', async () => {
  const paragraphs = ['美国前承包商爱德华·斯诺登曝光了监控计划。', '斯诺登说他不后悔。'];
  const { found } = linkArticleNames(recognizeArticleNames('', paragraphs), paragraphs, [], () => false);
  const person = found.find((f) => f.key === nameKey('爱德华·斯诺登'));
  assert.ok(person);
  assert.equal(person.count, 2);
  assert.ok(!found.some((f) => f.key === nameKey('斯诺登')));
  // Alone, the surname is its own name: never merged with a full name from another article.
  const alone = ['斯诺登说他不后悔。'];
  const { found: other } = linkArticleNames(recognizeArticleNames('', alone), alone, [], () => false);
  assert.ok(other.some((f) => f.key === nameKey('斯诺登')));
});

test('findTextEntities: curated aliases first, found names after, offsets in code points', async () => {
  const db = tempDb();
  const text = '🙂澤倫斯基會見毛澤東';
  const es = (await findTextEntities(sqliteStores(db), text));
  assert.deepEqual(es.map((e) => [e.start, e.end, e.text, e.type, e.entity_id]), [
    [1, 5, '澤倫斯基', 'PER', 'zelensky'],
    [7, 10, '毛澤東', 'PER', 'n:毛泽东'],
  ]);
  db.close();
});

test('a learned surname-only transliteration never absorbs another person of that surname', async () => {
  const { rendersSurnameOnly } = await import('../../../src/core/entities/learn-aliases.ts');
  assert.equal(rendersSurnameOnly('弗洛伊德', 'George Floyd'), true);
  assert.equal(rendersSurnameOnly('于尔根·哈贝马斯', 'Jürgen Habermas'), false);
  assert.equal(rendersSurnameOnly('刘晓波', 'Liu Xiaobo'), false);
  const { store, article } = await import('./helpers.ts');
  const { buildEntityReport } = await import('../../../src/core/entities/entity-report.ts');
  const db = tempDb();
  const floyd = await store(db, 'a.txt', article('明尼蘇達示威', ['非裔男子弗洛伊德（George Floyd）遭警察壓頸身亡，引發全美抗議。', '弗洛伊德的家人要求起訴。']));
  const freud = await store(db, 'b.txt', article('精神分析', ['心理學家弗洛伊德認為，夢是願望的滿足。']));
  const report = (await buildEntityReport(sqliteStores(db), 'george-floyd'))!;
  assert.deepEqual(report.articleIds, [floyd]);
  assert.ok(!report.articleIds.includes(freud));
  db.close();
});

test('a learned dotted name keeps its first syllable (于尔根·哈贝马斯, not 尔根·哈贝马斯)', async () => {
  const { store, article } = await import('./helpers.ts');
  const db = tempDb();
  await store(db, 'h.txt', article('哲學', ['德國哲學家于尔根·哈贝马斯（Jürgen Habermas）認為，公共領域正在衰落。']));
  const names = db.prepare(`SELECT alias FROM entity_aliases WHERE entity_id = 'jurgen-habermas'`).pluck().all() as string[];
  assert.ok(names.includes('于尔根·哈贝马斯'), names.join(' '));
  assert.ok(!names.some((n) => n.startsWith('尔根')), names.join(' '));
  db.close();
});

test('two people who share a transliterated surname stay two (布什: George W. Bush, Vannevar Bush)', async () => {
  const { store, article } = await import('./helpers.ts');
  const { resolveEntity } = await import('../../../src/core/entities/resolve-entity.ts');
  const db = tempDb();
  await store(db, 'a.txt', article('伊拉克', ['美國前總統布什（George W. Bush）宣布出兵伊拉克。']));
  await store(db, 'b.txt', article('科學', ['工程師布什（Vannevar Bush）在1945年寫下〈誠如所思〉。']));
  const gw = (await resolveEntity(sqliteStores(db), 'George W. Bush')).entity!;
  const vb = (await resolveEntity(sqliteStores(db), 'Vannevar Bush')).entity!;
  assert.ok(gw && vb);
  assert.notEqual(gw.id, vb.id);
  db.close();
});

test('a surname finds the one found person of that name, and only suggests when two share it', async () => {
  const { store, article } = await import('./helpers.ts');
  const { resolveEntity } = await import('../../../src/core/entities/resolve-entity.ts');
  const db = tempDb();
  await store(db, 'h.txt', article('哲學', ['德國哲學家于尔根·哈贝马斯认为公共领域正在衰落。']));
  const one = (await resolveEntity(sqliteStores(db), '哈贝马斯'));
  assert.equal(one.entity?.name_zh, '于尔根·哈贝马斯');
  assert.equal(one.match, 'alias');
  await store(db, 'k.txt', article('另一位', ['经济学家丽贝卡·哈贝马斯发表了报告。']));
  const two = (await resolveEntity(sqliteStores(db), '哈贝马斯'));
  assert.equal(two.entity, null);
  assert.equal(two.suggestions.length, 2);
  db.close();
});

test('findTextEntities: a one-character abbreviation is its country, a division suffix stays its place, a name built on a place is its own', async () => {
  const db = tempDb();
  const stores = sqliteStores(db);
  const ents = async (text: string) => (await findTextEntities(stores, text)).map((e) => `${e.text}/${e.type}/${e.entity_id}`);
  try {
    assert.deepEqual(await ents('中方对美方的表态表示欢迎。'), ['中/LOC/china', '美/LOC/united-states']);
    const pair = await findTextEntities(stores, '中意两国签署协议');
    assert.deepEqual(pair.map((e) => [e.text, e.entity_id, e.name]), [['中', 'china', '中國'], ['意', 'n:意大利', '意大利']], 'a place not stored yet is named, not shown as its id');
    assert.deepEqual(await ents('他昨天抵达北京市。'), ['北京市/LOC/beijing'], 'one span, the place itself');
    assert.deepEqual(await ents('中国队昨晚以三比一获胜。'), ['中国队/ORG/n:中国队'], 'the team, without a span for China inside it');
    assert.deepEqual(await ents('朝鲜半岛局势紧张。'), ['朝鲜半岛/LOC/n:朝鲜半岛']);
    assert.deepEqual(await ents('发展中国家的代表出席会议。'), [], 'developing countries are not China');
    assert.ok(!(await ents('香港市民上街。')).some((e) => e.startsWith('香港市民')), 'residents are not a place');
  } finally {
    db.close();
  }
});

test('companies named after a name, surnames with a title, whole transliterations, and no dateline in an organisation', () => {
  assert.deepEqual(spans('据悉，休斯公司将发射两颗卫星'), ['休斯公司/ORG']);
  assert.ok(spans('德国企业买下了罗威汽车公司').includes('罗威汽车公司/ORG'));
  assert.ok(spans('劳拉公司总裁昨天访问北京').includes('劳拉公司/ORG'), 'the title glued to the head is not the company');
  assert.ok(!spans('一到公司就开会').some((s) => s.endsWith('/ORG')), 'glued function words are not a name');
  assert.deepEqual(spans('约翰霍普金斯大学的统计显示'), ['约翰霍普金斯大学/ORG'], 'a university named after a foreign name is not that person');
  assert.deepEqual(spans('他在史密斯医院工作'), ['史密斯医院/ORG']);
  assert.ok(!spans('王强大学毕业后回到家乡').some((s) => s.endsWith('/ORG')), 'a Chinese name before 大学 is a person who went to one');
  assert.deepEqual(spans('李先生说'), ['李/PER']);
  assert.ok(spans('外长普里马科夫下周访华').includes('普里马科夫/PER'));
  assert.ok(spans('新华社上海3月2日电外交部发言人今天表示').includes('外交部/ORG'));
});

test('two countries before a bilateral word, and a name before an administrative suffix, are places', () => {
  assert.deepEqual(spans('中日两国的关系'), ['中/LOC', '日/LOC']);
  assert.deepEqual(spans('中英两国领导人举行了会谈'), ['中/LOC', '英/LOC']);
  assert.ok(!spans('他很中意这件衣服').includes('中/LOC'), 'a verb is not two countries');
  assert.ok(spans('加拿大西部塔科马市正在扩建港口').includes('塔科马市/LOC'));
  assert.ok(spans('住在科罗拉多州特勒拉斯县的农场').includes('特勒拉斯县/LOC'));
  assert.ok(!spans('中日友好医院').some((s) => s === '中/LOC'), 'a hospital named for friendship is not the pair');
});

test('two countries are places however jieba cut the pair, with one of them a major country', () => {
  assert.deepEqual(spans('双方就中印边界问题交换了意见'), ['中/LOC', '印/LOC']);
  assert.deepEqual(spans('他认为墨美两国应当加强合作'), ['墨/LOC', '美/LOC']);
  assert.deepEqual(spans('部长说，埃中关系发展顺利'), ['埃/LOC', '中/LOC']);
  assert.deepEqual(spans('这符合中葡双方的利益'), ['中/LOC', '葡/LOC']);
  assert.ok(!spans('西南关系到全局').includes('南/LOC'), 'two directions are not two countries');
  assert.ok(!spans('这件作品美中不足').includes('美/LOC'), 'an idiom is not a pair');
});

test('the people of a place name it, but 华人 and 华裔 do not name China', () => {
  assert.ok(spans('数千名华侨参加了庆祝活动').includes('华/LOC'));
  assert.ok(spans('不少港人周末北上消费').includes('港/LOC'));
  assert.ok(!spans('美国华人社区举行集会').includes('华/LOC'));
  assert.ok(!spans('公司的法人代表签了字').includes('法/LOC'), 'a legal person is not France');
});

test('a named building or site is one place; a country before a bare facility word is not its name', () => {
  assert.ok(spans('比赛在广州天河体育馆举行').includes('天河体育馆/LOC'));
  assert.ok(spans('代表团抵达德黑兰机场').includes('德黑兰机场/LOC'));
  assert.ok(spans('游客参观了上海博物馆的新展厅').includes('上海博物馆/LOC'));
  assert.ok(!spans('日本机场的安检很严格').some((s) => s.startsWith('日本机场')), 'any airport of Japan');
  assert.ok(!spans('特朗普白宫的政策').some((s) => s.startsWith('特朗普白')), 'the White House is not named after a person');
});

test('a name the dictionary holds whole is a person even when its given name is a common word; phrases it tags nr are not', () => {
  assert.ok(spans('昨天胡锦涛在北京会见了代表团').includes('胡锦涛/PER'));
  assert.ok(spans('他读了很多陈独秀的文章').includes('陈独秀/PER'));
  assert.deepEqual(spans('过了一段时间，他们又回来了'), []);
  assert.deepEqual(spans('那个戴眼镜的人走了'), []);
  assert.deepEqual(spans('系统的安全性很高'), []);
});

test('transliterations with 延, 坚, 热 and 日 are foreign names; 美利坚 is a country', () => {
  assert.ok(spans('俄罗斯前总理基里延科后来担任了公司总裁').includes('基里延科/PER'));
  assert.ok(spans('巴西球员若热昨天进了球').includes('若热/PER'));
  assert.ok(spans('美利坚是一个移民国家').includes('美利坚/LOC'));
});

test('a short word jieba calls a place is one only when it is a known place or the text says so', () => {
  assert.deepEqual(spans('公司很重视员工的福利'), [], 'welfare');
  assert.deepEqual(spans('这项加密技术已经成熟'), []);
  assert.ok(spans('他出生在礁溪，后来搬到台北').includes('礁溪/LOC'), 'a Taiwanese township is listed');
  assert.ok(spans('海淀的房价又涨了').includes('海淀/LOC'), 'a district without its suffix');
  assert.ok(spans('代表团昨天抵达德班').includes('德班/LOC'), 'after a verb of going');
  assert.ok(spans('会议在德班举行').includes('德班/LOC'), 'where a meeting is held');
  assert.ok(spans('北市今天新增三例').includes('北市/LOC'), 'Taiwanese short name of Taipei City');
});

test('common words and loanwords the dictionary tags as names are not people', () => {
  assert.deepEqual(spans('这是一个道德问题'), []);
  assert.deepEqual(spans('谢谢大家的支持'), []);
  assert.deepEqual(spans('那是一个摩登的时代，人人都有乌托邦的梦想'), []);
  assert.ok(spans('塔利班控制了首都').includes('塔利班/ORG'));
  assert.ok(spans('阿拉伯国家的外长开会').includes('阿拉伯/LOC'));
  assert.ok(spans('约翰昨天说他会来').includes('约翰/PER'), 'a short foreign name the dictionary counts less often stays');
});

test('unknown words glued to a verb ending or a currency are not names; a country glued to 人 is the country', () => {
  assert.deepEqual(spans('他曾任外交部长'), ['外交部/ORG']);
  assert.deepEqual(spans('把这段修掉再说'), []);
  assert.deepEqual(spans('我的车贷还没还完'), []);
  assert.deepEqual(spans('一个伊朗人说'), ['伊朗/LOC']);
  assert.deepEqual(spans('马赛克的图案很漂亮'), [], 'mosaic is not Marseille');
  assert.ok(spans('霍夫施塔特认为美国政治有偏执倾向').includes('霍夫施塔特/PER'), 'a transliteration whose second half starts like a surname');
  assert.ok(spans('省卫健委通报了最新情况').includes('卫健委/ORG') || spans('省卫健委通报了最新情况').includes('省卫健委/ORG'));
  assert.ok(!spans('省卫健委通报了最新情况').some((s) => s.includes('通报')), 'a report is not part of the body');
});

test('organisations named with a verb of their business, a name of their own or before a title', () => {
  assert.ok(spans('挪威渔业部长今天抵达北京').includes('挪威渔业部/ORG'), 'the ministry, not the minister');
  assert.ok(spans('法国国家统计委员会发布了数据').includes('法国国家统计委员会/ORG'));
  assert.ok(spans('德国海德堡大学医院的医生').includes('德国海德堡大学医院/ORG'));
  assert.ok(spans('国安部副部长昨天下台').includes('国安部/ORG'));
  assert.deepEqual(spans('北京召开委员会会议'), ['北京/LOC'], 'the verb right after the place is the sentence\'s');
  assert.deepEqual(spans('外交部发言人今天说'), ['外交部/ORG']);
});

test('the Earth and the Moon are places; a country or city glued to a place in it is two places', () => {
  assert.ok(spans('地球上的生命起源于海洋').includes('地球/LOC'));
  assert.ok(spans('宇航员第一次踏上月球表面').includes('月球/LOC'));
  assert.deepEqual(spans('他曾在法国巴黎留学'), ['法国/LOC', '巴黎/LOC']);
  assert.deepEqual(spans('沙特阿拉伯宣布增产'), ['沙特阿拉伯/LOC'], 'a name known whole is not split');
  assert.ok(spans('中华民族有悠久的历史').includes('中华/LOC'));
});

test('Japanese names however jieba cut them, and a Japanese surname before a title', () => {
  assert.ok(spans('日本前首相小渊惠三曾访问美国').includes('小渊惠三/PER'));
  assert.ok(spans('小说家村上春树的新书出版了').includes('村上春树/PER'));
  assert.ok(spans('岸田文雄表示将继续谈判').includes('岸田文雄/PER'));
  assert.ok(spans('田中首相当天发表讲话').includes('田中/PER'));
  assert.ok(!spans('这个消息石破天惊').some((s) => s.endsWith('/PER')), 'an idiom');
  assert.ok(!spans('游客在山本公园里散步').some((s) => s.endsWith('/PER')), 'a park');
});

test('a generic body alone and a meeting are not organisations; a named one is', () => {
  assert.deepEqual(spans('各级党组织要发挥作用'), []);
  assert.deepEqual(spans('党委决定召开会议'), []);
  assert.ok(!spans('十八届三中全会通过了决定').some((s) => s.endsWith('/ORG')), 'a plenary session');
  assert.ok(spans('溪口镇党委决定修路').includes('溪口镇党委/ORG'));
});

test('federations by short name, offices, forums and groups after a name are organisations', () => {
  assert.ok(spans('湖南省残联组织了活动').includes('湖南省残联/ORG'));
  assert.ok(spans('国家杜马通过了法案').includes('国家杜马/ORG'));
  assert.ok(spans('国务院特区办公室发布通知').some((s) => s.endsWith('办公室/ORG')));
});

test('a country abbreviation after a verb of visiting is a place even inside a longer word', () => {
  assert.ok(spans('德国驻华使节出席了招待会').includes('华/LOC'));
  assert.ok(spans('意大利重视发展对华关系').includes('华/LOC'));
  assert.ok(!spans('人们对美好生活的向往').includes('美/LOC'));
});

test('currencies and licences are not people; a federation jieba left unknown ends an organisation', () => {
  assert.deepEqual(spans('一美元兑换八十卢比'), []);
  assert.deepEqual(spans('他申请了营业许可证'), []);
  assert.ok(spans('国际武联昨天公布了新规则').includes('国际武联/ORG'));
});

test('the command keeps a named building around the place it is named after; Beijing time is not Beijing', async () => {
  const db = tempDb();
  try {
    const texts = async (t: string) => (await findTextEntities(sqliteStores(db), t)).map((e) => `${e.text}/${e.type}`);
    assert.deepEqual(await texts('北京图书大厦今天开业'), ['北京图书大厦/LOC']);
    assert.deepEqual(await texts('比赛在北京时间清晨四点开始'), []);
  } finally {
    db.close();
  }
});

test('names the dictionary tags as a time or a proper noun are people; Muslim is not', () => {
  assert.ok(spans('这本书研究周恩来的外交思想').includes('周恩来/PER'));
  assert.ok(spans('昨天邱淑贞也来了').includes('邱淑贞/PER'));
  assert.deepEqual(spans('穆斯林在斋月里白天禁食'), []);
});

test('国家 and 国际 open a body\'s name; a provincial committee member is the committee\'s', () => {
  assert.ok(spans('国家统计局公布了最新数据').includes('国家统计局/ORG'));
  assert.ok(spans('他加入了国际狮子会').includes('国际狮子会/ORG'));
  assert.ok(spans('省委常委、宣传部长出席').includes('省委/ORG'));
  assert.ok(!spans('这是国际旅行的常识').some((s) => s.endsWith('/ORG')));
});

test('a province known whole is not two abbreviations; counties, districts, money and coasts', () => {
  assert.deepEqual(spans('他下个月要去辽宁出差'), ['辽宁/LOC']);
  assert.ok(spans('南京市鼓楼区发布了通知').includes('鼓楼区/LOC'), 'a district jieba tags as a noun');
  assert.ok(spans('江苏省沛县出了一位名人').includes('沛县/LOC'), 'a two-character county');
  assert.deepEqual(spans('沿海地区的经济发展很快'), []);
  assert.deepEqual(spans('这辆车价值三百万挪威克朗'), [], 'money is not a place mention');
  assert.deepEqual(spans('亚洲各国的代表出席了会议'), ['亚洲/LOC']);
});

test('an unknown word of transliteration characters is a foreign name unless it ends like a place', () => {
  assert.ok(spans('哲学家德沃金认为权利是王牌').includes('德沃金/PER'));
  assert.ok(!spans('他住在纽约哈雷姆区').some((s) => s.startsWith('哈雷姆') && s.endsWith('/PER')));
  assert.ok(spans('他是傅家的长子，名叫傅斯年').includes('傅斯年/PER'), '傅 is a surname');
});

test('a name jieba glued to 致 (the title of a letter) is a person', () => {
  assert.ok(spans('致孙亮的一封信').includes('孙亮/PER'));
});

test('travel, a region\'s part and a count are not organisations; the African Union is', () => {
  assert.deepEqual(spans('去香港旅行的人很多'), ['香港/LOC']);
  assert.ok(!spans('四大银行的利润下降').some((s) => s.startsWith('四大')));
  assert.ok(!spans('中西部地区发展较慢').some((s) => s.endsWith('/ORG')));
  assert.ok(spans('非洲联盟发表了声明').includes('非洲联盟/ORG'));
});

test('a dotted foreign name keeps its last syllable and a piece after a single character', () => {
  assert.ok(spans('经济学家贾雷德·戴蒙德在书中写道').includes('贾雷德·戴蒙德/PER'));
  assert.ok(spans('记者采访了汤姆·斯托帕德').includes('汤姆·斯托帕德/PER'));
  assert.ok(spans('由荷兰人维姆·科克出任主席').includes('维姆·科克/PER'), 'a people word is not the first part');
});

test('two unknown halves of a transliteration are one foreign name', () => {
  assert.ok(spans('他批评了博索纳罗的政策').includes('博索纳罗/PER'));
});

test('a verb of speech the HMM glued to a name is cut off', () => {
  assert.ok(spans('记者何伟称，情况已经好转').includes('何伟/PER'));
});

test('a university department and a city\'s traffic police are bodies', () => {
  assert.ok(spans('北大哲学系的教授发表了文章').includes('北大哲学系/ORG'));
  assert.ok(spans('天津交警发布了通告').includes('天津交警/ORG'));
});

test('a paper\'s dateline is not part of a body; a body in a district starts at the district', () => {
  assert.ok(spans('本报讯新华社记者报道').includes('新华社/ORG'));
  assert.deepEqual(spans('武汉市江岸区人民法院今天开庭'), ['武汉市/LOC', '江岸区人民法院/ORG']);
  assert.ok(spans('台湾日本关系协会成立了').some((s) => s.startsWith('台湾日本关系协会')), 'a country inside a name is not a division');
});

test('a television station jieba cut before 台 is one body', () => {
  assert.ok(spans('湖南有线电视台播出了节目').includes('湖南有线电视台/ORG'));
});

test('a cup or prize named after a person names the person; a golden award names nobody', () => {
  assert.ok(spans('他获得了诺贝尔奖').includes('诺贝尔/PER'));
  assert.ok(!spans('这部电影获得了金马奖').some((s) => s.endsWith('/PER')));
});

test('a transliteration whose second half starts like a surname, or whose first syllable jieba took for a noun, is one name', () => {
  assert.ok(spans('前锋巴蒂斯图塔两次射门').includes('巴蒂斯图塔/PER'));
  assert.ok(spans('网球选手库尼科娃和她的教练').includes('库尼科娃/PER'));
});

test('a dotted name keeps a first part whose last piece starts like a surname; a title before it is not part of it', () => {
  assert.ok(spans('哲学家詹巴蒂斯塔·维柯写了新科学').includes('詹巴蒂斯塔·维柯/PER'));
  assert.ok(spans('沙特王储穆罕默德·本·萨勒曼表示').includes('穆罕默德·本·萨勒曼/PER'));
});

test('an organisation ends before a title with deputy words before it', () => {
  assert.deepEqual(spans('财政部副部长昨天表示'), ['财政部/ORG']);
  assert.deepEqual(spans('外交部一名副部长会见了代表团'), ['外交部/ORG']);
});

test('a word used as a verb or adjective is not a name, whatever the dictionary tags it', () => {
  assert.deepEqual(spans('网络连接突然中断了。'), [], '中断 takes an aspect marker');
  assert.deepEqual(spans('这里的东西太多，而且很新鲜。'), []);
  assert.deepEqual(spans('他们在上海举行了会议。'), ['上海/LOC']);
  assert.ok(spans('他被胡佛解雇。').includes('胡佛/PER'), '被 introduces an agent, a name');
});

test('a foreign name in two or more pieces, one of them unknown to the dictionary, is one person', () => {
  assert.ok(spans('俄方代表尤尔科夫昨天抵达').includes('尤尔科夫/PER'));
  assert.ok(spans('选手卡勃莱拉赢得冠军').includes('卡勃莱拉/PER'));
  assert.ok(spans('工程师杜特尔特昨天说').includes('杜特尔特/PER'));
});

test('a phrase the dictionary tags as an organisation is not one; a business named by its trade is', () => {
  for (const w of ['广大观众', '长足进展', '社会科学', '国际化']) assert.equal(commonCompound(w), true, w);
  for (const w of ['中国足协', '全国政协', '新华社', '通用电气', '联邦快递']) assert.equal(commonCompound(w), false, w);
});

test('a doctrine names its author; a name the dictionary calls a place is a person beside a title or a verb of speech', () => {
  assert.ok(spans('他们学习马克思主义的基本原理').includes('马克思/PER'));
  assert.ok(!spans('资本主义社会的矛盾').some((s) => s.endsWith('/PER')), 'capital is nobody');
  assert.ok(spans('以色列总理拉宾说，和平进程不会停止').includes('拉宾/PER'));
});

test('the commonest transliteration syllables are read as such: 约翰, 迈克尔, 卢梭', () => {
  for (const w of ['约翰', '迈克尔', '卢梭', '威尔逊', '陀思妥耶夫斯基']) assert.equal(isTranslitWord(w), true, w);
});

test('a place and a common institution noun are one body; a count or a bare company noun after a country is a description', () => {
  assert.ok(spans('郑州分局今天宣布').includes('郑州分局/ORG'));
  assert.ok(spans('政府成立了深圳科技创新委员会').includes('深圳科技创新委员会/ORG'));
  assert.ok(!spans('武汉一家医院收治了病人').some((s) => s.endsWith('医院/ORG')));
  assert.ok(!spans('一家法国软件公司宣布').some((s) => s.endsWith('公司/ORG')));
  assert.deepEqual(spans('中国社会发生了变化'), ['中国/LOC']);
});

test('a surname-led item listed beside a person is a person too; a listed place or common word is not', () => {
  assert.ok(spans('出席会议的有王建国、钮小明、朱培康等人').includes('钮小明/PER'), 'a rare surname the HMM left unknown');
  assert.ok(!spans('出席会议的有王建国、宗教界人士').some((s) => s.startsWith('宗教')), 'not beside a person');
  assert.ok(!spans('王建国、北京和上海的代表').includes('北京/PER'), 'a listed place stays a place');
});

test('a foreign name jieba cut in pieces is one name; a function word beside it is not a syllable', () => {
  assert.ok(spans('伊朗总统鲁哈尼今天发表讲话').includes('鲁哈尼/PER'), 'a lone first syllable');
  assert.ok(!spans('希特勒曾经说过').some((s) => s.startsWith('希特勒曾')), '曾 is an adverb');
});

test('a three-character name the dictionary holds whole may end like a place when its surname is common', () => {
  assert.ok(spans('他们纪念孙中山诞辰一百五十年').includes('孙中山/PER'));
  assert.ok(!spans('游客到阳明山看花').includes('阳明山/PER'), 'a rare surname: the place');
});

test('a surname with a title is the one person of that surname the text names in full, else a person nobody is known as', async () => {
  const db = tempDb();
  const stores = sqliteStores(db);
  const row = (es: Awaited<ReturnType<typeof findTextEntities>>, text: string) => es.filter((e) => e.text === text).map((e) => [e.type, e.entity_id]);
  const text = '厂长王建国说，王先生昨天到了北京';
  assert.deepEqual(row(await findTextEntities(stores, text), '王'), [['PER', 'n:王建国']]);
  assert.deepEqual(row(await findTextEntities(stores, '李先生昨天到了北京'), '李'), [['PER', null]]);
  // Two people of that surname: the title says which one no better than the reader can guess.
  assert.deepEqual(row(await findTextEntities(stores, '王建国和王小明说，王先生昨天到了北京'), '王'), [['PER', null]]);
  // In an article, the surname adds a mention of the full name, never a spelling of it.
  const paragraphs = [text];
  const { found } = linkArticleNames(recognizeArticleNames('', paragraphs), paragraphs, [], () => false);
  const wang = found.find((f) => f.key === nameKey('王建国'));
  assert.equal(wang?.count, 2);
  assert.deepEqual(wang?.surfaces, ['王建国']);
  assert.ok(!found.some((f) => f.key === '王'));
  db.close();
});

test('a name ending in 江, 山 or 峰 is a person beside a title or verb of speech; a country before 政府 stays a place', () => {
  assert.ok(spans('外长李明江说：这是好事').includes('李明江/PER'));
  assert.ok(spans('警备区政委高云江说：“作为军人”').includes('高云江/PER'), 'its last character glued to 说');
  assert.ok(spans('欧盟谴责南斯拉夫政府的做法').includes('南斯拉夫/LOC'), 'jieba tags 南斯拉夫 nr');
  assert.ok(spans('王建国、李大伟、徐起超、赵明，副主席').includes('徐起超/PER'), 'a listed name the rules cut short');
});

test('a contest verb jieba tags as a noun does not open a team; a place and an unknown word ending in 队 are a team; 学会 after a place is a society', () => {
  assert.ok(spans('中国女排以3比1战胜古巴队。').includes('古巴队/ORG'));
  assert.ok(!spans('中国女排以3比1战胜古巴队。').some((s) => s.startsWith('战胜')));
  assert.ok(spans('本轮主场迎战延边敖东队').includes('延边敖东队/ORG'));
  assert.ok(!spans('敖东队昨天输了').includes('敖东队/PER'), 'a team is no person');
  assert.ok(spans('他参加了东京国际法学会的年会').includes('东京国际法学会/ORG'));
});

test('a surname glued to an office, to 家 or after a familiar 老 is the person; words jieba tags nr are not', () => {
  assert.ok(spans('他坚决贯彻江主席的指示').includes('江/PER'), 'an office after a surname that is often a plain character');
  assert.ok(spans('老于还住在没有暖气的房子里').includes('于/PER'));
  assert.ok(spans('村里为刘家解决了困难').includes('刘/PER'));
  assert.deepEqual(spans('全世界现存最古老的歌谣'), [], '古老/nr is "ancient"');
});

test('a two-syllable transliteration jieba does not know is a person before a title; a commander before a name is a title', () => {
  assert.ok(spans('拉埃女士详细解释了计划').includes('拉埃/PER'));
  assert.ok(spans('新四军军长叶挺率部北上').includes('叶挺/PER'));
});

test('well-known carmakers, electronics makers and banks are organisations; a name people bear too is left to the context', () => {
  assert.ok(spans('摩托罗拉宣布在天津扩大投资').includes('摩托罗拉/ORG'));
  assert.ok(spans('他买了一辆保时捷').includes('保时捷/ORG'));
  assert.ok(spans('福特总统说').includes('福特/PER'));
});

test('a common surname that is also a plain character starts a name when jieba tags it as one', () => {
  assert.ok(spans('朝鲜劳动党总书记金正日近日提出').includes('金正日/PER'), 'a proper noun (nz) of three characters');
  assert.ok(spans('江宏伟的花鸟作品很有名').includes('江宏伟/PER'), '江/nr 宏伟/a');
  assert.ok(spans('金教授连忙起身').includes('金/PER'), 'surname and title');
  assert.ok(!spans('这是业内的金标准').some((s) => s.startsWith('金标准')), 'gold standard');
});

test('right after a title, a surname and a two-character word are a name whatever jieba tagged them; an adverb is not a surname', () => {
  assert.ok(spans('公司总经理包国富坦言，此番抉择不易').includes('包国富/PER'));
  assert.ok(!spans('文章作者曾回应批评').some((s) => s.startsWith('曾')));
});

test('a foreign name goes on across a dash and over syllables jieba read otherwise; before a company or university it names that', () => {
  assert.ok(spans('美国参议员约翰—格伦将再次升空').includes('约翰—格伦/PER'));
  assert.ok(spans('研究所马·莱万多夫斯基副教授说').includes('马·莱万多夫斯基/PER'));
  assert.ok(spans('前承包商爱德华·斯诺登说他不后悔').includes('爱德华·斯诺登/PER'), 'a last syllable glued to 说');
  assert.ok(spans('代表们聚集在乔治·梅森大学讨论').includes('乔治·梅森大学/ORG'));
  assert.ok(spans('此外，李嘉诚基金会另捐款100万元').includes('李嘉诚基金会/ORG'));
});

test('a field of study or an activity jieba tags nt is no organisation; a school is', () => {
  assert.deepEqual(spans('最近，天文学的观察和研究有了进展'), []);
  assert.deepEqual(spans('因为太空飞行处于失重状态'), []);
  assert.ok(spans('他在北京大学读书').includes('北京大学/ORG'));
});

test('an organisation takes the one-character level or the government before it, and a town its party committee', () => {
  assert.ok(spans('县人大内司委的同志到法院了解情况').includes('县人大内司委/ORG'));
  assert.ok(spans('据市政府新闻处说，全市约4万人受灾').includes('市政府新闻处/ORG'));
  assert.ok(spans('薛埠镇党委决定把南边7个村合并').includes('薛埠镇党委/ORG'));
});

test('a country and the 队 the HMM glued to the next word are a team', () => {
  assert.ok(spans('小组赛中，哥伦比亚队以1∶0击败对手').includes('哥伦比亚队/ORG'));
});

test('a name the dictionary knows and a plain noun is a thing, not a person', () => {
  for (const text of ['他们开着一辆吉普车进山', '那个乌龙球帮了对手的忙', '沙尘暴又来了']) {
    assert.ok(!spans(text).some((s) => s.endsWith('/PER')), text);
  }
  assert.ok(spans('伏羲庙前人头攒动').some((s) => s.startsWith('伏羲')), 'a building named after someone is still found');
});

test('a listed name the dictionary holds whole is a person beside another, even with a rare surname', () => {
  assert.ok(spans('本报电记者刘正学、果永毅报道').includes('果永毅/PER'));
});

test('pairs listed by commas (A、B对C、D) are people at both ends of each pair', () => {
  const found = spans('女单半决赛：李小梅、高懿屏对单晓丽、黄薇对高明、胡静对伍霞。');
  for (const name of ['单晓丽', '高明']) assert.ok(found.includes(`${name}/PER`), found.join(' '));
});

test('everyday words the dictionary tags as names, peoples and craft named like people are no person', () => {
  for (const text of ['暴雨引发山洪，受困游客多达三千人，只能乘索道下山', '一位阿细族老人', '哈尼族的村寨', '“卡西尼”号飞船到了土星']) {
    assert.ok(!spans(text).some((s) => s.endsWith('/PER')), `${text}: ${spans(text).join(' ')}`);
  }
});

test('a name the HMM found with a surname that is also a plain character counts when what follows closes it', () => {
  assert.ok(spans('会后，卢亮以身体为由辞职').includes('卢亮/PER'));
  assert.ok(spans('这些年，高磊是村里第一个报名的').includes('高磊/PER'));
  // …not a dynasty (金朝), nor a coinage the dictionary lacks inside a phrase (的高管, 的金句).
  for (const text of ['女真贵族建立的金朝、蒙古贵族建立的元朝', '他是这家公司的高管，也写过不少的金句。']) {
    assert.ok(!spans(text).some((s) => s.endsWith('/PER')), `${text}: ${spans(text).join(' ')}`);
  }
  // A surname that is also a measure word starts a name where no numeral or pronoun counts with it.
  assert.ok(spans('热心的张增福赶来帮忙').includes('张增福/PER'));
});

test('owners and honorifics beside a name, and Thai transliterations, make a person', () => {
  assert.ok(spans('厂主商国富不同意').includes('商国富/PER'));
  assert.ok(spans('村里的李育英大娘病了').includes('李育英/PER'));
  assert.ok(spans('外长素林说').includes('素林/PER'));
});

test('a famous person is found by the name alone, a dotted first name included; a street named after one is not a person', () => {
  assert.deepEqual(spans('我最喜欢李白和杜甫的诗'), ['李白/PER', '杜甫/PER']);
  assert.ok(spans('屈原投江的故事').includes('屈原/PER'));
  assert.ok(spans('印度总理拉·甘地访华').includes('拉·甘地/PER'));
  assert.ok(!spans('他住在黄兴路').some((s) => s.endsWith('/PER')));
});

test('等人 after an unknown transliteration says it is a person', () => {
  assert.ok(spans('迪亚等人被控涉嫌参与').includes('迪亚/PER'));
  assert.ok(!spans('北京等人口大市').some((s) => s.endsWith('/PER')));
});

test('a name the HMM cut before its last character keeps it when the surname is also a plain character', () => {
  assert.ok(spans('会上，高瑄涛介绍了情况').includes('高瑄涛/PER'));
  assert.ok(spans('会上，金栗连介绍了情况').includes('金栗连/PER'));
});
