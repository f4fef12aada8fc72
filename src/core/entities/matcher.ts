/**
 * Mention finding over folded aliases: one trie over every alias variant (Traditional,
 * Simplified, with and without separators), scanned leftmost-longest in a single pass, so the
 * cost per article is linear in its length whatever the number of aliases. Built once per
 * alias-set version and reused for every article.
 */
import { foldPhrase, foldText, isWordCode, scriptVariants, type FoldedText } from './fold.ts';

/** One alias as the matcher needs it: one script variant (see expandScripts), context already in every script. */
export interface AliasRecord {
  entityId: string;
  text: string;
  /** When set, the alias only counts in an article containing one of these (or another alias of the entity). */
  context?: string[] | null;
}

type CaseRule = 'acronym' | 'exact' | 'upper' | 'lower' | null;

/** What a trie terminal stands for. */
export interface TermEntry {
  entityId: string;
  alias: string;
  /** Folded context strings (all scripts); null when the alias is unambiguous. */
  context: string[] | null;
  caseRule: CaseRule;
}

interface Node {
  next: Map<number, Node>;
  entries?: TermEntry[];
  blocker?: boolean;
  latinEnd?: boolean;
}

/** A compiled alias index. */
export interface Matcher {
  root: Node;
  /** How many alias variants it holds (for diagnostics). */
  size: number;
}

/** One alias occurrence in a text, offsets into the original string. */
export interface Hit {
  entries: TermEntry[];
  start: number;
  end: number;
  surface: string;
}

/** The folded forms of a name, with and without separators (script variants are separate records). */
export function aliasVariants(text: string): string[] {
  const folded = foldPhrase(text);
  if (!folded) return [];
  return [...new Set([folded, folded.replace(/ /g, '')])];
}

function caseRuleOf(text: string): CaseRule {
  const letters = text.replace(/[^A-Za-z]/g, '');
  if (!letters) return null;
  if (letters.length <= 6 && letters === letters.toUpperCase()) return 'acronym';
  // Short mixed-case names must be written exactly so: Xi, not the numeral XI.
  if (letters.length <= 3) return 'exact';
  return letters[0] === letters[0].toUpperCase() ? 'upper' : 'lower';
}

function insert(root: Node, key: string): Node {
  let node = root;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    let nx = node.next.get(c);
    if (!nx) {
      nx = { next: new Map() };
      node.next.set(c, nx);
    }
    node = nx;
  }
  node.latinEnd = isWordCode(key.charCodeAt(key.length - 1));
  return node;
}

/** Every script variant of each alias as its own record, context strings in every script too (uses opencc). */
export function expandScripts(aliases: AliasRecord[]): AliasRecord[] {
  return aliases.flatMap((a) => {
    const context = a.context?.length ? [...new Set(a.context.flatMap(scriptVariants))] : null;
    return scriptVariants(a.text).map((text) => ({ entityId: a.entityId, text, context }));
  });
}

/** Adds one alias (its spacing variants) to a compiled matcher. */
export function addAlias(matcher: Matcher, a: AliasRecord): void {
  const context = a.context?.length ? [...new Set(a.context.flatMap((c) => aliasVariants(c)))] : null;
  const entry: TermEntry = { entityId: a.entityId, alias: a.text, context, caseRule: caseRuleOf(a.text) };
  for (const v of aliasVariants(a.text)) {
    if (v.length < 2) continue;
    const node = insert(matcher.root, v);
    const list = (node.entries ??= []);
    const same = list.find((e) => e.entityId === entry.entityId && e.caseRule === entry.caseRule);
    if (same && !same.context) continue;
    if (same && !entry.context) list.splice(list.indexOf(same), 1);
    list.push(entry);
    matcher.size++;
  }
}

/** Builds the trie from aliases and blockers (longer words that contain an alias but are not a mention, listed in each script). */
export function buildMatcher(aliases: AliasRecord[], blockers: string[] = []): Matcher {
  const matcher: Matcher = { root: { next: new Map() }, size: 0 };
  for (const a of aliases) addAlias(matcher, a);
  for (const b of blockers) for (const v of aliasVariants(b)) insert(matcher.root, v).blocker = true;
  return matcher;
}

function passesCase(entry: TermEntry, surface: string): boolean {
  const rule = entry.caseRule;
  if (!rule) return true;
  const letters = surface.replace(/[^\p{L}]/gu, '');
  if (!letters) return false;
  if (rule === 'acronym') return letters === letters.toUpperCase();
  if (rule === 'exact') return letters === entry.alias.replace(/[^\p{L}]/gu, '');
  const first = letters[0];
  const upper = first !== first.toLowerCase();
  return rule === 'upper' ? upper : !upper;
}

/**
 * Every alias occurrence in `text`, leftmost-longest, non-overlapping. Latin aliases need word
 * boundaries and the capitalisation of a name (trump the verb is not Trump; "UN" must be capitals);
 * a blocker word consumes its span without producing a hit.
 */
export function findHits(matcher: Matcher, text: string, pre?: FoldedText): Hit[] {
  const { folded, map } = pre ?? foldText(text);
  const hits: Hit[] = [];
  const n = folded.length;
  let i = 0;
  while (i < n) {
    const c0 = folded.charCodeAt(i);
    if (isWordCode(c0) && i > 0 && isWordCode(folded.charCodeAt(i - 1))) {
      i++;
      continue;
    }
    let node: Node | undefined = matcher.root;
    let best: { end: number; node: Node; entries: TermEntry[] } | null = null;
    for (let j = i; j < n; j++) {
      node = node.next.get(folded.charCodeAt(j));
      if (!node) break;
      if (!node.entries && !node.blocker) continue;
      if (node.latinEnd && j + 1 < n && isWordCode(folded.charCodeAt(j + 1))) continue;
      if (node.blocker) {
        best = { end: j + 1, node, entries: [] };
        continue;
      }
      const all = node.entries!;
      let entries = all;
      if (all.some((e) => e.caseRule)) {
        const surface = text.slice(map[i], map[j] + 1);
        entries = all.filter((e) => passesCase(e, surface));
      }
      if (entries.length) best = { end: j + 1, node, entries };
    }
    if (best) {
      if (best.entries.length) {
        const start = map[i];
        const end = map[best.end - 1] + 1;
        hits.push({ entries: best.entries, start, end, surface: text.slice(start, end) });
      }
      i = best.end;
    } else i++;
  }
  return hits;
}
