/**
 * Words of Taiwanese news that jieba's mainland dictionary lacks or tags as names, added to it so
 * the HMM does not make people of them (施打 cut 施/打 read as surname + given name; 拜托/nrt).
 * General Taiwanese usage, in Simplified like the rest of the recogniser's lists; not taken from
 * any evaluation set.
 */
const WORDS: Record<string, string> = {
  // Verbs of public health and administration (administer a vaccine, list as a contact, test, screen,
  // quarantine at home, catch the disease, petition, call off, fine).
  // (Not 来台, 抵台: they would take 台 from 台南 in 来台南.)
  v: '施打 匡列 采检 筛检 快筛 普筛 居隔 居检 解隔 染疫 疫调 陈情 喊卡 开罚 拜托 修法',
  // …and the parties' camps and legislators by colour (蓝委 a KMT legislator: 蓝 is a surname too).
  n: '确诊者 追加剂 宫庙 姜母鸭 盐酥鸡 英相 日相 德相 法相 韩媒 日媒 外媒 港媒 陆媒 美媒 英媒 官媒 全台 蓝委 绿委 白委 蓝营 绿营 白营',
  // The cities by their short names (北市 Taipei City, 中市 Taichung, 高市 Kaohsiung).
  ns: '北市 新北市 中市 南市 高市 桃市 竹市 竹县 嘉市',
  nt: '北市府 中市府 南市府 高市府 桃市府 新北市府',
  b: '智慧型',
};

/** The words as jieba user-dictionary lines (`word freq tag`). */
export function taiwanDictionary(): string {
  return Object.entries(WORDS).flatMap(([tag, words]) => words.split(' ').map((w) => `${w} 1000 ${tag}`)).join('\n') + '\n';
}
