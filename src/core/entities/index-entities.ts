/**
 * Writes an article's entity mentions: learns new aliases from its 名（Name） pairs, finds the
 * mentions in its title and body (never its related-news links) and replaces the article's
 * mention rows, keeping the per-entity tallies exact. Runs inside the ingest pipeline's
 * transaction (via indexArticle), and again whenever the article is updated.
 */
import type { Stores } from '../store/stores.ts';
import type { StoredArticle } from '../article.ts';
import { getAliasIndex, soleEntity, type AliasIndex } from './alias-index.ts';
import { findAliasPairs, type AliasPair } from './alias-pairs.ts';
import type { NameSpan } from './recognize-names.ts';
import { findArticleMentions, type ArticleMention } from './find-mentions.ts';
import { findListedLatinNames } from './latin-names.ts';
import { findLearnedLatinNames, latinSpellingKey, latinSpellingsIn } from './latin-person-links.ts';
import { listedByEnglish } from './world-names-en.ts';
import { learnAliases, type LearnedAlias } from './learn-aliases.ts';
import { spreadRepeatedNames } from './repeated-names.ts';
import { foundEntityId, linkArticleNames, nameKey, recognizeArticleNames, type ArticleNames, type FoundName, type KnownSpan } from './article-names.ts';
import { findPinyinNames, keptFoundMentions, storeFoundNames } from './found-entities.ts';
import { foldKey, hasHan } from './fold.ts';

/** The article's sort date for newest-first lists: UTC ISO (date-only at 00:00Z, as articles.published_utc), '' when unknown. */
export function sortKeyOf(publishedAt: string | null | undefined): string {
  if (!publishedAt) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(publishedAt)) return `${publishedAt}T00:00:00.000Z`;
  const t = Date.parse(publishedAt);
  return Number.isNaN(t) ? '' : new Date(t).toISOString();
}

/**
 * A pair's Chinese name made whole where the recogniser saw a longer dotted name ending with it:
 * the transliteration characters stop at an unusual syllable (尔根·哈贝马斯 → 于尔根·哈贝马斯).
 */
function completePairNames(pairs: AliasPair[], spans: NameSpan[]): AliasPair[] {
  for (const p of pairs) {
    if (!/[·・．‧]/.test(p.zh)) continue;
    const end = p.start + p.zh.length;
    const s = spans.find((x) => x.type === 'PER' && x.end === end && x.start < p.start && p.start - x.start <= 3);
    if (s && s.text.endsWith(p.zh) && /^\p{Script=Han}+$/u.test(s.text.slice(0, p.start - s.start))) {
      p.zh = s.text;
      p.start = s.start;
    }
  }
  return pairs;
}

/** Counts one more mention of `entityId` (`pos`: offset in the joined body, -1 for the title). */
function countHit(mentions: ArticleMention[], entityId: string, pos: number, surface: string): void {
  let m = mentions.find((x) => x.entityId === entityId);
  if (!m) {
    m = { entityId, count: 0, firstPos: -1, inTitle: false, surfaces: [], surface, role: null };
    mentions.push(m);
  }
  m.count++;
  if (pos < 0) m.inTitle = true;
  else if (m.firstPos < 0) m.firstPos = pos;
  if (!m.surfaces.includes(surface)) m.surfaces.push(surface);
}

/**
 * Listed English names (Google, Xinjiang) count for the entity their Chinese name is: a listed or
 * learned one when the alias data has that Chinese name (one owner only), else the found name,
 * created if no Chinese text has named it yet. Hits inside an alias match are the matcher's.
 */
function addListedLatinNames(idx: AliasIndex, title: string, paragraphs: string[], known: KnownSpan[], found: FoundName[], mentions: ArticleMention[]): void {
  const scan = [title, ...paragraphs];
  for (let i = 0, offset = 0; i < scan.length; offset += i > 0 ? scan[i].length + 2 : 0, i++) {
    const paragraph = i - 1;
    for (const h of findListedLatinNames(scan[i])) {
      if (known.some((k) => k.paragraph === paragraph && k.start < h.end && h.start < k.end)) continue;
      const pos = paragraph < 0 ? -1 : offset + h.start;
      const owners = idx.byKey.get(foldKey(h.zh)) ?? [];
      if (owners.length === 1) {
        countHit(mentions, owners[0], pos, h.surface);
        continue;
      }
      if (owners.length > 1 || idx.byKey.has(foldKey(h.surface))) continue;
      const key = nameKey(h.zh);
      let f = found.find((x) => x.key === key);
      if (!f) found.push((f = { key, name: h.zh, type: h.type, count: 0, firstPos: -1, inTitle: false, surfaces: [] }));
      f.count++;
      if (pos < 0) f.inTitle = true;
      else if (f.firstPos < 0) f.firstPos = pos;
      if (!f.surfaces.includes(h.surface)) f.surfaces.push(h.surface);
    }
  }
}

/** Stores each learned Latin spelling as a look-up key of its person unless the key is taken; returns those added, for re-linking earlier articles. */
async function learnLatinSpellings(stores: Stores, spellings: { word: string; entityId: string }[]): Promise<LearnedAlias[]> {
  const added: LearnedAlias[] = [];
  for (const { word, entityId } of spellings) {
    const key = latinSpellingKey(word);
    if ((await stores.entities.foundByKey(key)).length) continue;
    const e = await stores.entities.entity(entityId);
    await stores.entities.addFoundNames([], [{ key, entity_id: entityId, name: e?.name_zh ?? word }], new Date().toISOString());
    added.push({ entityId, alias: word });
  }
  return added;
}

/**
 * Replaces the entity mentions of `article` (learning aliases from it first, unless `learn` is
 * false: re-indexing, which has learned them already). Returns the aliases it learned: articles
 * stored before may mention them too (see relinkLearnedAliases).
 */
export async function indexEntities(stores: Stores, article: StoredArticle, opts: { learn?: boolean; names?: ArticleNames } = {}): Promise<LearnedAlias[]> {
  const idx = await getAliasIndex(stores);
  const paragraphs = article.paragraphs.map((p) => p.text);
  const learn = opts.learn ?? true;
  // Re-linking (learn false, no names given) keeps the names found the first time rather than run
  // the segmenter again on the storing thread: it only needs the new alias's hits.
  const reuse = !learn && !opts.names;
  const recognised = reuse ? { title: [], paragraphs: [] } : (opts.names ?? recognizeArticleNames(article.title ?? '', paragraphs, article.paragraphs.map((p) => p.lang)));
  // (Spread here, on the paragraphs stored, so re-cleaning an article gives the same mentions.)
  const names = spreadRepeatedNames(recognised, paragraphs, article.title ?? '');
  const pairs = learn
    ? paragraphs.flatMap((p, i) => (p.includes('（') || p.includes('(') ? completePairNames(findAliasPairs(p, idx.anchors), names.paragraphs[i] ?? []) : []))
    : [];
  const learned = pairs.length ? await learnAliases(stores, idx, pairs, article.id, new Date().toISOString()) : [];

  const isPerson = (id: string) => idx.entities.get(id)?.type === 'person';
  const known: KnownSpan[] = [];
  const mentions = findArticleMentions(idx.matcher, article.title ?? '', paragraphs, {
    anchors: idx.anchors,
    hasRole: isPerson,
    onHit: (entityId, paragraph, start, end, surface) => known.push({ entityId, paragraph, start, end, surface }),
  });
  // Names no alias covers (the parse worker recognised them; re-indexing recognises them here).
  // A known alias the matcher counted nowhere in this article (it declined it: 法兰克福, learned for
  // Lew Frankfort, in an article on the city) is left to the recogniser: a name of its own here.
  const counted = new Set(known.map((k) => foldKey(k.surface)));
  const isCounted = (key: string) => idx.byKey.has(key) && counted.has(key);
  const { found, links } = linkArticleNames(names, paragraphs, known, isCounted, undefined, (key) => soleEntity(idx, key), isPerson);
  for (const l of links) {
    const m = mentions.find((x) => x.entityId === l.entityId);
    if (!m) continue;
    m.count++;
    if (!l.bySurname && !m.surfaces.includes(l.surface)) m.surfaces.push(l.surface);
  }
  addListedLatinNames(idx, article.title ?? '', paragraphs, known, found, mentions);
  const stored = await storeFoundNames(stores, found, idx);
  for (const m of stored) {
    // A sound-alike spelling of an entity the article already mentions counts for that mention.
    const same = mentions.find((x) => x.entityId === m.entityId);
    if (!same) {
      mentions.push(m);
      continue;
    }
    same.count += m.count;
    for (const sf of m.surfaces) if (!same.surfaces.includes(sf)) same.surfaces.push(sf);
  }
  // Chinese people found before, written in Pinyin (Mao Zedong in an English paragraph).
  const scan = [article.title ?? '', ...paragraphs];
  const pinyinHits = await findPinyinNames(stores, scan);
  // …and foreign people by a Latin spelling learned from an article writing both (Snowden for 斯诺登).
  const skip = (w: string) => idx.byKey.has(foldKey(w)) || !!listedByEnglish(w);
  if (learn) {
    // Only a name that is its own entity: one joined to a sound-alike (普莱斯 to 布鲁斯) would carry the word to the other.
    const people = found.flatMap((f, i) => (f.type === 'PER' && hasHan(f.name) && stored[i].entityId === foundEntityId(f.key) ? [{ entityId: stored[i].entityId, name: f.name }] : []));
    learned.push(...(await learnLatinSpellings(stores, latinSpellingsIn(scan, people, skip))));
  }
  const latinHits = await findLearnedLatinNames(stores, scan, skip);
  for (let i = 0; i < scan.length; i++) pinyinHits[i].push(...latinHits[i].filter((h) => !pinyinHits[i].some((p) => p.start < h.end && h.start < p.end)));
  for (let i = 0, offset = 0; i < scan.length; offset += i > 0 ? scan[i].length + 2 : 0, i++) {
    const paragraph = i - 1;
    for (const h of pinyinHits[i]) {
      if (known.some((k) => k.paragraph === paragraph && k.start < h.end && h.start < k.end)) continue;
      countHit(mentions, h.entityId, paragraph < 0 ? -1 : offset + h.start, h.surface);
    }
  }
  if (reuse) {
    const have = new Set(mentions.map((m) => m.entityId));
    for (const m of await keptFoundMentions(stores, article.id, (surface) => isCounted(foldKey(surface)))) if (!have.has(m.entityId)) mentions.push(m);
  }
  // One multi-row write for the article's mentions and one for the tallies they move.
  await stores.entities.replaceMentions(article.id, sortKeyOf(article.published_at), mentions);
  return learned;
}
