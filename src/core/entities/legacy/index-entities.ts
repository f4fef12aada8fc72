// TRANSITIONAL (issue 14, entities helper): the synchronous SQLite version of this module, kept only for
// callers in other areas that are still synchronous (ingest chain, stories, digest, follows). Delete
// this folder once they await the store-based functions in src/core/entities/.
/**
 * Writes an article's entity mentions: learns new aliases from its 名（Name） pairs, finds the
 * mentions in its title and body (never its related-news links) and replaces the article's
 * mention rows, keeping the per-entity tallies exact. Runs inside the article store's
 * transaction (via indexArticle), and again whenever the article is updated.
 */
import type { Db } from '../../store/db.ts';
import type { StoredArticle } from '../../article.ts';
import { getAliasIndex } from './alias-index.ts';
import { findAliasPairs, type AliasPair } from '../alias-pairs.ts';
import type { NameSpan } from '../recognize-names.ts';
import { findArticleMentions } from '../find-mentions.ts';
import { learnAliases, type LearnedAlias } from './learn-aliases.ts';
import { linkArticleNames, recognizeArticleNames, type ArticleNames, type KnownSpan } from '../article-names.ts';
import { findPinyinNames, keptFoundMentions, storeFoundNames } from './found-entities.ts';
import { foldKey } from '../fold.ts';

/** The article's sort date for newest-first lists: UTC ISO (date-only at 00:00Z, as articles.published_utc), '' when unknown. */
export function sortKeyOf(publishedAt: string | null | undefined): string {
  if (!publishedAt) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(publishedAt)) return `${publishedAt}T00:00:00.000Z`;
  const t = Date.parse(publishedAt);
  return Number.isNaN(t) ? '' : new Date(t).toISOString();
}

interface Statements {
  old: { all(articleId: number): { entity_id: string; surfaces: string; role: string | null }[] };
  del: { run(articleId: number): unknown };
  ins: { run(...args: unknown[]): unknown };
  inc: { run(entityId: string, kind: string, value: string): unknown };
  dec: { get(entityId: string, kind: string, value: string): { articles: number } | undefined };
  prune: { run(entityId: string, kind: string, value: string): unknown };
}
const statements = new WeakMap<Db, Statements>();

function prepare(db: Db): Statements {
  let s = statements.get(db);
  if (!s) {
    s = {
      old: db.prepare(`SELECT entity_id, surfaces, role FROM entity_mentions WHERE article_id = ?`) as unknown as Statements['old'],
      del: db.prepare(`DELETE FROM entity_mentions WHERE article_id = ?`),
      ins: db.prepare(`INSERT INTO entity_mentions (entity_id, article_id, count, first_pos, in_title, surface, surfaces, role, sort_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      inc: db.prepare(`INSERT INTO entity_facets (entity_id, kind, value, articles) VALUES (?, ?, ?, 1) ON CONFLICT (entity_id, kind, value) DO UPDATE SET articles = articles + 1`),
      dec: db.prepare(`UPDATE entity_facets SET articles = articles - 1 WHERE entity_id = ? AND kind = ? AND value = ? RETURNING articles`) as unknown as Statements['dec'],
      prune: db.prepare(`DELETE FROM entity_facets WHERE entity_id = ? AND kind = ? AND value = ? AND articles <= 0`),
    };
    statements.set(db, s);
  }
  return s;
}

function facetsOf(surfaces: string[], role: string | null): [string, string][] {
  const out: [string, string][] = [['count', '']];
  for (const s of surfaces) out.push(['spelling', s]);
  if (role) out.push(['role', role]);
  return out;
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

/**
 * Replaces the entity mentions of `article` (learning aliases from it first, unless `learn` is
 * false: re-indexing, which has learned them already). Returns the aliases it learned: articles
 * stored before may mention them too (see relinkLearnedAliases).
 */
export function indexEntities(db: Db, article: StoredArticle, opts: { learn?: boolean; names?: ArticleNames } = {}): LearnedAlias[] {
  const idx = getAliasIndex(db);
  const paragraphs = article.paragraphs.map((p) => p.text);
  const learn = opts.learn ?? true;
  // Re-linking (learn false, no names given) keeps the names found the first time rather than run
  // the segmenter again on the storing thread: it only needs the new alias's hits.
  const reuse = !learn && !opts.names;
  const names = reuse ? { title: [], paragraphs: [] } : (opts.names ?? recognizeArticleNames(article.title ?? '', paragraphs, article.paragraphs.map((p) => p.lang)));
  const pairs = learn
    ? paragraphs.flatMap((p, i) => (p.includes('（') || p.includes('(') ? completePairNames(findAliasPairs(p, idx.anchors), names.paragraphs[i] ?? []) : []))
    : [];
  const learned = pairs.length ? learnAliases(db, idx, pairs, article.id, new Date().toISOString()) : [];

  const known: KnownSpan[] = [];
  const mentions = findArticleMentions(idx.matcher, article.title ?? '', paragraphs, {
    anchors: idx.anchors,
    hasRole: (id) => idx.entities.get(id)?.type === 'person',
    onHit: (entityId, paragraph, start, end, surface) => known.push({ entityId, paragraph, start, end, surface }),
  });
  // Names no alias covers (the parse worker recognised them; re-indexing recognises them here).
  const { found, links } = linkArticleNames(names, paragraphs, known, (key) => idx.byKey.has(key));
  for (const l of links) {
    const m = mentions.find((x) => x.entityId === l.entityId);
    if (!m) continue;
    m.count++;
    if (!m.surfaces.includes(l.surface)) m.surfaces.push(l.surface);
  }
  for (const m of storeFoundNames(db, found, idx)) {
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
  for (let i = 0, offset = 0; i < scan.length; offset += i > 0 ? scan[i].length + 2 : 0, i++) {
    const paragraph = i - 1;
    for (const h of findPinyinNames(db, scan[i])) {
      if (known.some((k) => k.paragraph === paragraph && k.start < h.end && h.start < k.end)) continue;
      let m = mentions.find((x) => x.entityId === h.entityId);
      if (!m) {
        m = { entityId: h.entityId, count: 0, firstPos: -1, inTitle: false, surfaces: [], surface: h.surface, role: null };
        mentions.push(m);
      }
      m.count++;
      if (paragraph < 0) m.inTitle = true;
      else if (m.firstPos < 0) m.firstPos = offset + h.start;
      if (!m.surfaces.includes(h.surface)) m.surfaces.push(h.surface);
    }
  }
  if (reuse) {
    const have = new Set(mentions.map((m) => m.entityId));
    for (const m of keptFoundMentions(db, article.id, (surface) => idx.byKey.has(foldKey(surface)))) if (!have.has(m.entityId)) mentions.push(m);
  }
  const s = prepare(db);
  for (const o of s.old.all(article.id)) {
    for (const [kind, value] of facetsOf(JSON.parse(o.surfaces) as string[], o.role)) {
      const left = s.dec.get(o.entity_id, kind, value);
      if (left && left.articles <= 0) s.prune.run(o.entity_id, kind, value);
    }
  }
  s.del.run(article.id);
  const sortKey = sortKeyOf(article.published_at);
  for (const m of mentions) {
    s.ins.run(m.entityId, article.id, m.count, m.firstPos, m.inTitle ? 1 : 0, m.surface, JSON.stringify(m.surfaces), m.role, sortKey);
    for (const [kind, value] of facetsOf(m.surfaces, m.role)) s.inc.run(m.entityId, kind, value);
  }
  return learned;
}
