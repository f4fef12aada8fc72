/**
 * `newsbot dates [TEXT] --at <ISO instant with offset> [--prefer past|future] [--jsonl]`: the date
 * and time expressions in TEXT (or, with --jsonl, in each stdin line {"id","text","at"}), resolved
 * by the same code as ingest's timeline (src/core/timeline/time-spans.ts → resolve-dates.ts).
 */
import { createInterface } from 'node:readline';
import { findTimeSpans, parseReferenceTime, type ReferenceTime } from '../core/timeline/time-spans.ts';
import type { Prefer } from '../core/timeline/calendar.ts';
import { parseArgs } from './args.ts';

const USAGE = 'usage: newsbot dates [TEXT] --at <ISO instant with offset> [--prefer past|future] [--jsonl]';

/** Runs the subcommand; returns the exit status. */
export async function run(args: string[]): Promise<number> {
  const { positional, flags } = parseArgs(args, ['jsonl', 'help']);
  if (flags.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const prefer = flags.prefer === undefined ? 'news' : flags.prefer;
  if (prefer !== 'news' && prefer !== 'past' && prefer !== 'future') {
    process.stderr.write(`newsbot dates: --prefer must be past or future, not ${String(prefer)}\n`);
    return 2;
  }
  let at: ReferenceTime | null = null;
  if (flags.at !== undefined) {
    at = typeof flags.at === 'string' ? parseReferenceTime(flags.at) : null;
    if (!at) {
      process.stderr.write(`newsbot dates: --at must be an ISO instant with an offset (2013-02-12T04:30:00-02:00), not ${String(flags.at)}\n`);
      return 2;
    }
  }
  if (!flags.jsonl) {
    if (!positional.length || !at) {
      process.stderr.write(`newsbot dates: ${!at ? '--at is required' : 'TEXT is required'}\n${USAGE}\n`);
      return 2;
    }
    for (const s of findTimeSpans(positional.join(' '), at, prefer as Prefer)) {
      process.stdout.write(`${s.text}\t${s.start}\t${s.end}\t${s.grain}\n`);
    }
    return 0;
  }
  let line = 0;
  let bad = 0;
  for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    line++;
    if (!raw.trim()) continue;
    let rec: { id?: unknown; text?: unknown; at?: unknown };
    try {
      rec = JSON.parse(raw);
    } catch {
      process.stderr.write(`newsbot dates: stdin line ${line}: not JSON\n`);
      bad++;
      continue;
    }
    const lineAt = typeof rec.at === 'string' ? parseReferenceTime(rec.at) : at;
    if (typeof rec.text !== 'string' || !lineAt) {
      process.stderr.write(`newsbot dates: stdin line ${line}: needs a string "text" and an "at" with an offset (or --at)\n`);
      bad++;
      continue;
    }
    const spans = findTimeSpans(rec.text, lineAt, prefer as Prefer).map(({ text, start, end, grain }) => ({ text, start, end, grain }));
    process.stdout.write(JSON.stringify({ id: rec.id ?? null, spans }) + '\n');
  }
  return bad ? 1 : 0;
}
