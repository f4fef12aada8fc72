/**
 * `newsbot entities [TEXT] [--jsonl] [--db FILE]`: the people, organisations and places found in
 * TEXT (or stdin), with the code ingest uses. With --jsonl, reads lines {"id","text"} on stdin and
 * writes {"id","entities":[{start,end,text,type,entity_id,name}]} (offsets in code points, end
 * exclusive). Without a database file, only the curated aliases and the recogniser are used.
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { openStores } from '../core/store/open-stores.ts';
import type { Stores } from '../core/store/stores.ts';
import { findTextEntities } from '../core/entities/text-entities.ts';
import { oneLine } from '../core/loader/rejects.ts';
import { isPostgresUrl, redactDbUrl } from '../core/store/db-url.ts';
import { dbPath, loadCliConfig, parseArgs } from './args.ts';

const USAGE = 'usage: newsbot entities [TEXT] [--jsonl] [--db FILE]';

async function readAll(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

/** Runs the subcommand; returns the exit status (2 for usage, 1 when a line could not be read). */
export async function run(args: string[]): Promise<number> {
  const { positional, flags } = parseArgs(args, ['jsonl', 'help']);
  if (flags.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (flags.jsonl && positional.length) {
    process.stderr.write(`newsbot entities: give TEXT or --jsonl on stdin, not both\n${USAGE}\n`);
    return 2;
  }
  const config = loadCliConfig('entities');
  if (!config) return 2;
  const file = dbPath(flags, config);
  const postgres = isPostgresUrl(file);
  if (typeof flags.db === 'string' && !postgres && !existsSync(file)) {
    process.stderr.write(`newsbot entities: no database at ${redactDbUrl(file)}\n`);
    return 1;
  }
  let stores: Stores;
  try {
    stores = await openStores(postgres || existsSync(file) ? file : ':memory:');
  } catch (err) {
    process.stderr.write(`newsbot entities: cannot open database ${redactDbUrl(file)}: ${redactDbUrl(oneLine(String((err as Error)?.message ?? err)))}\n`);
    return 1;
  }
  try {
    if (!flags.jsonl) {
      const text = positional.length ? positional.join(' ') : await readAll();
      for (const e of await findTextEntities(stores, text)) process.stdout.write(`${e.start}-${e.end}\t${e.type}\t${e.text}\t${e.entity_id ?? '-'}\t${e.name}\n`);
      return 0;
    }
    let status = 0;
    let n = 0;
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      n++;
      if (!line.trim()) continue;
      let rec: { id?: unknown; text?: unknown };
      try {
        rec = JSON.parse(line);
      } catch {
        process.stderr.write(`newsbot entities: stdin line ${n}: not JSON\n`);
        status = 1;
        continue;
      }
      if (typeof rec.text !== 'string') {
        process.stderr.write(`newsbot entities: stdin line ${n}: "text" must be a string\n`);
        status = 1;
        continue;
      }
      process.stdout.write(JSON.stringify({ id: rec.id ?? null, entities: await findTextEntities(stores, rec.text) }) + '\n');
    }
    return status;
  } finally {
    await stores.close();
  }
}
