import type { CommandDef } from '../src/core/contract/types.ts';
import { UserError } from '../src/core/contract/errors.ts';
import { checkTextArg } from './latest.ts';
import { formatPublished } from '../src/core/timeline/format-time.ts';

const usage = { en: 'Usage: /search <words>, e.g. /search 安全保障 or /search Rutte', 'zh-TW': '用法：/search <關鍵字>，例如 /search 安全保障 或 /search 川普' };
export const SEARCH_PAGE_SIZE = 5;
/** Pages reachable with Prev/Next: the first 100 results, ranked; past them, a narrower query serves better. */
export const SEARCH_MAX_PAGES = 20;

/** /search <query>: full-text search in any script and length, ranked, each hit with a snippet. */
export const searchCommand = {
  name: 'search',
  description: { en: 'Full-text search (Traditional, Simplified or English), with snippets', 'zh-TW': '全文搜尋（繁體、簡體或英文），附摘錄' },
  options: [{ name: 'query', description: { en: 'Words to find', 'zh-TW': '要找的字詞' }, type: 'string', required: true, rest: true }],
  replayable: true,
  examples: ['/search 安全保障', '/search 泽连斯基', '/search Rutte'],
  run: async ({ args, lang, page = 0 }, { stores }) => {
    const query = checkTextArg(args.query, 200, usage);
    if (!query) throw new UserError('missing-query', { en: `What should I search for? ${usage.en}`, 'zh-TW': `要搜尋什麼？${usage['zh-TW']}` });
    const en = lang === 'en';
    let at = Math.min(Math.max(0, Math.floor(page)), SEARCH_MAX_PAGES - 1);
    let { hits, total, capped } = await stores.search.searchPage(query, { limit: SEARCH_PAGE_SIZE, offset: at * SEARCH_PAGE_SIZE });
    const pageCount = Math.min(SEARCH_MAX_PAGES, Math.ceil(total / SEARCH_PAGE_SIZE));
    if (!hits.length && total > 0) {
      // A page past the end (the archive changed since the buttons were drawn): the last one.
      at = pageCount - 1;
      ({ hits, total, capped } = await stores.search.searchPage(query, { limit: SEARCH_PAGE_SIZE, offset: at * SEARCH_PAGE_SIZE }));
    }
    if (!hits.length) {
      return { kind: 'ok', intro: en ? `Nothing found for “${query}”. Try another spelling or fewer words.` : `找不到「${query}」。試試其他寫法或較少的關鍵字。`, items: [], articles: [] };
    }
    const first = at * SEARCH_PAGE_SIZE + 1;
    return {
      kind: 'ok',
      title: en ? `Search: ${query}` : `搜尋：${query}`,
      items: hits.map((h) => ({
        heading: h.title,
        text: h.snippet,
        meta: [h.outlet, formatPublished(h.published_at, lang)].filter(Boolean).join(' · '),
        url: h.url && /^https?:\/\//i.test(h.url) ? h.url : undefined,
      })),
      footer: en ? `Results ${first}–${first + hits.length - 1} of ${capped ? 'more than ' : ''}${total}` : `第 ${first}–${first + hits.length - 1} 筆，共 ${total}${capped ? ' 筆以上' : ' 筆'}`,
      articles: hits.map((h) => h.id),
      ...(pageCount > 1 ? { paging: { page: at, pageCount } } : {}),
    };
  },
} satisfies CommandDef;
