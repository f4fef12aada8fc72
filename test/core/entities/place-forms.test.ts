// Places the rules missed on sentences written without seeing them: runs of provinces' one-character
// abbreviations (京津冀, 粤港澳, 苏浙皖), a city right after its province that jieba read as a word
// (贵州遵义/v, 西藏林芝/nrt), and a city whose name ends like a body (邢台: 台 is also a station).
// Invented sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spans } from './helpers.ts';

test('runs of provinces\' abbreviations: each a place; not a region named by them, nor a preposition and countries', () => {
  const got = spans('京津冀三地联合发布空气质量预报。');
  for (const c of ['京', '津', '冀']) assert.ok(got.includes(`${c}/LOC`), `${c} in ${got}`);
  const bay = spans('粤港澳大湾区建设持续推进。');
  for (const c of ['粤', '港', '澳']) assert.ok(bay.includes(`${c}/LOC`), `${c} in ${bay}`);
  assert.ok(!spans('原晋冀鲁豫区的老战士回到故地。').includes('晋/LOC'), 'a region named by its provinces is one name');
  assert.ok(!spans('白皮书呼吁以美中首脑会晤为动力。').includes('以/LOC'), '以 is a preposition here');
});

test('a city right after its province, however jieba tagged it; a city ending in 台 is no station', () => {
  assert.ok(spans('他是贵州遵义的一名乡村教师。').includes('遵义/LOC'));
  assert.ok(spans('开工仪式在西藏林芝举行。').includes('林芝/LOC'));
  const got = spans('河北邢台的养殖户说今年蛋价稳定。');
  assert.ok(got.includes('邢台/LOC') && !got.some((x) => x.endsWith('/ORG')), got.join(' '));
  assert.ok(spans('河北电视台报道了这条消息。').includes('河北电视台/ORG'), 'a station is still a body');
});

test('"a spot in" a place (一处) is no office: the place stays a place', () => {
  const got = spans('金正恩日前视察了平壤一处新建住宅区。');
  assert.ok(got.includes('平壤/LOC') && !got.some((x) => x.includes('一处')), got.join(' '));
});
