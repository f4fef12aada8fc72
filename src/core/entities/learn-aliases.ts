/**
 * Extends the alias index from the corpus: each 漢字名（Latin Name） pair either adds a spelling
 * to a known entity (蒲亭（Vladimir Putin） → putin) or creates a learned person
 * (尚皮耶（Karine Jean-Pierre）). A learned alias never takes over a name that already
 * belongs to another entity, so curated data always wins.
 */
import type { Stores } from '../store/stores.ts';
import { addToAliasIndex, type AliasIndex, type EntityInfo } from './alias-index.ts';
import { isTranslitChar, type AliasPair } from './alias-pairs.ts';
import { isChineseSurnameStart } from './name-lexicon.ts';
import { toSimplified } from '../text/script.ts';
import { foldKey, foldPhrase, scriptVariants } from './fold.ts';

/** A URL- and command-friendly id from a Latin name: "Karine Jean-Pierre" → karine-jean-pierre. */
export function slugify(latin: string): string {
  return foldPhrase(latin)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

function owners(idx: AliasIndex, key: string): string[] {
  return idx.byKey.get(key) ?? [];
}

/**
 * Whether a Chinese name stands for only part of a multi-word Latin name: a transliteration with
 * no name separator (弗洛伊德 for George Floyd), unlike 于尔根·哈贝马斯 or a Chinese name (刘晓波).
 */
export function rendersSurnameOnly(zh: string, latin: string): boolean {
  if (!/\p{Script=Han}/u.test(zh) || /[·・．‧-]/.test(zh)) return false;
  if (latin.trim().split(/\s+/).length < 2) return false;
  const han = [...zh];
  // A Chinese personal name (surname + given name, some characters no transliteration uses).
  if (han.length <= 3 && isChineseSurnameStart(toSimplified(zh)) && han.some((c) => !isTranslitChar(c))) return false;
  return true;
}

/** An alias added to an entity by learning. */
export interface LearnedAlias {
  entityId: string;
  alias: string;
}

/** Learns from the pairs of one article; returns the aliases added. */
export async function learnAliases(stores: Stores, idx: AliasIndex, pairs: AliasPair[], articleId: number | null, now: string): Promise<LearnedAlias[]> {
  const added: LearnedAlias[] = [];
  const store = stores.entities;
  // Every script variant is stored as its own key, so lookups never need opencc.
  const add = async (entity: EntityInfo, name: string, latin: string, pairRole: string | null) => {
    const variants = scriptVariants(name).map((alias) => ({ alias, key: foldKey(alias) }));
    if (variants.some((v) => !v.key || owners(idx, v.key).length)) return;
    // A two-character transliteration of a learned person (瓊斯（Deven Jones）) is usually just a
    // common surname: it counts only in articles that also name the person in Latin letters.
    const short = entity.source === 'learned' && name.replace(/[·・．‧-]/g, '').length <= 2 && /\p{Script=Han}/u.test(name);
    // 弗洛伊德（George Floyd） renders only the surname: Freud is 弗洛伊德 too. A learned person's
    // surname-only name counts only where the article also names them in full or in Latin letters.
    const surnameOnly = entity.source === 'learned' && rendersSurnameOnly(name, latin);
    // Its context: the Latin name, the full Chinese name, or the role the articles give (美國特使柯萊恩).
    const role = entity.role_zh ?? pairRole;
    const context = short || surnameOnly ? [latin, ...(entity.name_zh && entity.name_zh !== name ? [entity.name_zh] : []), ...(role && role.length >= 3 ? [role] : [])] : null;
    for (const { alias, key } of variants) {
      if (!(await store.addLearnedAlias(key, entity.id, alias, context ? JSON.stringify(context) : null, articleId))) continue;
      const version = await store.bumpAliasVersion();
      addToAliasIndex(stores, idx, version, entity, alias, key, context);
      added.push({ entityId: entity.id, alias });
    }
  };
  for (const p of pairs) {
    const latinKey = foldKey(p.latin);
    if (!latinKey || !foldKey(p.zh)) continue;
    const byLatin = owners(idx, latinKey);
    const byZh = [...new Set(scriptVariants(p.zh).flatMap((v) => owners(idx, foldKey(v))))];
    let entity: EntityInfo | undefined;
    if (byLatin.length === 1) entity = idx.entities.get(byLatin[0]);
    else if (byLatin.length > 1) entity = byZh.length === 1 && byLatin.includes(byZh[0]) ? idx.entities.get(byZh[0]) : undefined;
    else if (byZh.length === 1) {
      // 布什（Vannevar Bush） after 布什（George W. Bush）: a shared surname is not the same person.
      const owner = idx.entities.get(byZh[0]);
      const otherPerson = !!owner?.name_en && foldKey(owner.name_en) !== latinKey && rendersSurnameOnly(p.zh, p.latin);
      entity = otherPerson ? await createLearnedEntity(stores, idx, p, now) : owner;
    }
    else if (byZh.length === 0) entity = await createLearnedEntity(stores, idx, p, now);
    if (!entity) continue;
    await add(entity, p.zh, p.latin, p.role);
    await add(entity, p.latin, p.latin, p.role);
  }
  return added;
}

async function createLearnedEntity(stores: Stores, idx: AliasIndex, p: AliasPair, now: string): Promise<EntityInfo | undefined> {
  const zhLen = p.zh.replace(/[·・．‧-]/g, '').length;
  const words = p.latin.split(/\s+/).length;
  // A one-word original is as often a company, place or brand (巴克萊（Barclays）, 模里西斯（Mauritius）)
  // as a person, so only full names (given name + surname) create a person.
  if (words < 2 || zhLen < 2) return undefined;
  const base = slugify(p.latin);
  if (!base) return undefined;
  let id = base;
  for (let n = 2; idx.entities.has(id); n++) id = `${base}-${n}`;
  const entity: EntityInfo = { id, type: 'person', name_zh: p.zh, name_en: p.latin, role_zh: p.role, role_en: null, source: 'learned' };
  await stores.entities.createLearnedPerson(id, p.zh, p.latin, p.role, now);
  idx.entities.set(id, entity);
  return entity;
}
