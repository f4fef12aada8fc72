/**
 * A transliterated name is a person unless its context says place: news writes what kind of
 * place comes next (南部城市 哈斯科沃, 旅游胜地 帕塔亚), lists places before what they are
 * (弗拉诺瓦茨 等4个村庄, 雷西斯滕西亚 等大、中城市) and glues a river or lake onto its name
 * (库卡尔特河), or names a railway, an area or a dispute by it (安康 铁路, 克什米尔 争端). Such a span
 * found as a person becomes the place. Gases, systems, indices and makes named like people
 * (沙林 毒气, 一辆 桑塔纳), and peoples (阿昌族), are no name at all.
 */
import { isTranslitWord } from './foreign-names.ts';
import type { NameSpan } from './recognize-names.ts';

// Divisions a place inside is written right after (县, 市, 镇…).
const IN_DIVISION = /[县縣市镇鎮乡鄉区區州省]$/;
// The kind of place written right before its name.
const KIND_BEFORE = /(?:城市|首都|首府|省会|胜地|小镇|小城|港口|港市|重镇|村庄|山村)$/;
// A list of places closed by what they are (等4个村庄, 等大、中城市, 等地).
const KIND_AFTER = /^等(?:[\d一二三四五六七八九十几数多]+个|大、中|大中|主要|各)?(?:城市|村庄|村镇|国家|地区|省份|州|县|地)/;
// Things named after people or words that look like names: gases, systems, indices, craft, makes (a
// phenomenon or effect, 特朗普现象, is still about its person).
const THING_AFTER = /^[”"」』]?(?:毒气|体系|指数|号(?:飞船|卫星|探测器|航天飞机|航母|潜艇)|牌|磁谱仪|定律|方程)/;
// Drugs, transliterated by their stems (瑞德西韦 remdesivir, 洛匹那韦, 奥司他韦, 吉非替尼, 阿奇霉素).
const DRUG = /(?:西韦|那韦|他韦|匹韦|拉韦|替尼|单抗|沙星|霉素|西林)$/;
// A count of vehicles or machines before a make (一部 桑塔纳, 一辆 夏利).
const THING_BEFORE = /^(?:一部|一辆|一台|一架|一款|两辆|几辆)$/;
// What only a place has: a railway or road, an airport, an area or its surroundings, a border dispute.
export const ROUTE_OR_AREA = /^(?:铁路|公路|高速公路|机场|地区|一带|境内|附近|以东|以西|以南|以北|争端|边境)/;
// A division, region or farm written right after the name (尼·伯尔切斯库 镇, 阿尔萨斯 大区, 多福 农庄):
// the name is the place's. (Not a title or body of it: 布什 州长, 县委.)
const DIVISION_AFTER = /^(?:大区|农庄|农场|林场|[县镇乡州](?![长委立民政府]))/;
// A place found right after, a transliteration and its division (莱克 伍德县): one place.
const TRANSLIT_DIVISION = /^[\u4e00-\u9fff]{1,4}[县镇乡州]$/;
const TEMPLE_END = /[庙宫寺殿祠]$/;
// A river, lake or mountain range glued to the name (库卡尔特河): the place includes it.
const FEATURE = /^(?:河|湖|运河|山脉|海峡|半岛|群岛)/;

/** Retypes, in place, the people in `out` whose context in `simp` makes them places, and drops those it makes things. */
export function placesByContext(text: string, simp: string, out: NameSpan[]): void {
  for (let i = 0; i < out.length; i++) {
    const span = out[i];
    if (span.type !== 'PER' || span.text.includes('·')) continue;
    // Right after a county, city or town, a short name is a place in it (左权县 麻田, 岐山县 麦禾).
    const before = i > 0 ? out[i - 1] : undefined;
    if (before && before.type === 'LOC' && before.end === span.start && IN_DIVISION.test(before.text) && span.end - span.start <= 3) {
      span.type = 'LOC';
      continue;
    }
    // A temple or shrine named like a person (文武庙, 朝仁宫, 伏羲庙) is a place: no given name ends in one.
    if (span.end - span.start >= 3 && TEMPLE_END.test(simp.slice(span.start, span.end))) {
      span.type = 'LOC';
      continue;
    }
    const after = simp.slice(span.end, span.end + 8);
    // A gas, system, index, craft or make is named after someone, not someone (布雷顿森林 体系,
    // 沙林 毒气, 道—琼斯 指数, 卡西尼 号, 一部 桑塔纳): no name at all.
    // A people (阿昌族, 普米族) is no person either.
    if (THING_AFTER.test(after) || (span.end - span.start >= 3 && simp[span.end - 1] === '族') || THING_BEFORE.test(simp.slice(Math.max(0, span.start - 2), span.start)) || DRUG.test(simp.slice(span.start, span.end))) {
      out.splice(i--, 1);
      continue;
    }
    // A railway, road or area named by a word is named by a place, Chinese or not (西安至 安康 铁路, 克什米尔 争端).
    if (!isTranslitWord(simp.slice(span.start, span.end))) {
      if (ROUTE_OR_AREA.test(after)) span.type = 'LOC';
      continue;
    }
    const next = out[i + 1];
    if (next && next.start === span.end && next.type === 'LOC' && TRANSLIT_DIVISION.test(next.text) && isTranslitWord(next.text.slice(0, -1))) {
      out.splice(i + 1, 1);
      retype(text, span, next.end);
      continue;
    }
    const division = DIVISION_AFTER.exec(after);
    if (division && !(next && next.start < span.end + division[0].length)) {
      retype(text, span, span.end + division[0].length);
      continue;
    }
    const feature = FEATURE.exec(after);
    // (jieba may have tagged the feature a place of its own: 库/n 卡尔特/nrt 河/ns.)
    const alone = next && next.start === span.end && next.end === span.end + (feature?.[0].length ?? 0) && next.type === 'LOC';
    if (feature && (!next || next.start >= span.end + feature[0].length || alone)) {
      if (alone) out.splice(i + 1, 1);
      retype(text, span, span.end + feature[0].length);
    } else if (KIND_BEFORE.test(simp.slice(Math.max(0, span.start - 4), span.start)) || KIND_AFTER.test(after) || ROUTE_OR_AREA.test(after)) {
      span.type = 'LOC';
    }
  }
}

/** Makes `span` the place that runs to `end`. */
function retype(text: string, span: NameSpan, end: number): void {
  span.end = end;
  span.text = text.slice(span.start, end);
  span.type = 'LOC';
}
