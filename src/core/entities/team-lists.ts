/**
 * Countries that are teams. Sports news names a team by its country in lists it marks as teams:
 * a group's line-up (E组的 美国、俄罗斯、立陶宛), a list closed by what its items are (对 中国、丹麦、韩国
 * 等强队), or a country paired with a team (美国 和 俄罗斯队). There each country is the team, an
 * organisation; elsewhere it stays the place.
 */
import type { NameSpan } from './recognize-names.ts';
import { isWorldPlace } from './world-places.ts';

// A group's line-up opens the list (E组的, 第一组：, b组是).
const GROUP_BEFORE = /(?:^|[^A-Za-z])[A-Ha-hＡ-Ｈａ-ｈ]组(?:的|：|:|是|为)$|第[一二三四五六七八]组(?:的|：|:|是|为)$/;
// What closes a list of teams (等强队, 等队, 等球队).
const TEAMS_AFTER = /^等(?:强队|队|球队|劲旅|队伍)/;
// Joins of a list: an enumeration comma, 和, 与, 及.
const JOIN = /^(?:、|和|与|及)$/;

/** Runs of adjacent spans in `out` joined by list words: index ranges [from, to]. */
function lists(simp: string, out: NameSpan[]): [number, number][] {
  const runs: [number, number][] = [];
  let from = 0;
  for (let i = 1; i <= out.length; i++) {
    const joined = i < out.length && JOIN.test(simp.slice(out[i - 1].end, out[i].start));
    if (!joined) {
      runs.push([from, i - 1]);
      from = i;
    }
  }
  return runs;
}

/** Retypes, in place, the countries in `out` that `simp` lists as teams. */
export function countriesAsTeams(simp: string, out: NameSpan[]): void {
  for (const [from, to] of lists(simp, out)) {
    const items = out.slice(from, to + 1);
    const countries = items.filter((s) => s.type === 'LOC' && isWorldPlace(s.text));
    if (!countries.length) continue;
    const last = items[items.length - 1];
    const opened = GROUP_BEFORE.test(simp.slice(Math.max(0, items[0].start - 4), items[0].start));
    const closed = TEAMS_AFTER.test(simp.slice(last.end, last.end + 4));
    // (美国 和 俄罗斯队: the last item is a country's team.)
    const paired = items.length >= 2 && last.type === 'ORG' && /队$/.test(last.text) && isWorldPlace(last.text.replace(/[男女]?队$/, ''));
    // Every item must be a country or a team: 美国、日本等国家 is a list of places.
    const allTeams = items.every((s) => countries.includes(s) || (s.type === 'ORG' && /队$/.test(s.text)));
    if ((opened || closed || paired) && allTeams) for (const s of countries) s.type = 'ORG';
  }
}
