// Surnames the rules missed on sentences written without seeing them: compound surnames (欧阳,
// 诸葛, 夏侯…) with the given name jieba cut off or glued to a function character, rare single
// surnames (仉, 逄, 禚), and a surname with a courtesy or kinship title held as one word (黄伯).
// Invented sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spans } from './helpers.ts';

test('a compound surname and its given name, however jieba cut them', () => {
  assert.ok(spans('欧阳思远在接受采访时说，新线路已进入调试阶段。').includes('欧阳思远/PER'));
  assert.ok(spans('诸葛明轩、上官若兰两位青年书法家的作品展开幕。').includes('诸葛明轩/PER'));
  assert.ok(spans('夏侯子墨等五名选手进入决赛。').includes('夏侯子墨/PER'));
  assert.ok(spans('尉迟恒在西安攻读博士学位期间发表多篇论文。').includes('尉迟恒/PER'), 'a function character glued to the given name');
  assert.ok(!spans('东方红卫星发射成功五十周年。').some((x) => x.startsWith('东方')), '东方 is also a word: not read as a surname');
});

test('rare single surnames', () => {
  assert.ok(spans('养殖户仉德旺说，今年的鸡蛋价格比去年稳定。').includes('仉德旺/PER'));
  assert.ok(spans('副局长逄红梅介绍了抽检情况。').includes('逄红梅/PER'));
});

test('a surname with a courtesy or kinship title held as one word: the surname alone is the person', () => {
  assert.ok(spans('沙田區居民黃伯表示，新開的會堂方便長者。').includes('黄/PER') || spans('沙田區居民黃伯表示，新開的會堂方便長者。').includes('黃/PER'));
  assert.ok(spans('维修工张师傅连夜赶到现场排除了故障。').includes('张/PER'));
});

test("a dotted foreign name's last syllable glued before the clause, and a Japanese given name glued to 在", () => {
  assert.ok(spans('国际奥委会主席柯丝蒂·考文垂在洛桑会见了代表团。').includes('柯丝蒂·考文垂/PER'));
  assert.ok(spans('来自大阪的留学生田中美咲在复旦大学学习古代文学。').includes('田中美咲/PER'));
});

test('a person the curated aliases name is a person wherever jieba files the word (普京/ns)', () => {
  assert.ok(spans('普京在莫斯科会见了来访的总理。').includes('普京/PER'));
});
