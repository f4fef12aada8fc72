/**
 * Turns an article's body into dated events: one per dated sentence, shown as its whole clauses
 * (never a clipped fragment), the date resolved from the text (see resolve-dates.ts). Selective on purpose: the dateline itself,
 * "今天…表示" (the report speaking, not an event), years alone, amounts and vague references
 * produce nothing, and an article gives at most one event per date.
 */
import type { NormalizedArticle } from '../article.ts';
import { buildDateContext, findDateReferences, FUTURE, type DateRef, type ResolveState } from './resolve-dates.ts';
import { splitSentences } from './sentences.ts';
import { blankCitations, isCaptionOrReference, isReferenceHeading } from './captions.ts';

export { isCaptionOrReference } from './captions.ts';
import { addDays, formatDate, isValidDate, publicationDate, toDayNumber, type LocalDate } from './calendar.ts';

export interface ExtractedEvent {
  /** YYYY-MM-DD, or null when only the day of month is known. */
  date: string | null;
  day: number | null;
  /** The text shown in /timeline: the dated sentence's clauses (original script, date words removed). */
  text: string;
  /** Index of the paragraph it came from. */
  paragraph: number;
}

export const MAX_EVENTS_PER_ARTICLE = 12;
/** A sentence up to this many characters is shown whole; a longer one, by whole clauses around its date. */
const MAX_PHRASE = 80;
/** A single clause longer than this is cut (rare: a run-on clause without commas). */
const MAX_CLAUSE = 120;
const MAX_ENGLISH = 200;

// （中央社華盛頓10日綜合外電報導） / （中央社記者xx台北15日電） at the start of a paragraph.
const DATELINE = /^\s*[（(][^）)]{0,40}?\d{1,2}日[^）)]{0,30}[）)]/;
export const SPEECH_END = /(表示|說|说|指出|強調|强调|透露|證實|证实|稱|称|顯示|显示|說明|说明|坦言|直言|認為|认为|宣布|提到|回應|回应|發文|发文)$/;
const TIME_OF_DAY = /^(?:當地時間|当地时间)?\s*(?:晚間|晚间|晚上|上午|下午|早上|早間|中午|凌晨|傍晚|深夜|稍早|稍晚|夜間|夜间|午間|午后|午後|[晚早夜](?=[，,\s]))?/;
const LEAD_WORDS = /^(?:但|而|並|并|且|則|则|也|更|又|就|還|还|已|並且|同時|同时|據悉|据悉)+/;
const HAN = /[\u3400-\u9fff]/g;
// A paragraph that is only a date (and maybe its weekday): 1月19日，星期四 / 2020年1月19日（週日）.
const HEADING = /^(?:(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*)?[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十廿卅]{1,3}\s*[日號号]\s*(?:[，,、\s]*[（(]?(?:星期|禮拜|礼拜|週|周)[一二三四五六日天][）)]?)?\s*[。.]?$/;

function isMostlyLatin(s: string): boolean {
  const han = s.match(HAN)?.length ?? 0;
  return han < s.length * 0.2;
}

function stripParentheticals(s: string): string {
  return s.replace(/[（(][^（）()]{0,60}[）)]/g, '');
}

function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max - 1).join('') + '…';
}

/** The Chinese phrase: the sentence holding the reference (whole clauses), without a leading attribution and, where the clause reads without them, the date words. */
function chinesePhrase(sentence: string, ref: DateRef): string {
  const raw = sentence.slice(0, ref.index);
  const date = sentence.slice(ref.index, ref.index + ref.length);
  const rest = sentence.slice(ref.index + ref.length);
  // 截至1月5日，… / 自3月起: without its date the clause is a clipped fragment (截至，…), so the date stays;
  // so too where the date is an object or a modifier (订了1月20日6时的机票, 美国时间2月3日, 17日的峰会).
  // Nor where the date is a noun (今年的春節, 預計春節前後, 21日起, 14、15日).
  const keep =
    /(?:截至|截止|直到|直至|自|從|从|到|至|[時时]間|[時时]间|订了|訂了|定於|定于|的|、|預計|预计|介於|介于)\s*$/.test(raw) ||
    /^\s*(?:的|、|\d{1,2}\s*[時时点點]|前|後|后|期間|期间|假期|連假|连假|起|止|為止|为止)/.test(rest);
  const before = keep ? raw : raw.replace(/[於于在經经自從从]\s*$/, '');
  const after = keep ? rest : rest.replace(TIME_OF_DAY, '');
  const clauses = (before + '\u0000' + (keep ? date : '') + after).split(/(?<=[，,：:])/);
  const at = clauses.findIndex((c) => c.includes('\u0000'));
  const len = (i: number, j: number) => [...stripParentheticals(clauses.slice(i, j + 1).join(''))].length;
  // 白宮發言人表示，拜登已邀請…: a leading attribution is the report speaking, not the event.
  let from = 0;
  for (let i = 0; i < at; i++) if (SPEECH_END.test(stripParentheticals(clauses[i]).replace(/[，,：:\s]+$/, ''))) from = i + 1;
  // The whole sentence when it fits; else whole clauses around the dated one, the following first.
  let to = clauses.length - 1;
  while (to > at && len(from, to) > MAX_PHRASE) to--;
  while (from < at && len(from, to) > MAX_PHRASE) from++;
  const phrase = stripParentheticals(clauses.slice(from, to + 1).join('').replace('\u0000', ''))
    // 之后，2月27日，中国… without its date: one comma, not two.
    .replace(/([，,])\s*[，,]/g, '$1')
    .replace(/[，,：:、。！？；\s]+$/u, '')
    .replace(/^(?:[，,：:、\s」』”）)]|[到至的]\s*[，,]?)+/, '')
    .replace(LEAD_WORDS, '');
  return truncate(phrase.trim(), MAX_CLAUSE);
}

/** The English phrase: the sentence without its date words, whole clauses up to a length. */
function englishPhrase(sentence: string, ref: DateRef): string {
  const raw = sentence.slice(0, ref.index);
  // "As of April 24, Taiwan…" / "Until May 3, …": without its date the clause is clipped, so it stays.
  const keep = /\b(?:as of|since|until|till|through|from|between)\s*$/i.test(raw);
  const before = keep ? raw + sentence.slice(ref.index, ref.index + ref.length).replace(/,$/, '') : raw.replace(/(?:\b(?:on|in|by)\s+)?(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?$/i, '');
  // "January 22-23, the WHO…": the rest of a day range is part of the date.
  const after = sentence.slice(ref.index + ref.length).replace(/^\s*[-–]\s*\d{1,2}\b/, '').replace(/^,?\s*/, keep ? ', ' : ' ');
  let s = stripParentheticals((before + after).replace(/\s+/g, ' ').trim()).replace(/[.!?]+$/, '');
  s = s.charAt(0).toUpperCase() + s.slice(1);
  if (s.length <= MAX_ENGLISH) return s;
  // Cut after a clause (", " "; " " — ") when one ends far enough in, else at a word.
  const cut = s.slice(0, MAX_ENGLISH);
  const clause = Math.max(cut.lastIndexOf(', '), cut.lastIndexOf('; '), cut.lastIndexOf(' — '));
  if (clause >= MAX_ENGLISH / 2) return cut.slice(0, clause) + '…';
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)) + '…';
}

function isStatement(sentence: string, ref: DateRef, latin: boolean): boolean {
  if (latin) return /\b(said|says|told|stated)\b/i.test(sentence);
  const rest = sentence.slice(ref.index + ref.length).split(/[，,：:。！？；]/)[0].trim();
  return rest.length <= 16 && SPEECH_END.test(rest);
}

function pickReference(refs: DateRef[]): DateRef {
  return refs.find((r) => r.kind === 'full' || r.kind === 'month-day' || r.kind === 'day') ?? refs[0];
}

/**
 * A reported event is not dated after its report unless the sentence says it is to come (將,
 * 預計, will): "On November 17, they repulsed…" in a November 10 article is last year's
 * November 17; 週日 in a Saturday report is the Sunday before. 明天 and 下週 say it themselves.
 */
function notAfterPublication(ref: DateRef, sentence: string, published: LocalDate | null): string | null {
  if (!ref.date || !published || ref.kind === 'relative' || ref.kind === 'chain' || FUTURE.test(sentence)) return ref.date;
  // 停課至2月7日 / 維持二級警戒到2月7日: the end of a period, which may be to come (截至 is "as of").
  if (/(?<![截])(?:到|至)\s*$/.test(sentence.slice(0, ref.index))) return ref.date;
  const [y, m, d] = ref.date.split('-').map(Number);
  if (toDayNumber({ y, m, d }) <= toDayNumber(published)) return ref.date;
  if (ref.kind === 'weekday') return /[下]/.test(sentence.slice(ref.index, ref.index + ref.length)) ? ref.date : formatDate(addDays({ y, m, d }, -7));
  if (ref.kind === 'month-day') return isValidDate(y - 1, m, d) ? `${y - 1}${ref.date.slice(4)}` : ref.date;
  if (ref.kind === 'day') {
    const back = m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 };
    return isValidDate(back.y, back.m, d) ? formatDate({ ...back, d }) : ref.date;
  }
  return ref.date;
}

/** Extracts the dated events of `article` in reading order, at most one per date. */
export function extractEvents(article: Pick<NormalizedArticle, 'paragraphs' | 'published_at' | 'dateline' | 'languages'>): ExtractedEvent[] {
  const chinese = article.languages.some((l) => l !== 'en');
  const published = publicationDate(article.published_at, chinese ? 480 : 0);
  const ctx = buildDateContext(published, article.dateline?.day ?? null);
  const state: ResolveState = { last: null };
  const seen = new Set<string>();
  const events: ExtractedEvent[] = [];
  let notes = false;
  article.paragraphs.forEach((para, pi) => {
    // A full date or stated year anchors the rest of its own paragraph only.
    state.anchor = null;
    state.year = null;
    if (notes) return;
    // Below a 參考資料 / References heading come sources, not events.
    if (isReferenceHeading(para.text)) {
      notes = true;
      return;
    }
    if (isCaptionOrReference(para.text)) return;
    const heading = HEADING.exec(para.text.trim());
    if (heading) {
      // 1月19日，星期四 / 2020年1月19日: a diary or section heading dates what follows it.
      const ref = findDateReferences(heading[0], ctx, { last: null })[0];
      if (ref?.date) {
        const [y, m, d] = ref.date.split('-').map(Number);
        state.heading = { y, m, d };
        state.last = { date: ref.date, day: ref.day };
      }
      return;
    }
    const text = blankCitations(para.text.replace(DATELINE, (m) => ' '.repeat(m.length)));
    for (const s of splitSentences(text)) {
      const refs = findDateReferences(s.text, ctx, state).filter((r) => r.kind !== 'slash');
      if (!refs.length || events.length >= MAX_EVENTS_PER_ARTICLE) continue;
      const ref = pickReference(refs);
      const latin = isMostlyLatin(s.text);
      if ((ref.kind === 'relative' || ref.kind === 'chain' || ref.kind === 'weekday') && isStatement(s.text, ref, latin)) continue;
      const phrase = latin ? englishPhrase(s.text, ref) : chinesePhrase(s.text, ref);
      const substance = (latin ? phrase.split(/\s+/).length >= 3 : (phrase.match(HAN)?.length ?? 0) >= 4) && !/<|https?:|www\./i.test(phrase);
      if (!substance) continue;
      const date = notAfterPublication(ref, s.text, published);
      const key = date ?? `day:${ref.day}`;
      if (seen.has(key)) continue;
      seen.add(key);
      events.push({ date, day: ref.day, text: phrase, paragraph: pi });
    }
  });
  return events;
}
