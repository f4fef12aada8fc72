/**
 * People every Chinese reader knows by a two-character name (李白, 孙权, 雷锋) or by a name the
 * dictionary files under another part of speech (屈原/n, 拉宾/ns, 忽必烈/l). A two-character name
 * otherwise needs a title or a verb of speech beside it (the dictionary tags 修正, 文明 and 王朝 nr
 * too); these are names on their own. General knowledge, in Simplified, kept to names that are no
 * everyday word (not 老子 "I", 孙子 "grandson", nor era names such as 光绪 that date things).
 */
import { loadCuratedAliases } from './alias-data.ts';
import { toSimplified } from '../text/script.ts';

const FAMOUS = new Set([
  // Thinkers and classics.
  '孔子', '孔丘', '孟子', '孟轲', '庄子', '庄周', '荀子', '墨子', '韩非', '晏子', '管仲', '商鞅', '孙武', '孙膑',
  // Rulers, generals and statesmen before 1900.
  '大禹', '嬴政', '刘邦', '项羽', '韩信', '王莽', '曹操', '刘备', '孙权', '关羽', '张飞', '周瑜', '司马懿', '李渊',
  '岳飞', '秦桧', '包拯', '海瑞', '郑和', '张骞', '苏武', '铁木真', '忽必烈', '溥仪', '慈禧', '范蠡', '伍子胥',
  // Poets, writers, artists, scientists and healers.
  '屈原', '李白', '杜甫', '王维', '苏轼', '陆游', '杜牧', '王勃', '韩愈', '曹植', '徐渭', '蔡伦', '张衡', '华佗',
  '扁鹊', '鲁班', '李冰', '玄奘', '鉴真', '西施', '鲁迅', '巴金', '茅盾', '老舍', '冰心', '曹禺', '丁玲', '艾青',
  '胡适', '聂耳',
  // Twentieth-century figures.
  '秋瑾', '黄兴', '朱德', '贺龙', '陈毅', '彭真', '叶挺', '李鹏', '雷锋', '郎平',
  // Foreign names the dictionary files as places or nouns.
  '释迦牟尼', '拉宾', '甘地', '尼赫鲁', '阿拉法特', '贝多芬', '爱迪生', '法拉第',
]);

let curated: Set<string> | undefined;

/** The people of seeds/aliases.json by their Chinese names that need no context (普京, 泽连斯基), in Simplified. */
function curatedPeople(): Set<string> {
  if (!curated) {
    curated = new Set();
    for (const e of loadCuratedAliases().entities) {
      if (e.type !== 'person') continue;
      for (const a of e.aliases) if (typeof a === 'string' && /^\p{Script=Han}{2,6}$/u.test(a)) curated.add(toSimplified(a));
    }
  }
  return curated;
}

/** Whether `word` is the whole name of a famous person, or of a person the curated aliases name (普京/ns is no place). */
export function isFamousPerson(word: string): boolean {
  return word.length >= 2 && (FAMOUS.has(word) || curatedPeople().has(word));
}
