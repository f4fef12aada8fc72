/**
 * `newsbot ask "<command line>" [--db FILE|URL] [--lang zh-TW|zh-CN|en] [--json] [--pictures DIR]`: runs any chat command
 * against the database and prints the reply, as plain text or as JSON
 * ({text, articles, events?, image?, kind}). A reply's picture is saved as a PNG file (under --pictures
 * DIR, else the system temp folder) and its path printed. The adapter for tests, scripts and users without bot tokens.
 */
import { existsSync } from 'node:fs';
import { parseArgs, dbPath } from './args.ts';
import { loadConfig } from '../config.ts';
import { isPostgresUrl, openStores, redactDbUrl } from '../core/store/open-stores.ts';
import { createLogger } from '../core/logger.ts';
import { answerLine } from '../adapters/terminal/run-line.ts';
import { renderPlain } from '../adapters/terminal/render-plain.ts';
import { pictureLine, saveReplyImage } from '../adapters/terminal/save-image.ts';
import type { ReplyLang } from '../core/contract/types.ts';
import type { Stores } from '../core/store/stores.ts';

const USAGE = 'usage: newsbot ask "<command line>" [--db FILE|URL] [--lang zh-TW|zh-CN|en] [--json] [--pictures DIR]';

/** Runs `newsbot ask`; exit status 0 for an answer, 2 for a usage problem, 1 for an error. */
export async function run(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, ['json']);
  const line = positional.join(' ').trim();
  if (!line) {
    process.stderr.write(`newsbot ask: missing command line, e.g. "/latest 5"\n${USAGE}\n`);
    return 2;
  }
  const lang = flags.lang === undefined ? 'zh-TW' : flags.lang;
  if (lang !== 'zh-TW' && lang !== 'zh-CN' && lang !== 'en') {
    process.stderr.write(`newsbot ask: --lang must be zh-TW, zh-CN or en, got '${String(lang)}'\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const file = dbPath(flags, config);
  if (!isPostgresUrl(file) && !existsSync(file)) {
    process.stderr.write(`newsbot ask: no database at ${file} (run \`newsbot ingest <folder> --db ${file}\` first)\n`);
    return 1;
  }
  let stores: Stores;
  try {
    stores = await openStores(file);
  } catch (err) {
    process.stderr.write(`newsbot ask: cannot open database ${redactDbUrl(file)}: ${redactDbUrl(err instanceof Error ? err.message : String(err))}\n`);
    return 1;
  }
  try {
    const log = createLogger(config.LOG_LEVEL);
    const reply = await answerLine(line, lang as ReplyLang, { stores, now: () => new Date() }, log);
    const picture = saveReplyImage(reply, typeof flags.pictures === 'string' ? flags.pictures : undefined);
    const text = renderPlain(reply) + (picture ? '\n' + pictureLine(picture, lang as ReplyLang) : '');
    if (flags.json) {
      const out: Record<string, unknown> = { kind: reply.kind, text, articles: reply.articles };
      if (reply.events) out.events = reply.events;
      if (picture) out.image = { path: picture, width: reply.image!.width, height: reply.image!.height };
      if (reply.data) Object.assign(out, reply.data);
      process.stdout.write(JSON.stringify(out) + '\n');
    } else process.stdout.write(text + '\n');
    return reply.kind === 'ok' ? 0 : reply.kind === 'usage' ? 2 : 1;
  } finally {
    await stores.close();
  }
}
