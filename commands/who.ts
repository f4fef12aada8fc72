import type { CommandDef, Reply, ReplyItem, ReplyLang } from '../src/core/contract/types.ts';
import { UserError } from '../src/core/contract/errors.ts';
import { checkTextArg } from './latest.ts';
import { resolveEntity } from '../src/core/entities/resolve-entity.ts';
import { buildEntityReport, type EntityReport } from '../src/core/entities/entity-report.ts';
import type { EntityInfo } from '../src/core/entities/alias-index.ts';
import { formatPublished } from '../src/core/timeline/format-time.ts';
import { entityNamesByScript } from '../src/core/entities/entity-names.ts';
import { mentionCount } from '../src/core/entities/resolve-entity.ts';
import type { Stores } from '../src/core/store/stores.ts';

/** The most article ids /who's JSON lists (newest first). */
const MAX_JSON_ARTICLES = 1000;

async function entityJson(stores: Stores, e: EntityInfo, lang: ReplyLang) {
  return {
    id: e.id,
    name: displayName(e, lang),
    names: await entityNamesByScript(stores, e.id, [e.name_zh, e.name_en]),
    type: e.type,
    role: (lang === 'en' ? e.role_en || e.role_zh : e.role_zh || e.role_en) ?? null,
  };
}

async function suggestionsJson(stores: Stores, list: EntityInfo[], lang: ReplyLang) {
  const out = [];
  for (const e of list) out.push({ id: e.id, name: displayName(e, lang), type: e.type, article_count: await mentionCount(stores, e.id) });
  return out;
}

const usage = { en: 'Usage: /who <name>, e.g. /who zelensky', 'zh-TW': '用法：/who <人名或機構>，例如 /who 澤倫斯基' };
const HAN = /\p{Script=Han}/u;
const TYPE = { person: { en: 'A person', 'zh-TW': '人物' }, org: { en: 'An organisation', 'zh-TW': '組織' }, place: { en: 'A place', 'zh-TW': '地點' } };

/** The entity's name for a reader: Chinese first for zh-TW, English first for en. */
export function displayName(e: EntityInfo, lang: ReplyLang): string {
  return (lang === 'en' ? e.name_en || e.name_zh : e.name_zh || e.name_en) || e.id;
}

function bothNames(e: EntityInfo, lang: ReplyLang): string {
  const first = displayName(e, lang);
  const other = lang === 'en' ? e.name_zh : e.name_en;
  if (!other || other === first) return first;
  return lang === 'en' ? `${first} (${other})` : `${first}（${other}）`;
}

/** The roles the articles give, in the reply's script, most frequent first. */
function rolesSeen(r: EntityReport, lang: ReplyLang): string[] {
  return r.roles.filter((x) => (lang === 'en' ? !HAN.test(x.value) : HAN.test(x.value))).map((x) => x.value).slice(0, 3);
}

function seenDate(sortKey: string | null, lang: ReplyLang): string {
  if (!sortKey) return '';
  return sortKey.endsWith('T00:00:00.000Z') ? sortKey.slice(0, 10) : formatPublished(sortKey, lang).slice(0, 10);
}

function describe(r: EntityReport, lang: ReplyLang, note: string | null): Reply {
  const en = lang === 'en';
  const sep = en ? ', ' : '、';
  const lines: string[] = [];
  const seen = rolesSeen(r, lang);
  const role = (en ? r.entity.role_en : r.entity.role_zh) || seen.shift();
  lines.push(role ? (en ? `${role}.` : `${role}。`) : en ? `${TYPE[r.entity.type].en}.` : `${TYPE[r.entity.type]['zh-TW']}。`);
  // A bare office word (總統) adds nothing next to a fuller role that contains it (美國總統).
  const more = seen.filter((x) => x !== role && !role?.includes(x) && !seen.some((y) => y !== x && y.includes(x)));
  if (more.length) lines.push((en ? 'Called in the articles: ' : '報導中的稱呼：') + more.join(sep));
  if (r.spellings.length) lines.push((en ? 'Spellings seen: ' : '報導中的寫法：') + r.spellings.map((s) => s.value).join(sep));
  const n = r.articleIds.length;
  if (!n) lines.push(en ? 'No stored article mentions them yet.' : '目前收錄的報導還沒有提到。');
  else {
    const atLeast = r.storiesCapped ? (en ? 'at least ' : '至少 ') : '';
    const stories = r.storyCount === null ? '' : en ? ` (${atLeast}${r.storyCount} ${r.storyCount === 1 ? 'story' : 'stories'})` : `（${atLeast}${r.storyCount} 則新聞）`;
    const first = seenDate(r.firstSeen, lang);
    const last = seenDate(r.lastSeen, lang);
    const when = first ? (en ? `; first seen ${first}, last seen ${last}` : `，首見 ${first}，最近 ${last}`) : '';
    lines.push(en ? `Mentioned in ${n} ${n === 1 ? 'article' : 'articles'}${stories}${when}.` : `${n} 篇報導提及${stories}${when}。`);
  }
  if (r.coMentions.length) {
    const list = r.coMentions.map((c) => (en ? `${displayName(c.entity, lang)} (${c.articles})` : `${displayName(c.entity, lang)}（${c.articles}）`)).join(sep);
    const sample = r.coSample < n ? (en ? ` in the latest ${r.coSample} articles` : `（最近 ${r.coSample} 篇）`) : '';
    lines.push((en ? `Most often with${sample}: ` : `最常一起出現${sample}：`) + list);
  }
  if (note) lines.push(note);
  const items: ReplyItem[] = r.headlines.map((h) => ({
    heading: h.title,
    url: h.url && /^https?:\/\//i.test(h.url) ? h.url : undefined,
    meta: [h.outlet, formatPublished(h.published_at, lang)].filter(Boolean).join(' · '),
  }));
  const footer = n > items.length ? (en ? `Latest ${items.length} of ${n} articles shown.` : `共 ${n} 篇，列出最新 ${items.length} 篇。`) : undefined;
  return { kind: 'ok', title: bothNames(r.entity, lang), intro: lines.join('\n'), items, footer, articles: r.articleIds };
}

/** /who <name>: who this is, the spellings and roles the articles use, coverage, latest headlines, co-mentions. */
export const whoCommand = {
  name: 'who',
  description: { en: 'Who is this: names, role, coverage and latest headlines', 'zh-TW': '查人物或機構：中英文名、職稱、報導數量與最新標題' },
  options: [{ name: 'name', description: { en: 'A name in any script or spelling', 'zh-TW': '人名或機構名（中英文皆可）' }, type: 'string', required: true, rest: true, autocomplete: 'names' }],
  replayable: true,
  examples: ['/who zelensky', '/who 川普', '/who Mark Rutte'],
  run: async ({ args, lang }, { stores }) => {
    const name = checkTextArg(args.name, 100, usage);
    if (!name) throw new UserError('missing-name', { en: `Who? ${usage.en}`, 'zh-TW': `要查誰？${usage['zh-TW']}` });
    const en = lang === 'en';
    const res = await resolveEntity(stores, name);
    // A fuzzy match is a guess: offered as "did you mean", never shown as the answer.
    if (!res.entity || res.match === 'fuzzy') {
      const suggestions = res.suggestions.length ? res.suggestions : res.entity ? [res.entity] : [];
      const data = { match: suggestions.length ? 'fuzzy' : 'none', entity: null, article_count: 0, articles: [], suggestions: await suggestionsJson(stores, suggestions, lang) };
      if (!suggestions.length) {
        return { kind: 'ok', intro: en ? `I don't know “${name}”, and no known name is close. Try /search ${name}` : `找不到「${name}」，也沒有相近的名字。可以試試 /search ${name}`, items: [], articles: [], data };
      }
      return {
        kind: 'ok',
        intro: en ? `I don't know “${name}”. Did you mean:` : `找不到「${name}」。你要找的是不是：`,
        items: suggestions.map((e) => ({ heading: bothNames(e, lang), text: (en ? e.role_en : e.role_zh) ?? undefined, meta: `/who ${displayName(e, lang)}` })),
        articles: [],
        data,
      };
    }
    const report = (await buildEntityReport(stores, res.entity.id))!;
    const notes: string[] = [];
    if (res.alternatives.length) {
      const alt = res.alternatives.map((e) => bothNames(e, lang)).join(en ? ', ' : '、');
      notes.push(en ? `“${name}” can also mean: ${alt}.` : `「${name}」也可能是：${alt}。`);
    }
    const reply = describe(report, lang, notes.length ? notes.join('\n') : null);
    reply.data = {
      match: res.match,
      entity: await entityJson(stores, res.entity, lang),
      article_count: report.articleIds.length,
      articles: report.articleIds.slice(0, MAX_JSON_ARTICLES),
      suggestions: await suggestionsJson(stores, res.alternatives, lang),
    };
    return reply;
  },
} satisfies CommandDef;
