/**
 * The Telegram command path: a text message (or channel post) starting with `/` is parsed with
 * the shared parser (so `/latest@OtherBot` is ignored), run, rendered and answered in the same
 * chat and forum topic; long lists get a paging keyboard.
 */
import type { Api, Context } from 'grammy';
import type { Message } from 'grammy/types';
import type { Stores } from '../../core/store/stores.ts';
import type { Reply, ReplyLang } from '../../core/contract/types.ts';
import { parseCommandLine } from '../../../commands/parse.ts';
import { executeCommand, parseFailureReply } from '../../../commands/execute.ts';
import type { Logger } from '../../core/logger.ts';
import type { ChatSettingsStore } from '../../core/store/chat-settings-store.ts';
import { resolveLang } from '../../core/chat-settings/resolve-lang.ts';
import { buildChatContext, topicOf } from './chat-context.ts';
import { renderReplyBlocks } from './render-reply.ts';
import { linesToHtml, packBlocks } from './split-message.ts';
import { deliverReply, sendHtml } from './send-reply.ts';
import { lineRef, pageKeyboard, parsePageData, type PageCache } from './paging.ts';
import { describeTelegramError } from './errors.ts';
import { zhFor } from '../../core/text/reply-script.ts';

export interface CommandHandlerDeps {
  stores: Stores;
  now: () => Date;
  log: Logger;
  settings: ChatSettingsStore;
  pages: PageCache;
  /** Lists with more items than this are paged with an inline keyboard. */
  pageItems: number;
  me: () => { id: number; username: string };
}

/** The reply language for a message: the chat's override, else the sender's app language. */
export async function langFor(settings: ChatSettingsStore, msg: Message): Promise<ReplyLang> {
  return resolveLang((await settings.get('telegram', String(msg.chat.id)))?.lang, msg.from?.language_code);
}

/** Commands a paging button may re-run: they only read. */
const REPLAYABLE = new Set(['latest', 'timeline', 'who', 'search', 'help', 'subscriptions']);

/** The pages of a long list (HTML), or null when the reply fits the normal split path. */
function pagesOf(reply: Reply, lang: ReplyLang, pageItems: number): string[] | null {
  if (reply.items.length <= pageItems) return null;
  const pages = packBlocks(renderReplyBlocks(reply, lang), { maxItems: pageItems }).map(linesToHtml);
  return pages.length > 1 ? pages : null;
}

/** One page of a reply the command pages itself: its first message-sized part (such a page is a handful of items). */
function commandPageHtml(reply: Reply, lang: ReplyLang): string {
  return linesToHtml(packBlocks(renderReplyBlocks(reply, lang))[0] ?? []);
}

/**
 * Sends `reply` as an answer to `msg`: paged when it is a long list, else split in order.
 * `line` is the command line that produced it, when a paging button may re-run it.
 */
export async function answerWith(api: Api, msg: Message, reply: Reply, lang: ReplyLang, deps: Pick<CommandHandlerDeps, 'pages' | 'pageItems' | 'now'>, line?: string): Promise<void> {
  const place = { chatId: msg.chat.id, threadId: topicOf(msg) };
  const replyTo = msg.chat.type === 'private' ? undefined : msg.message_id;
  if (reply.paging && reply.paging.pageCount > 1 && line) {
    const { page, pageCount } = reply.paging;
    const ref = lineRef(line, pageCount, true) || {
      key: deps.pages.put({ chatId: String(msg.chat.id), pages: [], line, lang, createdAt: deps.now().getTime() }),
      byCommand: true,
    };
    await sendHtml(api, place, commandPageHtml(reply, lang), pageKeyboard(ref, page, pageCount, lang), replyTo);
    return;
  }
  if (reply.image) {
    // The picture first, with the text as its caption when it fits; a longer text follows in order.
    await deliverReply(api, { ...place, replyTo }, reply, lang);
    return;
  }
  const pages = pagesOf(reply, lang, deps.pageItems);
  if (pages) {
    const ref = (line && lineRef(line, pages.length)) || { key: deps.pages.put({ chatId: String(msg.chat.id), pages, lang, createdAt: deps.now().getTime() }) };
    await sendHtml(api, place, pages[0], pageKeyboard(ref, 0, pages.length, lang), replyTo);
    return;
  }
  for (const [i, lines] of packBlocks(renderReplyBlocks(reply, lang)).entries()) {
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
    const lang = await langFor(deps.settings, msg);
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
    const reply = await executeCommand(parsed.command, { args: parsed.args, lang, chat }, { stores: deps.stores, now: deps.now }, deps.log);
    // /language answers in the language it just chose, which the command already did; others use `lang`.
    const replyLang = parsed.command.name === 'language' ? await langFor(deps.settings, msg) : lang;
    const line = REPLAYABLE.has(parsed.command.name) ? text.trim().replace(/\s+/g, ' ').replace(/^\/(\w+)@\S+/, '/$1') : undefined;
    await answerWith(ctx.api, msg, reply, replyLang, deps, line);
  };
}

/** Handles a paging button: edits the message to the asked page, or says the list expired. */
export function createPagingHandler(deps: CommandHandlerDeps): (ctx: Context) => Promise<void> {
  return async (ctx) => {
    const q = ctx.callbackQuery;
    if (!q) return;
    const data = parsePageData(q.data);
    const message = q.message;
    if (!data || !message) {
      await ctx.answerCallbackQuery();
      return;
    }
    const chatId = String(message.chat.id);
    const lang = resolveLang((await deps.settings.get('telegram', chatId))?.lang, q.from.language_code);
    let pages: string[] | null | undefined;
    let pageLang = lang;
    let line: string | undefined;
    let pageCount: number | undefined;
    if ('key' in data) {
      const entry = deps.pages.get(data.key);
      if (entry && entry.chatId === chatId) [pages, pageLang, line] = [entry.pages, entry.lang, entry.line];
    } else line = data.line;
    if (line && (data.byCommand || !('key' in data))) {
      // Re-run the (read-only) command as the person pressing, in the same chat and topic.
      const parsed = parseCommandLine(line, deps.me().username);
      if (parsed.ok && REPLAYABLE.has(parsed.command.name)) {
        const origin = { ...message, from: q.from, sender_chat: undefined } as unknown as Message;
        const chat = buildChatContext(ctx.api, origin, deps.me().id, deps.log);
        const input = { args: parsed.args, lang, chat, ...(data.byCommand ? { page: data.page } : {}) };
        const reply = await executeCommand(parsed.command, input, { stores: deps.stores, now: deps.now }, deps.log);
        pageLang = lang;
        if (data.byCommand) {
          // The command rendered the asked page itself (or, if the results shrank, the only one).
          pages = [commandPageHtml(reply, lang)];
          pageCount = reply.paging?.pageCount ?? 1;
          data.page = reply.paging?.page ?? 0;
        } else pages = pagesOf(reply, lang, deps.pageItems);
      }
    }
    const shown = data.byCommand ? 0 : data.page;
    if (!pages || shown >= pages.length) {
      await ctx.answerCallbackQuery({ text: lang === 'en' ? 'This list has expired. Send the command again.' : zhFor(lang, '這個列表已過期，請重新輸入指令。') });
      return;
    }
    try {
      await ctx.api.editMessageText(message.chat.id, message.message_id, pages[shown], {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        reply_markup: pageKeyboard(data, data.page, pageCount ?? pages.length, pageLang),
      });
    } catch (err) {
      // Pressing the button of the page already shown is not an error.
      if (!/message is not modified/i.test(describeTelegramError(err))) throw err;
    } finally {
      await ctx.answerCallbackQuery();
    }
  };
}
