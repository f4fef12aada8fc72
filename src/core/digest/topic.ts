/**
 * Topic filters of subscriptions: the topic a user typed is resolved once, at /subscribe, into the
 * entity it names (through the alias index) and the spellings to look for, so `zelensky` also
 * catches 泽连斯基, 澤倫斯基 and Zelenskyy. Matching folds script (Simplified → Traditional), case
 * and diacritics; Latin spellings match at a word start so short names do not hit inside words.
 */
import type { Db } from '../store/db.ts';
import type { TopicQuery } from './subscription-store.ts';
import type { CandidateArticle } from './build-digest.ts';
import { foldForMatch } from '../text/normalize.ts';
import { foldScript } from '../text/script.ts';
import { lookupAliases } from './topic-aliases.ts';

const fold = (s: string) => foldForMatch(foldScript(s));

/** Resolves what the user typed into entity ids and folded spellings (always including the text itself). */
export function resolveTopic(db: Db, text: string): TopicQuery {
  const found = lookupAliases(db, text);
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

const bodyCache = new WeakMap<Db, Map<number, string>>();
function foldedText(db: Db, id: number): string {
  let cache = bodyCache.get(db);
  if (!cache) bodyCache.set(db, (cache = new Map()));
  let t = cache.get(id);
  if (t === undefined) {
    const r = db.prepare(`SELECT title, body FROM articles WHERE id = ?`).get(id) as { title: string; body: string } | undefined;
    t = r ? fold(`${r.title}\n${r.body}`) : '';
    if (cache.size > 20_000) cache.clear();
    cache.set(id, t);
  }
  return t;
}

/** Whether article `a` is about `topic`: an entity mention when the alias index records one, else a spelling in title or body. */
export function matchesTopic(db: Db, a: CandidateArticle, topic: TopicQuery): boolean {
  if (topic.entityIds.length && lookupAliases.mentions(db, a.id, topic.entityIds)) return true;
  const text = foldedText(db, a.id);
  return topic.terms.some((term) => {
    const re = patternFor(term);
    return re ? re.test(text) : text.includes(term);
  });
}
