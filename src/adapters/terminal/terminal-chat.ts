/**
 * A chat in the terminal (readline): every line is a command line answered as a chat platform
 * would answer it, rendered as plain text. `newsbot start` uses it when no bot token is set.
 * Ends on /quit, /exit or end of input.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Db } from '../../core/store/db.ts';
import type { ReplyLang } from '../../../commands/types.ts';
import type { Logger } from '../../core/logger.ts';
import { answerLine } from './run-line.ts';
import { renderPlain } from './render-plain.ts';

export interface TerminalChatOptions {
  db: Db;
  input: Readable;
  output: Writable;
  lang: ReplyLang;
  now?: () => Date;
  log?: Logger;
  /** Prompt shown before each line; '' for none (piped input). */
  prompt?: string;
}

export interface TerminalChat {
  /** Resolves when the user quits or the input ends. */
  done: Promise<void>;
  /** Stops reading (as if the input ended). */
  stop(): void;
}

/** Starts answering lines from `input` on `output`. */
export function createTerminalChat(opts: TerminalChatOptions): TerminalChat {
  const rl = createInterface({ input: opts.input, output: opts.output, terminal: false });
  const prompt = opts.prompt ?? '> ';
  const write = (s: string) => opts.output.write(s);
  const deps = { db: opts.db, now: opts.now ?? (() => new Date()) };
  const greeting = opts.lang === 'en' ? 'newsbot terminal chat: type /help for commands, /quit to leave.' : 'newsbot 終端機聊天：輸入 /help 查看指令，/quit 離開。';
  write(greeting + '\n' + prompt);
  let queue = Promise.resolve();
  let quitting = false;
  const done = new Promise<void>((resolve) => {
    rl.on('line', (raw) => {
      const line = raw.trim();
      if (quitting) return;
      if (/^\/(quit|exit)\b/i.test(line)) {
        quitting = true;
        queue = queue.then(() => rl.close());
        return;
      }
      queue = queue.then(async () => {
        if (!line) return void write(prompt);
        const reply = await answerLine(line, opts.lang, deps, opts.log);
        write(renderPlain(reply) + '\n' + prompt);
      });
    });
    rl.on('close', () => void queue.then(() => resolve()));
  });
  return { done, stop: () => rl.close() };
}
