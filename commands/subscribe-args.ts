/**
 * Reads the words of `/subscribe [HH:MM] [topic or person] [tz:Area/City]` in any order,
 * whether they arrive as one text line (Telegram, terminal) or as separate slash-command options
 * (Discord). Bad input comes back as a SubscribeArgsError with the text for the user in both languages.
 */
import type { Localized } from '../src/core/contract/types.ts';
import { parseClockTime, formatClockTime, canonicalTimeZone } from '../src/core/digest/due-times.ts';

/** A user mistake in /subscribe's arguments; the command turns it into a usage reply. */
export class SubscribeArgsError extends Error {
  constructor(
    readonly code: string,
    readonly text: Localized,
  ) {
    super(text.en);
    this.name = 'SubscribeArgsError';
  }
}

export interface SubscribeArgs {
  time: string | null;
  topic: string | null;
  tz: string | null;
  /** The word `thread` (討論串): open a discussion thread on each digest, where the platform can. */
  thread: boolean;
}

const TZ_PREFIX = /^(?:tz|timezone|時區)[:：=](.*)$/i;
const CLOCK = /^\d{1,2}[:：]\d{2}$/;
const LOOKS_LIKE_TIME = /^\d{1,2}[:：.]\d{1,2}$|^\d{1,2}(?:am|pm)?$/i;

/** Parses the options; throws SubscribeArgsError naming the bad time or zone. */
export function parseSubscribeArgs(args: Record<string, string | number | undefined>): SubscribeArgs {
  const words = [args.time, args.topic].filter((v) => v !== undefined && v !== '').flatMap((v) => String(v).trim().split(/\s+/));
  let time: string | null = null;
  let tz: string | null = null;
  let thread = false;
  const topicWords: string[] = [];
  const explicitTz = args.tz !== undefined && String(args.tz).trim() !== '' ? String(args.tz).trim() : null;
  if (explicitTz) tz = readZone(explicitTz.replace(TZ_PREFIX, '$1'));
  for (const w of words) {
    if (/^(?:thread|討論串)$/i.test(w)) {
      thread = true;
      continue;
    }
    const zone = TZ_PREFIX.exec(w);
    if (zone) {
      tz = readZone(zone[1]);
      continue;
    }
    // A clock time (7:30, 07:30) anywhere; a bare number (8, 8am) only before the topic, where no topic starts.
    if (time === null && (CLOCK.test(w) || (topicWords.length === 0 && LOOKS_LIKE_TIME.test(w)))) {
      const t = parseClockTime(w.replace(/[：.]/, ':'));
      if (!t) {
        throw new SubscribeArgsError('bad-time', {
          en: `'${w}' is not a time of day: use HH:MM between 00:00 and 23:59, e.g. /subscribe 07:30`,
          'zh-TW': `「${w}」不是有效的時間：請用 00:00 到 23:59 的 HH:MM，例如 /subscribe 07:30`,
        });
      }
      time = formatClockTime(t);
      continue;
    }
    topicWords.push(w);
  }
  const topic = topicWords.join(' ').trim();
  if (topic.length > 100) {
    throw new SubscribeArgsError('bad-topic', { en: 'That topic is too long (at most 100 characters).', 'zh-TW': '主題太長了（最多 100 個字元）。' });
  }
  return { time, topic: topic || null, tz, thread };
}

function readZone(text: string): string {
  const tz = canonicalTimeZone(text.trim());
  if (!tz) {
    throw new SubscribeArgsError('bad-tz', {
      en: `'${text}' is not a time zone I know: use an IANA name like tz:Europe/Berlin or tz:Asia/Taipei`,
      'zh-TW': `不認得時區「${text}」：請用 IANA 名稱，例如 tz:Asia/Taipei 或 tz:Europe/Berlin`,
    });
  }
  return tz;
}
