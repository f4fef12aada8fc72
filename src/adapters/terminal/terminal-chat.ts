/**
 * A chat in the terminal (readline): every line is a command line answered as a chat platform
 * would answer it, rendered as plain text; a picture is drawn after the text is printed, saved to a
 * file and its path printed under it (a failed picture is logged, the text stays).
 * `newsbot start` uses it when no bot token is set.
 * Ends on /quit, /exit or end of input.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Stores } from '../../core/store/stores.ts';
import type { ReplyLang } from '../../core/contract/types.ts';
import type { Logger } from '../../core/logger.ts';
import { answerLine } from './run-line.ts';
import { renderPlain } from './render-plain.ts';
import { pictureLine, saveReplyPicture } from './save-image.ts';

export interface TerminalChatOptions {
  stores: Stores;
  input: Readable;
  output: Writable;
  lang: ReplyLang;
  now?: () => Date;
  log?: Logger;
  /** Where reply pictures are saved (default: the system temp folder). */
  pictureDir?: string;
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
  const deps = { stores: opts.stores, now: opts.now ?? (() => new Date()) };
  const greeting = { en: "newsbot terminal chat: type /help for commands, /quit to leave.", "zh-TW": "newsbot 終端機聊天：輸入 /help 查看指令，/quit 離開。", "zh-CN": "newsbot 终端机聊天：输入 /help 查看指令，/quit 离开。" }[opts.lang];
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
        write(renderPlain(reply) + '\n');
        const picture = await saveReplyPicture(reply, opts.pictureDir).catch((err: unknown) => {
          opts.log?.warn(`terminal: the picture ${reply.picture?.name} was not saved`, err);
          return null;
        });
        write((picture ? pictureLine(picture.path, opts.lang) + '\n' : '') + prompt);
      });
    });
    rl.on('close', () => void queue.then(() => resolve()));
  });
  return { done, stop: () => rl.close() };
}
