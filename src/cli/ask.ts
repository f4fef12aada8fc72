/**
 * `newsbot ask "<command line>" [--db FILE|URL] [--lang zh-TW|zh-CN|en] [--json] [--pictures DIR]`: runs any chat command
 * against the database and prints the reply, as plain text or as JSON
 * ({text, articles, events?, image?, kind}). A reply's picture is drawn after its text is printed, saved as
 * a PNG file (under --pictures DIR, else the system temp folder) and its path printed. The adapter for tests, scripts and users without bot tokens.
 */
import { existsSync } from 'node:fs';
import { parseArgs, dbPath } from './args.ts';
import { loadConfig } from '../config.ts';
import { isPostgresUrl, openStores, redactDbUrl } from '../core/store/open-stores.ts';
import { createLogger } from '../core/logger.ts';
import { answerLine } from '../adapters/terminal/run-line.ts';
import { renderPlain } from '../adapters/terminal/render-plain.ts';
import { pictureLine, saveReplyPicture, type SavedPicture } from '../adapters/terminal/save-image.ts';
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
    const dir = typeof flags.pictures === 'string' ? flags.pictures : undefined;
    const savePicture = () =>
      saveReplyPicture(reply, dir).catch((err: unknown): SavedPicture | null => {
        log.error(`newsbot ask: the picture was not saved`, err);
        return null;
      });
    if (flags.json) {
      // One JSON object: it waits for the picture, whose path and size it carries.
      const picture = await savePicture();
      const text = renderPlain(reply) + (picture ? '\n' + pictureLine(picture.path, lang as ReplyLang) : '');
      const out: Record<string, unknown> = { kind: reply.kind, text, articles: reply.articles };
      if (reply.events) out.events = reply.events;
      if (picture) out.image = picture;
      if (reply.data) Object.assign(out, reply.data);
      process.stdout.write(JSON.stringify(out) + '\n');
    } else {
      // The text at once; the picture line when it is drawn.
      process.stdout.write(renderPlain(reply) + '\n');
      const picture = await savePicture();
      if (picture) process.stdout.write(pictureLine(picture.path, lang as ReplyLang) + '\n');
    }
    return reply.kind === 'ok' ? 0 : reply.kind === 'usage' ? 2 : 1;
  } finally {
    await stores.close();
  }
}
