/**
 * The names of one article nobody listed, and how they join the known ones: recognised per title
 * and paragraph (recognizeNames, done in the parse worker), dropped where an alias already matched,
 * a bare surname (斯诺登) given to the full name the same article wrote (爱德华·斯诺登), and the
 * rest grouped by folded name into entities of their own. Pure.
 */
import { foldKey, hasHan } from './fold.ts';
import { toSimplified } from '../text/script.ts';
import { recognizeNames, type NameSpan, type NameType } from './recognize-names.ts';
import { canonicalChineseName } from './world-names-en.ts';
import { abbreviatedPlace, isChineseSurnameStart } from './name-lexicon.ts';

/** The recognised names of an article: the title's, then each paragraph's. */
export interface ArticleNames {
  title: NameSpan[];
  paragraphs: NameSpan[][];
}

/** A span an alias matched, so a recognised name over it is the known entity's (paragraph -1: the title). */
export interface KnownSpan {
  entityId: string;
  paragraph: number;
  start: number;
  end: number;
  surface: string;
}

/** A name the article mentions that no alias covers. */
export interface FoundName {
  key: string;
  name: string;
  type: NameType;
  count: number;
  firstPos: number;
  inTitle: boolean;
  surfaces: string[];
}

/** Extra mentions of known entities found through a surname (斯诺登 after 爱德华·斯诺登) or a one-character abbreviation (访美). */
export interface SurnameLink {
  entityId: string;
  surface: string;
  /** A Chinese surname with a title (王先生 for 王建国): a mention, not a spelling of the name. */
  bySurname?: boolean;
}

/** The single Han surname of a Chinese name of two to four characters (王 of 王建国), or undefined. */
function chineseSurname(name: string): string | undefined {
  const chars = [...name];
  return chars.length >= 2 && chars.length <= 4 && chars.every((c) => HAN_CHAR.test(c)) && isChineseSurnameStart(chars[0]) ? nameKey(chars[0]) : undefined;
}

const HAN_CHAR = /\p{Script=Han}/u;

/**
 * recognizeNames over an article's title and paragraphs; `langs` (the paragraphs' languages) lets
 * Simplified skip opencc and English skip the segmenter. A paragraph labelled English that still
 * writes Chinese (a Chinese sentence around a long URL or quote) is read too.
 */
export function recognizeArticleNames(title: string, paragraphs: string[], langs?: string[]): ArticleNames {
  return { title: recognizeNames(title), paragraphs: paragraphs.map((p, i) => (langs?.[i] === 'en' && !HAN_CHAR.test(p) ? [] : recognizeNames(p, { simplified: langs?.[i] === 'zh-Hans' }))) };
}

/** The script-neutral key of a found name: folded, in Simplified characters (毛澤東 and 毛泽东 are one). */
export function nameKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    key = foldKey(hasHan(name) ? toSimplified(name) : name);
    // Names repeat across articles; opencc per name was a visible share of ingest.
    if (keyCache.size > 100_000) keyCache.clear();
    keyCache.set(name, key);
  }
  return key;
}
const keyCache = new Map<string, string>();

const LAST_PART = /[·・．‧•\s]([^·・．‧•\s]+)$/u;

/** The part after the last name separator (爱德华·斯诺登 → 斯诺登), folded, or null for a name in one part. */
export function lastPartKey(name: string): string | null {
  const m = LAST_PART.exec(name.trim());
  return m && [...m[1]].length >= 2 ? nameKey(m[1]) : null;
}

const TYPE_RANK: Record<NameType, number> = { PER: 0, ORG: 1, LOC: 2 };

// What an administrative division adds to its place's name (北京市, 四川省, 香港特区, 新疆维吾尔
// 自治区, 广西壮族自治区): the same place.
const ADMIN_SUFFIX = /^(?:省|市|县|縣|区|區|特区|特區|特别行政区|特別行政區|\p{Script=Han}{0,5}?(?:自治区|自治區|自治州|自治县|自治縣))$/u;

/** The entity a place name stands for when it is an alias hit plus an administrative suffix (北京 + 市), else undefined. */
function adminExtension(span: NameSpan, hits: KnownSpan[]): string | undefined {
  if (span.type !== 'LOC' || hits.length !== 1) return undefined;
  const h = hits[0];
  return h.start === span.start && h.end < span.end && ADMIN_SUFFIX.test(span.text.slice(h.end - span.start)) ? h.entityId : undefined;
}

// The last character of a place named after another (朝鲜半岛, 北京西站, 巴黎圣母院): a feature
// or a building. 香港市民 and 欧洲各国 are people and countries, not places of their own.
const PLACE_FEATURE_END = /[岛島湾灣港江河湖山峰街路桥橋城堡宫宮院园園寺庙廟场場站海峡峽馆館厦廈堂]$/;

/**
 * Whether a name holds the alias hits it overlaps inside it as a name of its own: an organisation
 * with two or more characters of its own (中国国务院, 美国国务院 around the hit 中国 / 美国), a
 * team named by its country (中国队), or a place named after the hit that opens it, ending in a
 * feature or building (朝鲜半岛, 北京西站). Such a name is kept rather than dropped with the hit.
 */
function wrapsHits(span: NameSpan, hits: KnownSpan[]): boolean {
  let covered = 0;
  for (const h of hits) {
    if (h.start < span.start || h.end > span.end) return false;
    covered += h.end - h.start;
  }
  const own = span.end - span.start - covered;
  if (span.type === 'ORG') return own >= 2 || (own === 1 && /[队隊]$/.test(span.text));
  return span.type === 'LOC' && own >= 2 && hits.some((h) => h.start === span.start) && PLACE_FEATURE_END.test(span.text);
}

/**
 * Joins an article's recognised names with the alias hits: names over a hit are the hit's (but an
 * organisation holding a place hit, 中国国务院, is its own name), a
 * name whose folded form is a known alias (`isKnown`) is left to the matcher's judgement, a
 * one-part person name equal to the last part of a full name in the article goes to that name,
 * and every other name becomes a FoundName (offsets as in findArticleMentions: body paragraphs
 * joined by blank lines).
 */
export function linkArticleNames(
  names: ArticleNames,
  paragraphs: string[],
  known: KnownSpan[],
  isKnown: (key: string) => boolean,
  /** Called for each recognised name kept, with the entity it stands for (`n:` ids for found names). */
  onSpan?: (paragraph: number, span: NameSpan, entityId: string) => void,
  /** The one known entity whose alias has this folded key, if any. */
  entityOf?: (key: string) => string | undefined,
  /** Whether a known entity is a person (a surname with a title can stand for one). */
  isPerson?: (entityId: string) => boolean,
  /** Called for a surname with a title (李先生) that names no one the article names in full. */
  onUnlinkedSurname?: (paragraph: number, span: NameSpan) => void,
): { found: FoundName[]; links: SurnameLink[] } {
  const offsets: number[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    offsets.push(offset);
    offset += p.length + 2;
  }
  const hitsBy = new Map<number, KnownSpan[]>();
  for (const k of known) (hitsBy.get(k.paragraph) ?? hitsBy.set(k.paragraph, []).get(k.paragraph)!).push(k);
  // Full names by their last part: known entities' matched spellings and recognised dotted names.
  const fullBySurname = new Map<string, Set<string>>();
  const addFull = (surnameKey: string | null, target: string) => {
    if (!surnameKey) return;
    (fullBySurname.get(surnameKey) ?? fullBySurname.set(surnameKey, new Set()).get(surnameKey)!).add(target);
  };
  for (const k of known) addFull(lastPartKey(k.surface), `e:${k.entityId}`);
  // Names inside an organisation's name count as mentions too, without a span of their own in onSpan.
  const withInner = (list: NameSpan[], paragraph: number) => list.flatMap((span) => [{ span, paragraph, inner: false }, ...(span.inner ?? []).map((x) => ({ span: x, paragraph, inner: true }))]);
  const all: { span: NameSpan; paragraph: number; inner: boolean }[] = [...withInner(names.title, -1), ...names.paragraphs.flatMap((list, i) => withInner(list, i))];
  // A recognised name that is a known entity's spelling is that entity (already added), not a second full name.
  for (const { span } of all) if (span.type === 'PER' && !isKnown(foldKey(span.name ?? span.text))) addFull(lastPartKey(span.text), `f:${nameKey(span.text)}`);
  // Chinese full names by surname, for a surname with a title (王先生 after 王建国).
  const bySurname = new Map<string, Set<string>>();
  const addSurname = (name: string, target: string) => {
    const sn = chineseSurname(name);
    if (sn) (bySurname.get(sn) ?? bySurname.set(sn, new Set()).get(sn)!).add(target);
  };
  for (const k of known) if (isPerson?.(k.entityId)) addSurname(k.surface, `e:${k.entityId}`);
  for (const { span } of all) if (span.type === 'PER') addSurname(span.text, `f:${nameKey(span.text)}`);
  const surnameMentions: { paragraph: number; span: NameSpan; key: string }[] = [];

  const found = new Map<string, FoundName>();
  const links: SurnameLink[] = [];
  for (const { span, paragraph, inner } of all) {
    const hits = (hitsBy.get(paragraph) ?? []).filter((h) => h.start < span.end && span.start < h.end);
    const extended = inner ? undefined : adminExtension(span, hits);
    if (extended) {
      // The hit already counts; the span is the fuller spelling of the same place.
      onSpan?.(paragraph, span, extended);
      continue;
    }
    if (hits.length && !wrapsHits(span, hits)) continue;
    // The name the entity is known by: the span's own, or the one it gives (时代周刊 for 美国《时代》周刊).
    const spelled = span.name ?? span.text;
    if (isKnown(foldKey(spelled))) continue;
    // A listed variant (澳洲, 纽西兰) is the entity of the name listed first (澳大利亚, 新西兰).
    let key = canonicalChineseName(nameKey(spelled));
    if (key && [...key].length === 1 && span.type === 'LOC') {
      // A one-character abbreviation (访美, 中方, 俄军) is the place it stands for, when it stands for one.
      const full = abbreviatedPlace(key);
      const entityId = full ? (entityOf?.(foldKey(full)) ?? foundEntityId(canonicalChineseName(full))) : undefined;
      if (entityId) {
        links.push({ entityId, surface: span.text });
        if (!inner) onSpan?.(paragraph, span, entityId);
      }
      continue;
    }
    if (key && span.type === 'PER' && [...key].length === 1) {
      // A surname with a title (李老师, 王某) is the one person of that surname named in full, if one is.
      const full = bySurname.get(key);
      const target = full?.size === 1 ? [...full][0] : undefined;
      if (target?.startsWith('e:')) {
        links.push({ entityId: target.slice(2), surface: span.text, bySurname: true });
        if (!inner) onSpan?.(paragraph, span, target.slice(2));
      } else if (target) surnameMentions.push({ paragraph, span, key: target.slice(2) });
      else if (!inner) onUnlinkedSurname?.(paragraph, span);
      continue;
    }
    if (!key || [...key].length < 2) continue;
    if (span.type === 'PER' && !lastPartKey(span.text)) {
      const full = fullBySurname.get(key);
      if (full?.size === 1) {
        const target = [...full][0];
        if (target.startsWith('e:')) {
          links.push({ entityId: target.slice(2), surface: span.text });
          onSpan?.(paragraph, span, target.slice(2));
          continue;
        }
        key = target.slice(2);
      }
    }
    const pos = paragraph < 0 ? -1 : offsets[paragraph] + span.start;
    let f = found.get(key);
    if (!f) {
      // A listed variant or a prefixed body (中国国务院) is named as the entity it joins (国务院).
      f = { key, name: nameKey(spelled) === key ? spelled : key, type: span.type, count: 0, firstPos: pos, inTitle: false, surfaces: [] };
      found.set(key, f);
    }
    f.count++;
    if (!inner) onSpan?.(paragraph, span, foundEntityId(key));
    if (paragraph < 0) f.inTitle = true;
    else if (f.firstPos < 0) f.firstPos = pos;
    if (!f.surfaces.includes(spelled)) f.surfaces.push(spelled);
    // The fullest spelling names the entity (爱德华·斯诺登 over 斯诺登); a person outranks a place of the same name.
    if ([...spelled].length > [...f.name].length && nameKey(spelled) === key) f.name = spelled;
    if (TYPE_RANK[span.type] < TYPE_RANK[f.type]) f.type = span.type;
  }
  // Surnames of found names count once those names are found (the full name may come later).
  for (const m of surnameMentions) {
    const f = found.get(m.key);
    if (!f) continue;
    f.count++;
    onSpan?.(m.paragraph, m.span, foundEntityId(m.key));
  }
  return { found: [...found.values()], links };
}

/** The entity id of a found name: `n:` and its folded key. */
export function foundEntityId(key: string): string {
  return `n:${key}`;
}

/** Whether a found name is written in Han characters (its name goes to name_zh, else name_en). */
export function isHanName(name: string): boolean {
  return hasHan(name);
}
