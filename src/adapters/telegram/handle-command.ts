/**
 * The Telegram command path: a text message (or channel post) starting with `/` is parsed with
 * the shared parser (so `/latest@OtherBot` is ignored), run, rendered and answered in the same
 * chat and forum topic; long lists get a paging keyboard.
 */
import type { Api, Context } from 'grammy';
import type { Message } from 'grammy/types';
import type { Database } from 'better-sqlite3';
import type { Reply, ReplyLang } from '../../../commands/types.ts';
import { parseCommandLine } from '../../../commands/parse.ts';
import { executeCommand, parseFailureReply } from '../../../commands/execute.ts';
import type { Logger } from '../../core/logger.ts';
import type { ChatSettingsStore } from '../../core/chat-settings/chat-settings-store.ts';
import { resolveLang } from '../../core/chat-settings/resolve-lang.ts';
import { buildChatContext, topicOf } from './chat-context.ts';
import { renderReplyBlocks } from './render-reply.ts';
import { linesToHtml, packBlocks } from './split-message.ts';
import { sendHtml } from './send-reply.ts';
import { pageKeyboard, parsePageData, type PageCache } from './paging.ts';
import { describeTelegramError } from './errors.ts';

export interface CommandHandlerDeps {
  db: Database;
  now: () => Date;
  log: Logger;
  settings: ChatSettingsStore;
  pages: PageCache;
  /** Lists with more items than this are paged with an inline keyboard. */
  pageItems: number;
  me: () => { id: number; username: string };
}

/** The reply language for a message: the chat's override, else the sender's app language. */
export function langFor(settings: ChatSettingsStore, msg: Message): ReplyLang {
  return resolveLang(settings.get('telegram', String(msg.chat.id))?.lang, msg.from?.language_code);
}

/** Sends `reply` as an answer to `msg`: paged when it is a long list, else split in order. */
export async function answerWith(api: Api, msg: Message, reply: Reply, lang: ReplyLang, deps: Pick<CommandHandlerDeps, 'pages' | 'pageItems' | 'now'>): Promise<void> {
  const place = { chatId: msg.chat.id, threadId: topicOf(msg) };
  const replyTo = msg.chat.type === 'private' ? undefined : msg.message_id;
  const blocks = renderReplyBlocks(reply, lang);
  if (reply.items.length > deps.pageItems) {
    const pages = packBlocks(blocks, { maxItems: deps.pageItems }).map(linesToHtml);
    if (pages.length > 1) {
      const key = deps.pages.put({ chatId: String(msg.chat.id), pages, lang, createdAt: deps.now().getTime() });
      await sendHtml(api, place, pages[0], pageKeyboard(key, 0, pages.length, lang), replyTo);
      return;
    }
  }
  for (const [i, lines] of packBlocks(blocks).entries()) {
    await sendHtml(api, place, linesToHtml(lines), undefined, i === 0 ? replyTo : undefined);
  }
}

/** Handles one text message or channel post; anything not a command for us is ignored. */
export function createCommandHandler(deps: CommandHandlerDeps): (ctx: Context) => Promise<void> {
  return async (ctx) => {
    const msg = ctx.msg;
    if (!msg?.text || !msg.text.startsWith('/')) return;
    // A channel post copied into its discussion group: the channel copy was (or will be) answered.
    if (msg.is_automatic_forward) return;
    const me = deps.me();
    // Telegram clients send /start when a user opens the bot: answer it like /help.
    const text = msg.text.replace(/^\/start(?=@|\s|$)/i, '/help');
    const lang = langFor(deps.settings, msg);
    const parsed = parseCommandLine(text, me.username);
    if (!parsed.ok) {
      const addressedToUs = new RegExp(`^/\\w+@${me.username}(\\s|$)`, 'i').test(text);
      // In groups several bots share the / namespace: stay quiet about commands that may be someone else's.
      if (parsed.reason === 'unknown-command' && msg.chat.type !== 'private' && !addressedToUs) return;
      const failure = parseFailureReply(parsed, lang);
      if (failure) await answerWith(ctx.api, msg, failure, lang, deps);
      return;
    }
    const chat = buildChatContext(ctx.api, msg, me.id, deps.log);
    const reply = await executeCommand(parsed.command, { args: parsed.args, lang, chat }, { db: deps.db, now: deps.now }, deps.log);
    // /language answers in the language it just chose, which the command already did; others use `lang`.
    await answerWith(ctx.api, msg, reply, parsed.command.name === 'language' ? langFor(deps.settings, msg) : lang, deps);
  };
}

/** Handles a paging button: edits the message to the asked page, or says the list expired. */
export function createPagingHandler(deps: Pick<CommandHandlerDeps, 'pages' | 'log' | 'settings'>): (ctx: Context) => Promise<void> {
  return async (ctx) => {
    const q = ctx.callbackQuery;
    if (!q) return;
    const data = parsePageData(q.data);
    const message = q.message;
    if (!data || !message) {
      await ctx.answerCallbackQuery();
      return;
    }
    const entry = deps.pages.get(data.key);
    if (!entry || entry.chatId !== String(message.chat.id) || data.page >= entry.pages.length) {
      const lang = resolveLang(deps.settings.get('telegram', String(message.chat.id))?.lang, q.from.language_code);
      await ctx.answerCallbackQuery({ text: lang === 'en' ? 'This list has expired. Send the command again.' : '這個列表已過期，請重新輸入指令。' });
      return;
    }
    try {
      await ctx.api.editMessageText(message.chat.id, message.message_id, entry.pages[data.page], {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        reply_markup: pageKeyboard(data.key, data.page, entry.pages.length, entry.lang),
      });
    } catch (err) {
      // Pressing the button of the page already shown is not an error.
      if (!/message is not modified/i.test(describeTelegramError(err))) throw err;
    } finally {
      await ctx.answerCallbackQuery();
    }
  };
}
