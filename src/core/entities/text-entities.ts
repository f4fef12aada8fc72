/**
 * The mentions in one text, span by span, as ingest finds them: alias hits (curated and learned,
 * settled by the text's context), then recognised names no alias covers, bare surnames joined to
 * a full name in the same text, then names in Latin letters (listed English names, Pinyin of
 * found people, learned spellings). What `newsbot entities` prints.
 */
import type { Stores } from '../store/stores.ts';
import { getAliasIndex, soleEntity } from './alias-index.ts';
import { spreadRepeatedNames } from './repeated-names.ts';
import { foundEntityId, linkArticleNames, nameKey, recognizeArticleNames, type KnownSpan } from './article-names.ts';
import { findArticleMentions } from './find-mentions.ts';
import { entityById, findPinyinNames } from './found-entities.ts';
import { findListedLatinNames } from './latin-names.ts';
import { findLearnedLatinNames } from './latin-person-links.ts';
import { listedByEnglish } from './world-names-en.ts';
import { foldKey } from './fold.ts';
import type { NameType } from './recognize-names.ts';

/** One mention in a text; offsets are Unicode code points, end exclusive. */
export interface TextEntity {
  start: number;
  end: number;
  text: string;
  type: NameType;
  /** null for a surname with a title (李先生) naming no one the text names in full. */
  entity_id: string | null;
  name: string;
}

const TYPE: Record<string, NameType> = { person: 'PER', org: 'ORG', place: 'LOC' };

/** Code-point offset of UTF-16 offset `i` in `text`. */
function codePoints(text: string, i: number): number {
  let n = 0;
  for (let k = 0; k < i; k++) {
    const c = text.charCodeAt(k);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** The entity mentions of `text` in order, with the entity each stands for. */
export async function findTextEntities(stores: Stores, text: string): Promise<TextEntity[]> {
  const idx = await getAliasIndex(stores);
  const known: KnownSpan[] = [];
  findArticleMentions(idx.matcher, '', [text], {
    anchors: idx.anchors,
    onHit: (entityId, paragraph, start, end, surface) => known.push({ entityId, paragraph, start, end, surface }),
  });
  // entityId null: a surname with a title naming no one the text names in full.
  type Out = { start: number; end: number; type: NameType; entityId: string | null; name?: string };
  const hits: Out[] = [];
  for (const k of known) {
    const e = idx.entities.get(k.entityId);
    hits.push({ start: k.start, end: k.end, type: TYPE[e?.type ?? 'person'], entityId: k.entityId });
  }
  const names = spreadRepeatedNames(recognizeArticleNames('', [text]), [text]);
  const recognised: Out[] = [];
  const { found } = linkArticleNames(names, [text], known, (key) => idx.byKey.has(key), (_p, span, entityId) => {
    const e = idx.entities.get(entityId);
    recognised.push({ start: span.start, end: span.end, type: e ? TYPE[e.type] : span.type, entityId });
  }, (key) => soleEntity(idx, key), (id) => idx.entities.get(id)?.type === 'person', (_p, span) => {
    recognised.push({ start: span.start, end: span.end, type: 'PER', entityId: null, name: span.text });
  });
  // A hit inside a name kept around it (中国 in 中国队, 北京 in 北京市) is part of that name, not a span of its own.
  const inside = (h: { start: number; end: number }) => recognised.some((r) => r.start <= h.start && h.end <= r.end && r.end - r.start > h.end - h.start);
  const out: Out[] = [...hits.filter((h) => !inside(h)), ...recognised];
  // Names in Latin letters, as ingest reads them: listed English names, Pinyin, learned spellings.
  const taken = (start: number, end: number) => out.some((o) => o.start < end && start < o.end);
  for (const h of findListedLatinNames(text)) {
    if (taken(h.start, h.end)) continue;
    const owners = idx.byKey.get(foldKey(h.zh)) ?? [];
    if (owners.length > 1) continue;
    out.push({ start: h.start, end: h.end, type: h.type, entityId: owners[0] ?? foundEntityId(nameKey(h.zh)), name: owners.length ? undefined : h.zh });
  }
  const skip = (w: string) => idx.byKey.has(foldKey(w)) || !!listedByEnglish(w);
  for (const h of [...(await findPinyinNames(stores, [text]))[0], ...(await findLearnedLatinNames(stores, [text], skip))[0]]) {
    if (!taken(h.start, h.end)) out.push({ start: h.start, end: h.end, type: 'PER', entityId: h.entityId });
  }
  const foundNames = new Map(found.map((f) => [`n:${f.key}`, f.name]));
  for (const o of out) if (o.name && o.entityId && !foundNames.has(o.entityId)) foundNames.set(o.entityId, o.name);
  out.sort((a, b) => a.start - b.start);
  const result: TextEntity[] = [];
  for (const o of out) {
    if (o.entityId === null) {
      result.push({ start: codePoints(text, o.start), end: codePoints(text, o.end), text: text.slice(o.start, o.end), type: o.type, entity_id: null, name: o.name ?? '' });
      continue;
    }
    const e = foundNames.has(o.entityId) ? null : await entityById(stores, idx.entities, o.entityId);
    // A found entity not stored yet (意 → n:意大利 in a fresh database) is named by its key.
    const name = foundNames.get(o.entityId) ?? (e ? e.name_zh || e.name_en || e.id : o.entityId.startsWith('n:') ? o.entityId.slice(2) : o.entityId);
    result.push({ start: codePoints(text, o.start), end: codePoints(text, o.end), text: text.slice(o.start, o.end), type: o.type, entity_id: o.entityId, name });
  }
  return result;
}

/** An article's mentions as `newsbot export` lists them: entity, name, type and count, most mentioned first. */
export async function exportMentions(stores: Stores, articleId: number): Promise<{ entity_id: string; name: string; type: NameType; count: number }[]> {
  const rows = await stores.entities.mentionsWithNames(articleId);
  return rows.map((r) => ({ entity_id: r.id, name: r.name, type: TYPE[r.type], count: r.count }));
}
