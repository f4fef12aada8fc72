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
import { sendHtml, sendPicture, type SendPlace } from './send-reply.ts';
import { lineRef, pageKeyboard, parsePageData, type PageCache } from './paging.ts';
import { describeTelegramError } from './errors.ts';
import { zhFor } from '../../core/text/reply-script.ts';
import { setChatMenu } from './register-commands.ts';

export interface CommandHandlerDeps {
  stores: Stores;
  now: () => Date;
  log: Logger;
  settings: ChatSettingsStore;
  pages: PageCache;
  /** Lists with more items than this are paged with an inline keyboard. */
  pageItems: number;
  me: () => { id: number; username: string };
  /** Takes work that runs after a handler returns (a reply's picture), so stop() can wait for it. */
  later: (work: Promise<unknown>) => void;
}

/** The reply language for a message: the chat's override, else the sender's app language. */
export async function langFor(settings: ChatSettingsStore, msg: Message): Promise<ReplyLang> {
  return resolveLang((await settings.get('telegram', String(msg.chat.id)))?.lang, msg.from?.language_code);
}

/** Commands a paging button may re-run: they only read. */

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
 * Sends `reply` as an answer to `msg`: paged when it is a long list, else split in order; its
 * picture follows the text without holding up the next update (see sendPictureLater).
 * `line` is the command line that produced it, when a paging button may re-run it.
 */
export async function answerWith(api: Api, msg: Message, reply: Reply, lang: ReplyLang, deps: Pick<CommandHandlerDeps, 'pages' | 'pageItems' | 'now' | 'log' | 'later'>, line?: string): Promise<void> {
  const place = { chatId: msg.chat.id, threadId: topicOf(msg) };
  const replyTo = msg.chat.type === 'private' ? undefined : msg.message_id;
  const first = await sendText(api, msg, place, replyTo, reply, lang, deps, line);
  if (reply.picture) sendPictureLater(api, place, reply, first, deps);
}

/** Sends the text of `reply` (paged or split) and returns the id of its first message (none for an empty reply). */
async function sendText(api: Api, msg: Message, place: SendPlace, replyTo: number | undefined, reply: Reply, lang: ReplyLang, deps: Pick<CommandHandlerDeps, 'pages' | 'pageItems' | 'now'>, line?: string): Promise<number | undefined> {
  if (reply.paging && reply.paging.pageCount > 1 && line) {
    const { page, pageCount } = reply.paging;
    const ref = lineRef(line, pageCount, true) || {
      key: deps.pages.put({ chatId: String(msg.chat.id), pages: [], line, lang, createdAt: deps.now().getTime() }),
      byCommand: true,
    };
    return sendHtml(api, place, commandPageHtml(reply, lang), pageKeyboard(ref, page, pageCount, lang), replyTo);
  }
  const pages = pagesOf(reply, lang, deps.pageItems);
  if (pages) {
    const ref = (line && lineRef(line, pages.length)) || { key: deps.pages.put({ chatId: String(msg.chat.id), pages, lang, createdAt: deps.now().getTime() }) };
    return sendHtml(api, place, pages[0], pageKeyboard(ref, 0, pages.length, lang), replyTo);
  }
  let first: number | undefined;
  for (const [i, lines] of packBlocks(renderReplyBlocks(reply, lang)).entries()) {
    const id = await sendHtml(api, place, linesToHtml(lines), undefined, i === 0 ? replyTo : undefined);
    first ??= id;
  }
  return first;
}

/**
 * Draws the reply's picture and sends it as a photo answering the text's first message, in the
 * background: the handler returns as soon as the text is out. A failure is logged; the text stays.
 */
function sendPictureLater(api: Api, place: SendPlace, reply: Reply, firstMessage: number | undefined, deps: Pick<CommandHandlerDeps, 'log' | 'later'>): void {
  const picture = reply.picture!;
  deps.later(
    sendPicture(api, place, picture, firstMessage).catch((err: unknown) => {
      deps.log.warn(`telegram: the picture ${picture.name} for chat ${place.chatId} was not sent (the text was): ${describeTelegramError(err)}`);
    }),
  );
}

/** Handles one text message or channel post; anything not a command for us is ignored. */
export function createCommandHandler(deps: CommandHandlerDeps): (ctx: Context) => Promise<void> {
  return async (ctx) => {
    const msg = ctx.msg;
    if (!msg?.text || !msg.text.startsWith('/')) return;
    // A channel post copied into its discussion group: the channel copy was (or will be) answered.
    if (msg.is_automatic_forward) return;
    const me = deps.me();
    const text = msg.text;
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
    const chosenBefore = (await deps.settings.get('telegram', String(msg.chat.id)))?.lang ?? null;
    const reply = await executeCommand(parsed.command, { args: parsed.args, lang, chat }, { stores: deps.stores, now: deps.now }, deps.log);
    // A command that chose its reply's language (/language answers in the new one) says so in the reply.
    const replyLang = reply.lang ?? lang;
    const line = parsed.command.replayable ? text.trim().replace(/\s+/g, ' ').replace(/^\/(\w+)@\S+/, '/$1') : undefined;
    await answerWith(ctx.api, msg, reply, replyLang, deps, line);
    // The chat chose another reply language: its command menu follows (Telegram cannot tell zh-CN from zh-TW clients).
    const chosen = (await deps.settings.get('telegram', String(msg.chat.id)))?.lang ?? null;
    if (chosen !== chosenBefore) {
      await setChatMenu(ctx.api, msg.chat.id, chosen).catch((err: unknown) => deps.log.warn(`telegram: chat menu for ${msg.chat.id} not updated: ${err instanceof Error ? err.message : String(err)}`));
    }
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
      if (parsed.ok && parsed.command.replayable) {
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
