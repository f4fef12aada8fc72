/**
 * Japanese names in Chinese news (桥本龙太郎, 武村正义, 谷口清太郎): a Japanese surname and a
 * given name of one to three characters, however jieba cut them (桥本龙太郎/n, 武村/x 正义/n,
 * 谷口/n 清/t 太郎/n), or the surname alone before a title or a verb of speech (桥本首相, 桥本说).
 * jieba's dictionary knows few of them and tags those as common nouns or places.
 */
import { allHan, type Token } from './segment-names.ts';
import { PERSON_AFTER } from './person-words.ts';

// Common Japanese surnames and those of post-war prime ministers (general knowledge, Simplified).
// Left out: those that are also Chinese words or places (中山, 山口, 上野, 原田, 平野, 高田, 小岛).
const SURNAMES = new Set(
  ('佐藤 铃木 高桥 田中 伊藤 渡边 山本 中村 小林 加藤 吉田 山田 佐佐木 松本 井上 木村 清水 山崎 森田 池田 桥本 阿部 石川 山下 中岛 石井 小川 前田 冈田 ' +
    '长谷川 藤田 后藤 近藤 村上 远藤 青木 坂本 斋藤 福田 太田 西村 藤井 冈本 松田 中川 小野 田村 竹内 金子 和田 石田 上田 柴田 酒井 工藤 横山 宫崎 ' +
    '宫本 内田 高木 安藤 谷口 丸山 今井 藤原 武田 村田 杉山 增田 大冢 千叶 久保 松井 岩崎 樱井 野口 松尾 野村 木下 菊地 佐野 大西 杉本 新井 ' +
    '滨田 菅原 市川 水野 小松 岛田 古川 高野 西田 菊池 山内 北村 安田 五十岚 川口 武村 东条 小渊 村山 宫泽 海部 竹下 中曾根 小泉 安倍 鸠山 野田 ' +
    '岸田 石破 细川 羽田 久间 河野 二阶 甘利 茂木 麻生 桥下 小池 枝野 冈崎 冈村 松冈 伊东 谷川 川端 大江 黑泽 北野 坂口 是枝 稻田 岩田 森喜 ' +
    '大谷 羽生 大野 今永 千贺 小野寺').split(' '),
);
// Surnames that are places or words as often (和田 Hotan, 千叶 and 宫崎 prefectures, 山下 "downhill").
const PLACE_TOO = new Set(['和田', '千叶', '宫崎', '山下', '木下', '山内', '金子', '小林']);
const GLUED_CLOSER = /^[在是和与说等将也]$/;
// Tags of words that are never part of a given name.
const NOT_GIVEN = /^(?:p|c|u\w*|d|r|m|q|f|v|y|e|o|ns|nt)$/;
// Heads after which the words are a place or a body, not a given name (山本 公园, 中村 大学).
const NOT_NAME_END = /(?:县|市|町|村|区|岛|山|川|公园|大学|公司|株式会社|银行|车站|机场|神社|寺)$/;

/** The end (UTF-16) of a Japanese name starting at token i, and the index of its last token; null if none. */
export function japaneseName(tokens: Token[], i: number): { end: number; last: number } | null {
  const t = tokens[i];
  // Places, bodies and idioms (石破天惊/i) are not names.
  if (!allHan(t.word) || t.tag === 'ns' || t.tag === 'nt' || t.tag === 'i' || t.tag === 'l') return null;
  const surname = [3, 2].map((n) => t.word.slice(0, n)).find((w) => w.length >= 2 && SURNAMES.has(w));
  if (!surname) return null;
  // The given name: the rest of this token and whole tokens after it, one to three characters.
  let given = t.word.length - surname.length;
  let last = i;
  let glued = 0;
  while (given < 3 && last + 1 < tokens.length) {
    const n = tokens[last + 1];
    // A function character the HMM glued to the given name (田中/nr 美咲在/x): the name ends before it.
    if (n.tag === 'x' && n.word.length >= 2 && GLUED_CLOSER.test(n.word.slice(-1)) && allHan(n.word) && n.start === tokens[last].end && given + n.word.length - 1 <= 3) {
      given += n.word.length - 1;
      last++;
      glued = 1;
      break;
    }
    // (An adverb jieba tagged a noun is no given name: 桥本 坦率地/n 回答.)
    // (Nor is a day, 岸田 昨天/t 宣布, though one character tagged a time may be: 谷口 清/t 太郎.)
    if (n.start !== tokens[last].end || !allHan(n.word) || NOT_GIVEN.test(n.tag) || (n.tag === 't' && n.word.length > 1) || given + n.word.length > 3 || PERSON_AFTER.test(n.word) || /[地得]$/.test(n.word)) break;
    given += n.word.length;
    last++;
  }
  const name = tokens.slice(i, last + 1).map((x) => x.word).join('').slice(0, glued ? -1 : undefined);
  if (given >= 1 && !NOT_NAME_END.test(name)) return { end: tokens[last].end - glued, last };
  // The surname alone, before a title, a verb, an adverb or a preposition (桥本首相, 桥本说, 桥本 还/d 表示,
  // 桥本 在/p 会谈中, 桥本 坦率地 回答): what follows makes it the subject, a person. (Not 和田 or 山下, a place and a word too.)
  const next = tokens[i + 1];
  if (t.word === surname && next?.start === t.end && (PERSON_AFTER.test(next.word) || ((/^(?:d|v\w*|p|t)$/.test(next.tag) || /..地$/.test(next.word)) && !PLACE_TOO.has(surname)))) return { end: t.end, last: i };
  return null;
}
