import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTextEntities } from '../../../src/core/entities/text-entities.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { spans, tempDb } from './helpers.ts';

test('right after a title, the characters up to a verb, punctuation or rank are the name, however jieba cut them', () => {
  assert.ok(spans('海军副参谋长赵国钧少将出席了仪式').includes('赵国钧/PER'), 'cut in two before a rank');
  assert.ok(spans('行署专员张少农等领导陪同考察').includes('张少农/PER'), 'last character glued to 等');
  assert.ok(spans('科利华集团总裁宋朝弟等出席').includes('宋朝弟/PER'), 'a name that starts with a dynasty');
  assert.ok(spans('本报北京五月十五日电记者许立群报道').includes('许立群/PER'), 'a name jieba read as a number');
  assert.ok(spans('以色列工党领袖巴拉克6月15日在开罗会见总统').includes('巴拉克/PER'), 'a transliteration the dictionary tags a place');
  assert.ok(spans('党候选人、参议员亚罗约当选副总统').includes('亚罗约/PER'), 'a syllable jieba read as an adverb');
});

test('after a title, words that are not names stay out', () => {
  assert.ok(!spans('若斯潘总理周二晚表示支持').some((s) => s.startsWith('周二')), 'a weekday');
  assert.ok(!spans('他说：代表那许许多多的难民发言').some((s) => s.endsWith('/PER')), 'a pronoun');
  assert.ok(!spans('萨拉的父亲西蒙曾参加过战争').includes('西蒙曾/PER'), 'an adverb after a name');
  assert.ok(spans('实验室主任蓝柯亦表示关切').includes('蓝柯/PER'), 'an adverb is not a given name');
  assert.ok(spans('公司经理魏某为主编').includes('魏/PER'), 'a surname and 某 is the surname');
});

test('a function character the HMM glued onto the end of a name is not part of it', () => {
  assert.ok(spans('市长罗朗·雷斯及法国各界人士出席').includes('罗朗·雷斯/PER'), '及 after a dotted name');
  assert.ok(spans('郑咏是国家一级演员').includes('郑咏/PER'), '是 after a Chinese name');
  assert.ok(spans('同学杨阡曾在那里读书').includes('杨阡/PER'), '曾 after a Chinese name');
  assert.ok(spans('王运熙和李宝均先生合著').includes('李宝均/PER'), '均 ends Chinese given names too');
});

test('an unknown three-character word with a frequent surname is a name even when it ends like a place, unless a preposition starts it', () => {
  assert.ok(spans('其中魏传峰的报告引起关注').includes('魏传峰/PER'));
  assert.ok(spans('其中张之路的《魔表》已改编').includes('张之路/PER'));
  assert.ok(!spans('这也区别于杉山正明的说法').includes('于杉山/PER'));
});

test('sports and arts roles are titles too; a title does not split a foreign name nor keep 先生', () => {
  assert.ok(spans('她首战英国名将曼尔，仅用15分钟').includes('曼尔/PER'));
  assert.ok(spans('由韩国当红女星崔真实主演的电视剧').includes('崔真实/PER'));
  assert.ok(spans('上院主席斯特罗耶夫和杜马主席').includes('斯特罗耶夫/PER'));
  assert.ok(spans('公司经理孙先生说').includes('孙/PER'));
});

test('a list of people closed by what they are to each other: the last item is a person, a place read inside it too', () => {
  assert.ok(spans('船工张孝华、张友香父子摇着船').includes('张友香/PER'));
});

test('a Japanese surname alone before a verb, adverb or preposition is the person; 山下 as a word is not', () => {
  assert.ok(spans('桥本还表示，日本将提供援助').includes('桥本/PER'));
  assert.ok(spans('在这篇演讲中，村上把小说家称为说谎者').includes('村上/PER'));
  assert.ok(!spans('冷空气向山下加速流动').includes('山下/PER'));
});

test('a preposition or conjunction the HMM glued onto a surname is not part of the name', () => {
  assert.ok(spans('胡荣华、赵汝权对陶汉明、吕钦对许银川').includes('陶汉明/PER'));
  assert.ok(spans('据报道，以朴普熙为团长的代表团抵达').includes('朴普熙/PER'));
  assert.ok(spans('当许传音进一步指出这一点').includes('许传音/PER'));
  assert.ok(spans('当汤局长为西藏游说时').includes('汤/PER'), 'a title after the surname');
});

test('an unknown word starting with a character more often a word than a surname needs a title beside it', () => {
  assert.ok(!spans('给那棵花剪剪枝').some((s) => s.endsWith('/PER')));
  assert.ok(!spans('但太多的人不知道').some((s) => s.endsWith('/PER')));
  assert.ok(spans('北大教授乐黛云说').includes('乐黛云/PER'), 'with a title it is a name');
});

test('the last item of a list of people that ends the clause is the whole item; a translator mark is not part of it', () => {
  assert.ok(spans('委员彭清源、徐起超、沈求我，副主席李赣骝').includes('沈求我/PER'));
  assert.ok(spans('周锡瑞著，张俊义、王栋译，江苏人民出版社').includes('王栋/PER'));
});

test('an adverb after a Japanese surname is no given name: the surname is the person', () => {
  assert.deepEqual(spans('桥本坦率地回答说').filter((s) => s.endsWith('/PER')), ['桥本/PER']);
});

test('氏 after a name is a title: the name is what it follows, and a surname so written is the person named in full', async () => {
  assert.ok(spans('等形式隆重地祭奠伏羲氏这位始祖').includes('伏羲/PER'));
  const db = tempDb();
  const es = await findTextEntities(sqliteStores(db), '哲学家钱穆说，历史很重要。钱氏认为文化是根本。');
  assert.deepEqual(es.map((e) => [e.text, e.entity_id]), [['钱穆', 'n:钱穆'], ['钱', 'n:钱穆']]);
  db.close();
});

test('first syllables jieba read as a place or a pronoun belong to the transliterated name after them', () => {
  assert.ok(spans('金牌得主是俄罗斯选手别列日纳亚').includes('别列日纳亚/PER'));
  assert.ok(spans('冠军属于西卡鲁利泽／别列日纳亚').includes('西卡鲁利泽/PER'));
  // Kin and other words the dictionary counts often are not syllables (哥哥/ns 米哈伊尔).
  assert.ok(spans('他的哥哥米哈伊尔说').includes('米哈伊尔/PER'));
});

test('a name after a title closes where the HMM glued an adverb onto the next word', () => {
  assert.ok(spans('两队的巴西外援里贝罗各为球队打进一球').includes('里贝罗/PER'));
});
