/**
 * Topic filters of subscriptions: the topic a user typed is resolved once, at /subscribe, into the
 * entity it names (through the alias index) and the spellings to look for, so `zelensky` also
 * catches 泽连斯基, 澤倫斯基 and Zelenskyy. Matching folds script (Simplified → Traditional), case
 * and diacritics; Latin spellings match at a word start so short names do not hit inside words.
 */
import type { Stores } from '../store/stores.ts';
import type { TopicQuery } from '../store/subscription-store.ts';
import type { CandidateArticle } from './build-digest.ts';
import { foldForMatch } from '../text/normalize.ts';
import { foldScript } from '../text/script.ts';
import { lookupAliases } from './topic-aliases.ts';

const fold = (s: string) => foldForMatch(foldScript(s));

/** Resolves what the user typed into entity ids and folded spellings (always including the text itself). */
export async function resolveTopic(stores: Stores, text: string): Promise<TopicQuery> {
  const found = await lookupAliases(stores, text);
  const terms = [...new Set([text, ...found.names].map(fold).filter((t) => t.length > 0))];
  return { entityIds: found.entityIds, terms };
}

const LATIN = /^[\p{Script=Latin}\d\s.'-]+$/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = new Map<string, RegExp | null>();
function patternFor(term: string): RegExp | null {
  if (!patterns.has(term)) patterns.set(term, LATIN.test(term) ? new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}`, 'u') : null);
  return patterns.get(term)!;
}

const bodyCache = new WeakMap<Stores, Map<number, string>>();
async function foldedText(stores: Stores, id: number): Promise<string> {
  let cache = bodyCache.get(stores);
  if (!cache) bodyCache.set(stores, (cache = new Map()));
  let t = cache.get(id);
  if (t === undefined) {
    const r = await stores.subscriptions.candidates.articleText(id);
    t = r ? fold(`${r.title}\n${r.body}`) : '';
    if (cache.size > 20_000) cache.clear();
    cache.set(id, t);
  }
  return t;
}

/** Whether article `a` is about `topic`: an entity mention when the alias index records one, else a spelling in title or body. */
export async function matchesTopic(stores: Stores, a: CandidateArticle, topic: TopicQuery): Promise<boolean> {
  if (topic.entityIds.length && (await lookupAliases.mentions(stores, a.id, topic.entityIds))) return true;
  const text = await foldedText(stores, a.id);
  return topic.terms.some((term) => {
    const re = patternFor(term);
    return re ? re.test(text) : text.includes(term);
  });
}
