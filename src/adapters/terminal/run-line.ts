/**
 * Answers one typed command line from the terminal: parse, execute, reply. Shared by
 * `newsbot ask` and the terminal chat, so both behave exactly like a chat platform would.
 */
import type { ChatContext, CommandDeps, Reply, ReplyLang } from '../../core/contract/types.ts';
import { parseCommandLine } from '../../../commands/parse.ts';
import { executeCommand, parseFailureReply } from '../../../commands/execute.ts';
import { usageReply } from '../../core/contract/errors.ts';
import type { Logger } from '../../core/logger.ts';

/** The chat context of the local terminal: a private chat whose user is its administrator. */
export const TERMINAL_CHAT: ChatContext = {
  platform: 'terminal',
  chatId: 'terminal',
  userId: 'local',
  isGroup: false,
  isAdmin: async () => true,
  canPost: async () => true,
};

/** The reply to `line`; a line that is not a command gets a hint instead of silence. */
export async function answerLine(line: string, lang: ReplyLang, deps: CommandDeps, log?: Logger): Promise<Reply> {
  const parsed = parseCommandLine(line);
  if (!parsed.ok) {
    return (
      parseFailureReply(parsed, lang) ??
      usageReply(lang === 'en' ? 'Type a command starting with /, e.g. /latest or /help.' : '請輸入以 / 開頭的指令，例如 /latest 或 /help。')
    );
  }
  return executeCommand(parsed.command, { args: parsed.args, lang, chat: TERMINAL_CHAT }, deps, log);
}
