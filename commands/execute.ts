/** Runs a command with its input and turns failures into replies, so adapters never see a stack trace. */
import type { CommandDef, CommandDeps, CommandInput, Reply, ReplyLang } from '../src/core/contract/types.ts';
import { UserError, usageReply } from '../src/core/contract/errors.ts';
import type { ParseResult } from './parse.ts';
import type { Logger } from '../src/core/logger.ts';
import { localizeReply, textLangOf } from '../src/core/text/reply-script.ts';
import { metrics } from '../src/ops/metrics.ts';

/** What an adapter hands in: the chat's reply language (zh-CN included) instead of the text language. */
export type ExecuteInput = Omit<CommandInput, 'lang' | 'replyLang'> & { lang: ReplyLang };

/**
 * Runs `command`; a UserError becomes a usage reply, anything else is logged and answered with an
 * apology. A zh-CN chat's reply is written in zh-TW and converted here, once, keeping what the user typed.
 */
export async function executeCommand(command: CommandDef, input: ExecuteInput, deps: CommandDeps, log?: Logger): Promise<Reply> {
  const lang = textLangOf(input.lang);
  const typed = Object.values(input.args).filter((v): v is string => typeof v === 'string');
  const started = process.hrtime.bigint();
  const reply = await run(command, { ...input, lang, replyLang: input.lang }, deps, log);
  const out = localizeReply(reply, reply.lang ?? input.lang, typed);
  metrics.commandSeconds.observe({ command: command.name, platform: input.chat.platform }, Number(process.hrtime.bigint() - started) / 1e9);
  return out;
}

async function run(command: CommandDef, input: CommandInput, deps: CommandDeps, log?: Logger): Promise<Reply> {
  try {
    return await command.run(input, deps);
  } catch (err) {
    if (err instanceof UserError) return usageReply(err.text[input.lang]);
    log?.error(`command /${command.name} failed (platform ${input.chat.platform}, chat ${input.chat.chatId})`, err);
    return {
      kind: 'error',
      intro: input.lang === 'en' ? 'Sorry, something went wrong answering that. Please try again later.' : '抱歉，處理這個指令時出了問題，請稍後再試。',
      items: [],
      articles: [],
      private: true,
    };
  }
}

/** The reply for a command line that did not parse (unknown command, bad arguments). */
export function parseFailureReply(res: Extract<ParseResult, { ok: false }>, lang: ReplyLang): Reply | null {
  if (res.reason === 'not-a-command' || res.reason === 'addressed-elsewhere') return null;
  if (res.reason === 'unknown-command') {
    return localizeReply(usageReply(lang === 'en' ? `Unknown command /${res.message}. Type /help for the list.` : `沒有 /${res.message} 這個指令，輸入 /help 查看指令列表。`), lang);
  }
  const example = res.command?.examples[0];
  return localizeReply(
    usageReply(lang === 'en' ? `${res.message ?? 'bad arguments'}. Usage: ${example}` : `${res.messageZh ?? res.message ?? '參數有誤'}。用法：${example}`),
    lang,
  );
}
