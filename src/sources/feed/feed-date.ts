/**
 * Feed dates as they really are: RFC 822 with long or localised month names and the odd zone
 * names (ET, PT, MET, MEST, Etc/GMT) feedparser knows, W3C/ISO 8601, SQL-style and asctime.
 * Anything else is null: a made-up date is worse than none (`1:2:3:4 GMT`, year 10000).
 */
import { DateTime } from 'luxon';

/**
 * Month names (full and abbreviated) in the languages feeds are commonly written in, mapped to
 * the month number. English abbreviations are the RFC 822 ones; the rest come from the CLDR
 * month names of pt, es, fr, de, it and nl, without accents (matching is done on folded text).
 */
const MONTH_WORDS: Record<string, number> = {};
const LISTS: string[][] = [
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ['janeiro', 'fevereiro', 'marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'],
  ['januar', 'februar', 'marz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
];
for (const list of LISTS) list.forEach((w, i) => (MONTH_WORDS[w] = i + 1));
// Abbreviations: the first three letters of each name, plus the common irregular ones.
for (const list of LISTS) list.forEach((w, i) => (MONTH_WORDS[w.slice(0, 3)] ??= i + 1));
Object.assign(MONTH_WORDS, { sept: 9, set: 9, dez: 12, dic: 12, ene: 1, fev: 2, mrt: 3, okt: 10, mei: 5, avr: 4, juil: 7, janv: 1, fevr: 2, sep: 9 });

/** Zone names RFC 822 parsers meet in feeds, in hours from UTC (feedparser's table plus CET/EET families). */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0,
  adt: -3, ast: -4, at: -4, edt: -4, est: -5, et: -5, cdt: -5, cst: -6, ct: -6, mdt: -6, mst: -7, mt: -7, pdt: -7, pst: -8, pt: -8,
  akst: -9, akdt: -8, hst: -10,
  met: 1, mest: 2, cet: 1, cest: 2, eet: 2, eest: 3, west: 1, bst: 1, msk: 3, jst: 9, kst: 9, hkt: 8, sgt: 8, aest: 10, aedt: 11,
};

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function offsetOf(zone: string | undefined): string | null {
  if (!zone) return '+00:00'; // RFC 822 without a zone: read as UTC, as feedparser does
  const z = zone.replace(/^\(|\)$/g, '');
  const num = z.match(/^(?:gmt|utc|ut)?([+-])(\d{1,2}):?(\d{2})?$/i);
  if (num) {
    const h = Number(num[2]);
    const m = Number(num[3] ?? 0);
    if (h > 14 || m > 59) return null;
    return `${num[1]}${pad(h)}:${pad(m)}`;
  }
  const etc = z.match(/^etc\/(gmt|utc|ut)$/i);
  if (etc) return '+00:00';
  const hours = ZONES[z.toLowerCase()];
  if (hours === undefined) return null;
  return `${hours < 0 ? '-' : '+'}${pad(Math.abs(hours))}:00`;
}

function monthOf(word: string): number | null {
  const w = fold(word).replace(/\.$/, '');
  return MONTH_WORDS[w] ?? MONTH_WORDS[w.slice(0, 3)] ?? null;
}

function yearOf(y: string): number {
  const n = Number(y);
  if (y.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  if (y.length === 3) return 1900 + n;
  return n;
}

function build(year: number, month: number, day: number, time: string | undefined, zone: string | undefined): DateTime | null {
  let h = 0;
  let mi = 0;
  let s = 0;
  if (time) {
    const t = time.match(/^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/);
    if (!t) return null;
    [h, mi, s] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  }
  const off = offsetOf(zone);
  if (off == null) return null;
  const d = DateTime.fromISO(`${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(h)}:${pad(mi)}:${pad(s)}${off === '+00:00' ? 'Z' : off}`, { setZone: true });
  return d.isValid ? d : null;
}

/** "[Day,] 26 January 2004 [12:00[:00]] [zone]" and "January 26, 2004 …", any language listed above. */
function parseWordy(v: string): DateTime | null {
  const s = v.replace(/^[^\d,]{2,12},\s*/, '').replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  const dmy = s.match(/^(\d{1,2})\.? (?:de )?([\p{L}.]{3,12}) (?:de )?(\d{2,4})(?: (?:at |um |a las |à )?(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(?: ([A-Za-z/]{1,7}|[+-]\d{2}:?\d{2}|(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?))?$/u);
  if (dmy) {
    const m = monthOf(dmy[2]);
    return m ? build(yearOf(dmy[3]), m, Number(dmy[1]), dmy[4], dmy[5]) : null;
  }
  const mdy = s.match(/^([\p{L}.]{3,12}) (\d{1,2})(?:st|nd|rd|th)? (\d{4})(?: (\d{1,2}:\d{2}(?::\d{2})?))?(?: ([A-Za-z/]{1,7}|[+-]\d{2}:?\d{2}))?$/u);
  if (mdy) {
    const m = monthOf(mdy[1]);
    return m ? build(Number(mdy[3]), m, Number(mdy[2]), mdy[4], mdy[5]) : null;
  }
  // asctime: "Sun Jan  4 16:29:06 PST 2004" or "… 2004"
  const asc = s.match(/^(?:\p{L}{2,12} )?(\p{L}{3,12}) (\d{1,2}) (\d{1,2}:\d{2}:\d{2}) (?:([A-Za-z]{1,5}) )?(\d{4})$/u);
  if (asc) {
    const m = monthOf(asc[1]);
    return m ? build(Number(asc[5]), m, Number(asc[2]), asc[3], asc[4]) : null;
  }
  return null;
}

/** RFC 822 (RSS), ISO 8601 (Atom, dc:date) and the common variants, to ISO with the stated offset; null when unreadable. */
export function parseFeedDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const v = s.trim().replace(/\s+/g, ' ');
  if (v === '' || v.length > 80) return null;
  let d: DateTime | null = null;
  if (/^\d{4}-\d{2}/.test(v)) {
    const iso = DateTime.fromISO(v, { setZone: true });
    d = iso.isValid ? iso : null;
    if (!d) {
      // "2004-01-26 12:00:00 [+0100|GMT]": SQL-style, a space for the T.
      const sql = v.match(/^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?) ?([A-Za-z/]{1,7}|[+-]\d{2}:?\d{2})?$/);
      if (sql) d = build(Number(sql[1]), Number(sql[2]), Number(sql[3]), sql[4], sql[5]);
    }
  } else {
    const rfc = DateTime.fromRFC2822(v, { setZone: true });
    d = rfc.isValid ? rfc : parseWordy(v);
  }
  if (!d) return null;
  if (d.year < 1000 || d.year > 9999) return null;
  return d.toISO({ suppressMilliseconds: true });
}
