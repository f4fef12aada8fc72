/**
 * The mentions in one text, span by span, as ingest finds them: alias hits (curated and learned,
 * settled by the text's context), then recognised names no alias covers, bare surnames joined to
 * a full name in the same text. What `newsbot entities` prints.
 */
import type { Db } from '../store/db.ts';
import { getAliasIndex } from './alias-index.ts';
import { linkArticleNames, recognizeArticleNames, type KnownSpan } from './article-names.ts';
import { findArticleMentions } from './find-mentions.ts';
import { entityById } from './found-entities.ts';
import type { NameType } from './recognize-names.ts';

/** One mention in a text; offsets are Unicode code points, end exclusive. */
export interface TextEntity {
  start: number;
  end: number;
  text: string;
  type: NameType;
  entity_id: string;
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
export function findTextEntities(db: Db, text: string): TextEntity[] {
  const idx = getAliasIndex(db);
  const known: KnownSpan[] = [];
  findArticleMentions(idx.matcher, '', [text], {
    anchors: idx.anchors,
    onHit: (entityId, paragraph, start, end, surface) => known.push({ entityId, paragraph, start, end, surface }),
  });
  const out: { start: number; end: number; type: NameType; entityId: string; name?: string }[] = [];
  for (const k of known) {
    const e = idx.entities.get(k.entityId);
    out.push({ start: k.start, end: k.end, type: TYPE[e?.type ?? 'person'], entityId: k.entityId });
  }
  const names = recognizeArticleNames('', [text]);
  const { found } = linkArticleNames(names, [text], known, (key) => idx.byKey.has(key), (_p, span, entityId) => {
    const e = idx.entities.get(entityId);
    out.push({ start: span.start, end: span.end, type: e ? TYPE[e.type] : span.type, entityId });
  });
  const foundNames = new Map(found.map((f) => [`n:${f.key}`, f.name]));
  out.sort((a, b) => a.start - b.start);
  return out.map((o) => {
    const e = foundNames.has(o.entityId) ? null : entityById(db, idx.entities, o.entityId);
    const name = foundNames.get(o.entityId) ?? (e ? e.name_zh || e.name_en || e.id : o.entityId);
    return { start: codePoints(text, o.start), end: codePoints(text, o.end), text: text.slice(o.start, o.end), type: o.type, entity_id: o.entityId, name };
  });
}

/** An article's mentions as `newsbot export` lists them: entity, name, type and count, most mentioned first. */
export function exportMentions(db: Db, articleId: number): { entity_id: string; name: string; type: NameType; count: number }[] {
  const rows = db
    .prepare(
      `SELECT m.entity_id AS id, m.count AS count, e.type AS type, coalesce(e.name_zh, e.name_en, e.id) AS name
       FROM entity_mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.count DESC, m.first_pos`,
    )
    .all(articleId) as { id: string; count: number; type: string; name: string }[];
  return rows.map((r) => ({ entity_id: r.id, name: r.name, type: TYPE[r.type], count: r.count }));
}
