/**
 * Which entities an article mentions: alias hits in the title and the body paragraphs (never the
 * related-news links), ambiguous or common aliases settled by the rest of the article
 * (柯比 is Elbridge Colby next to 國防部政策次長 or "Elbridge Colby", John Kirby next to 國安會),
 * and the role each person is given. Pure apart from the compiled index it reads.
 */
import { foldText } from './fold.ts';
import { findHits, type Hit, type Matcher } from './matcher.ts';
import { extractRole, type FindAnchors } from './roles.ts';

/** One entity's mentions in one article. */
export interface ArticleMention {
  entityId: string;
  count: number;
  /** Offset of the first body mention in the paragraphs joined by blank lines; -1 when only in the title. */
  firstPos: number;
  inTitle: boolean;
  /** Distinct spellings in order of first appearance. */
  surfaces: string[];
  /** The most frequent spelling. */
  surface: string;
  role: string | null;
}

interface Located extends Hit {
  section: 'title' | 'body';
  index: number;
  /** Offset in the joined body, or -1 for the title. */
  pos: number;
  paragraph: string;
}

/** Picks the entity a hit stands for, or null when the article does not settle an ambiguous alias. */
function chooseEntity(hit: Hit, sure: Set<string>, contextText: () => string): string | null {
  let best: string | null = null;
  let bestScore = 0;
  let tie = false;
  const scores = new Map<string, number>();
  for (const e of hit.entries) {
    let score: number;
    if (!e.context) score = 100;
    else {
      score = sure.has(e.entityId) ? 10 : 0;
      const text = contextText();
      for (const c of e.context) if (text.includes(c)) score++;
    }
    scores.set(e.entityId, Math.max(score, scores.get(e.entityId) ?? 0));
  }
  for (const [id, score] of scores) {
    if (score > bestScore) {
      best = id;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && score > 0) tie = true;
  }
  return tie ? null : best;
}

/** Finds the entities mentioned in `title` and `paragraphs` with counts, positions, spellings and roles. */
export function findArticleMentions(
  matcher: Matcher,
  title: string,
  paragraphs: string[],
  opts: {
    anchors?: FindAnchors;
    hasRole?: (entityId: string) => boolean;
    /** Called with every counted hit: paragraph index (-1 for the title) and offsets in that text. */
    onHit?: (entityId: string, paragraph: number, start: number, end: number, surface: string) => void;
  } = {},
): ArticleMention[] {
  const located: Located[] = [];
  const foldedParts: string[] = [];
  const scan = (text: string, section: 'title' | 'body', offset: number, index: number) => {
    const f = foldText(text);
    foldedParts.push(f.folded);
    for (const h of findHits(matcher, text, f)) {
      // 北京时间, 东京時間: a clock, not the place (news gives match times in it).
      if (text.startsWith('时间', h.end) || text.startsWith('時間', h.end)) continue;
      const l = h as Located;
      l.section = section;
      l.index = index;
      l.pos = section === 'title' ? -1 : offset + h.start;
      l.paragraph = text;
      located.push(l);
    }
  };
  scan(title, 'title', 0, -1);
  let offset = 0;
  for (const [i, p] of paragraphs.entries()) {
    scan(p, 'body', offset, i);
    offset += p.length + 2;
  }
  const sure = new Set<string>();
  for (const h of located) {
    const plain = h.entries.filter((e) => !e.context);
    if (plain.length && plain.every((e) => e.entityId === plain[0].entityId)) sure.add(plain[0].entityId);
  }
  let folded: string | null = null;
  const contextText = () => (folded ??= foldedParts.join('\n'));

  const byEntity = new Map<string, { hits: Located[]; surfaces: Map<string, number>; roles: Map<string, number> }>();
  for (const h of located) {
    const id = chooseEntity(h, sure, contextText);
    if (!id) continue;
    let m = byEntity.get(id);
    if (!m) byEntity.set(id, (m = { hits: [], surfaces: new Map(), roles: new Map() }));
    m.hits.push(h);
    opts.onHit?.(id, h.index, h.start, h.end, h.surface);
    m.surfaces.set(h.surface, (m.surfaces.get(h.surface) ?? 0) + 1);
    if (h.section === 'body' && m.roles.size < 3 && (opts.hasRole?.(id) ?? true)) {
      const role = extractRole(h.paragraph.slice(Math.max(0, h.start - 60), h.start), opts.anchors);
      if (role) m.roles.set(role, (m.roles.get(role) ?? 0) + 1);
    }
  }
  const out: ArticleMention[] = [];
  for (const [entityId, m] of byEntity) {
    const body = m.hits.filter((h) => h.section === 'body');
    out.push({
      entityId,
      count: m.hits.length,
      firstPos: body.length ? body[0].pos : -1,
      inTitle: m.hits.some((h) => h.section === 'title'),
      surfaces: [...m.surfaces.keys()],
      surface: mostFrequent(m.surfaces)!,
      role: mostFrequent(m.roles),
    });
  }
  return out;
}

function mostFrequent(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [k, v] of counts) if (v > n || (v === n && best !== null && k.length > best.length)) [best, n] = [k, v];
  return best;
}
