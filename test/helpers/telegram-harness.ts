/**
 * End-to-end harness for Telegram: telegram-test-api (a Bot API emulator) behind a thin local
 * HTTP front on 127.0.0.1 (port chosen by the OS), and the real grammY bot talking to it.
 *
 * The front forwards every request to the emulator's own express app, and adds what the
 * emulator lacks, each visible in `calls`:
 * - `setMyCommands`, `deleteMyCommands` (the emulator answers 500): stubbed, recorded;
 * - `setWebhook`, `deleteWebhook`: recorded in `webhook` only; the emulator's own webhook calls
 *   carry no secret header, so tests take updates with `takeUpdates` and post them themselves;
 * - `getChatMember` (absent): answered from `setMember` (default status: member);
 * - Telegram's checks on sent HTML (parse_mode HTML): unknown or unbalanced tags, stray `<`/`&`,
 *   empty text and more than 4096 visible characters get the same 400 Telegram would give;
 * - long polling: `getUpdates` is held until an update arrives (the emulator ignores `timeout`,
 *   which would make the bot spin);
 * - failure injection (`failNext`): a 429 with retry_after, a 403, a 400 with
 *   migrate_to_chat_id, a 5xx or a dropped connection, for the next call of a method.
 *
 * Replies are read with one plain POST per check to the emulator's client `/getUpdates`
 * endpoint (its TelegramClient keeps polling and marks later messages read, see NOTES.md).
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import type { Stores } from '../../src/core/store/stores.ts';
import { createTelegramAdapter, type TelegramAdapter, type TelegramAdapterOptions } from '../../src/adapters/telegram/create-telegram-adapter.ts';
import { createLogger, type Logger } from '../../src/core/logger.ts';

export const TEST_BOT = { id: 666, username: 'TestNameBot' } as const;

export interface TestUser {
  id: number;
  first_name: string;
  username?: string;
  language_code?: string;
  is_bot?: false;
}
export interface TestChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  is_forum?: true;
}

/** A message the bot sent, as the emulator stored it (after any edits). */
export interface BotMessage {
  messageId: number;
  chatId: string;
  /** The raw HTML (or text) the bot sent. */
  html: string;
  /** What a user sees: `html` parsed as Telegram would, entities decoded. */
  text: string;
  links: string[];
  parseMode?: string;
  threadId?: number;
  replyTo?: number;
  keyboard?: { text: string; callback_data: string }[][];
  /** sendPhoto: the uploaded picture (the caption is in html/text). */
  photo?: Buffer;
}

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
}

export type Failure =
  | { kind: 'http'; status: number; description: string; parameters?: { retry_after?: number; migrate_to_chat_id?: number } }
  | { kind: 'network' };

export interface TelegramHarness {
  token: string;
  apiRoot: string;
  /** The emulator itself (storage, events) for checks the helpers do not cover. */
  server: TelegramServer;
  /** Every Bot API call the bot made, in order, with its parsed body. */
  calls: ApiCall[];
  /** Sets what getChatMember answers for (chat, user); the bot itself is TEST_BOT.id. */
  setMember(chatId: number, userId: number, status: 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked'): void;
  /** Makes the next `times` calls of `method` fail as given. */
  failNext(method: string, failure: Failure, times?: number): void;
  /** Starts the real adapter (grammY long polling) against the emulator; stopped by close(). */
  startBot(opts: { stores: Stores } & Partial<TelegramAdapterOptions>): Promise<TelegramAdapter>;
  /** A user writes `text` in `chat` (in forum topic `threadId` if given); returns the message id. */
  sendText(chat: TestChat, from: TestUser, text: string, extra?: { threadId?: number; senderChat?: { id: number; type: string; title?: string }; fields?: Record<string, unknown> }): Promise<number>;
  /** A user presses an inline button with `data` under bot message `messageId`. */
  pressButton(chat: TestChat, from: TestUser, messageId: number, data: string): Promise<void>;
  /** One check: the bot's messages in `chatId` not read before. */
  readReplies(chatId: number | string): Promise<BotMessage[]>;
  /** Checks until `count` new messages arrived in `chatId` (or `timeoutMs` passed), then returns them all. */
  waitForReplies(chatId: number | string, count?: number, timeoutMs?: number): Promise<BotMessage[]>;
  /** The current state (after edits) of every bot message in `chatId`, oldest first. */
  history(chatId: number | string): Promise<BotMessage[]>;
  /** The webhook as the bot last set it (setWebhook), or undefined (never set, or deleted). */
  readonly webhook: { url: string; secret_token?: string; allowed_updates?: string[] } | undefined;
  /** The updates users sent and nobody received yet, in Bot API form, marked received. */
  takeUpdates(): Record<string, unknown>[];
  /** Posts `update` to `url` as Telegram's webhook delivery does, with `secret` in its header. */
  postUpdate(url: string, update: unknown, secret?: string): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------- Telegram HTML, as the server checks it

const TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'code', 'pre', 'a', 'tg-spoiler', 'span', 'blockquote', 'tg-emoji']);
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** Parses Telegram-HTML like the Bot API: returns visible text and links, or throws the API's 400 description. */
export function parseTelegramHtml(html: string): { text: string; links: string[] } {
  let text = '';
  const links: string[] = [];
  const open: string[] = [];
  const entity = (raw: string): string => {
    const m = /^&(#x[0-9a-f]+|#\d+|[a-z]+);/i.exec(raw);
    if (!m) throw new Error(`Bad Request: can't parse entities: unescaped & at ${JSON.stringify(raw.slice(0, 12))}`);
    const e = m[1];
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    if (!(e.toLowerCase() in NAMED)) throw new Error(`Bad Request: can't parse entities: unsupported entity &${e};`);
    return NAMED[e.toLowerCase()];
  };
  const decode = (s: string) => s.replace(/&[^;]*;?/g, (m) => entity(m));
  let i = 0;
  while (i < html.length) {
    const c = html[i];
    if (c === '&') {
      const m = /^&(#x[0-9a-f]+|#\d+|[a-z]+);/i.exec(html.slice(i, i + 12));
      text += entity(m ? m[0] : html.slice(i, i + 12));
      i += m![0].length;
    } else if (c === '<') {
      const m = /^<(\/?)([a-z-]+)((?:\s+[a-z-]+="[^"]*")*)\s*>/i.exec(html.slice(i));
      if (!m) throw new Error(`Bad Request: can't parse entities: unexpected < at offset ${i}`);
      const [whole, closing, name] = m;
      const tag = name.toLowerCase();
      if (!TAGS.has(tag)) throw new Error(`Bad Request: can't parse entities: unsupported start tag "${tag}"`);
      if (closing) {
        if (open.pop() !== tag) throw new Error(`Bad Request: can't parse entities: unmatched end tag "${tag}"`);
      } else {
        open.push(tag);
        if (tag === 'a') {
          const href = /href="([^"]*)"/i.exec(m[3]);
          if (!href) throw new Error('Bad Request: can\'t parse entities: <a> without href');
          links.push(decode(href[1]));
        }
      }
      i += whole.length;
    } else if (c === '>') {
      throw new Error(`Bad Request: can't parse entities: unescaped > at offset ${i}`);
    } else {
      text += c;
      i++;
    }
  }
  if (open.length) throw new Error(`Bad Request: can't parse entities: can't find end tag corresponding to start tag "${open[open.length - 1]}"`);
  if (!text.trim()) throw new Error('Bad Request: message text is empty');
  if (text.length > 4096) throw new Error('Bad Request: message is too long');
  return { text, links };
}

// ---------------------------------------------------------------- the front server

/** Fields of a multipart/form-data body (grammY uploads files this way); file parts become `{ filename, data }`. */
function parseMultipart(buf: Buffer, contentType: string): Record<string, unknown> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return {};
  const sep = Buffer.from('--' + (boundary[1] ?? boundary[2]).trim());
  const out: Record<string, unknown> = {};
  let start = buf.indexOf(sep);
  while (start >= 0) {
    const next = buf.indexOf(sep, start + sep.length);
    if (next < 0) break;
    const part = buf.subarray(start + sep.length + 2, next - 2); // skip CRLF after the boundary, drop CRLF before the next
    const headEnd = part.indexOf('\r\n\r\n');
    if (headEnd >= 0) {
      const head = part.subarray(0, headEnd).toString('utf8');
      const data = part.subarray(headEnd + 4);
      const name = /[;\s]name="([^"]*)"/i.exec(head)?.[1];
      // grammY writes filename=name without quotes.
      const filename = /filename=(?:"([^"]*)"|([^;\r\n]*))/i.exec(head)?.slice(1).find((x) => x !== undefined);
      if (name) out[name] = filename !== undefined ? { filename, data: Buffer.from(data) } : data.toString('utf8');
    }
    start = next;
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (b: Buffer) => parts.push(b));
    req.on('error', reject);
    req.on('end', () => {
      const type = req.headers['content-type'] ?? '';
      if (type.includes('multipart/form-data')) return resolve(parseMultipart(Buffer.concat(parts), type));
      const raw = Buffer.concat(parts).toString('utf8');
      if (!raw) return resolve({});
      if ((req.headers['content-type'] ?? '').includes('json')) return resolve(JSON.parse(raw) as Record<string, unknown>);
      resolve(Object.fromEntries(new URLSearchParams(raw)));
    });
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function toBotMessage(stored: { messageId: number; message: Record<string, unknown> }): BotMessage {
  const m = stored.message;
  const html = String(m.text ?? '');
  let parsed = { text: html, links: [] as string[] };
  if (m.parse_mode === 'HTML') parsed = parseTelegramHtml(html);
  const markup = (typeof m.reply_markup === 'string' ? JSON.parse(m.reply_markup) : m.reply_markup) as { inline_keyboard?: BotMessage['keyboard'] } | undefined;
  const rp = (typeof m.reply_parameters === 'string' ? JSON.parse(m.reply_parameters) : m.reply_parameters) as { message_id?: number } | undefined;
  return {
    messageId: stored.messageId,
    chatId: String(m.chat_id),
    html,
    text: parsed.text,
    links: parsed.links,
    parseMode: m.parse_mode as string | undefined,
    threadId: m.message_thread_id === undefined ? undefined : Number(m.message_thread_id),
    replyTo: rp?.message_id,
    keyboard: markup?.inline_keyboard,
    photo: typeof m.photo_base64 === 'string' ? Buffer.from(m.photo_base64, 'base64') : undefined,
  };
}

/** Starts the emulator and its front on 127.0.0.1; close() stops both and every bot started. */
export async function startTelegramHarness(token = '123456:TEST-harness-token'): Promise<TelegramHarness> {
  // The emulator's own listener is never started: the front below serves its express app.
  const server = new TelegramServer({ host: '127.0.0.1', port: 1 });
  const emulator = (server as unknown as { webServer: RequestListener }).webServer;
  const calls: ApiCall[] = [];
  const members = new Map<string, string>();
  const failures: { method: string; failure: Failure }[] = [];
  const bots: TelegramAdapter[] = [];
  let webhook: TelegramHarness['webhook'];

  const hasUnread = () => server.storage.userMessages.some((u) => u.botToken === token && !u.isRead);
  // Resolves true when an update arrived or time ran out, false when the bot hung up (stop()).
  const waitForUpdate = (ms: number, res: ServerResponse) =>
    new Promise<boolean>((resolve) => {
      const finish = (open: boolean) => {
        clearTimeout(timer);
        for (const e of events) server.off(e, onUpdate);
        res.off('close', onClose);
        resolve(open);
      };
      const onUpdate = () => finish(true);
      const onClose = () => finish(false);
      const events = ['AddedUserMessage', 'AddedUserCommand', 'AddedUserCallbackQuery'];
      const timer = setTimeout(onUpdate, ms);
      for (const e of events) server.on(e, onUpdate);
      res.on('close', onClose);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (!m) return emulator(req, res);
    const [, , method] = m;
    const body = await readBody(req);
    calls.push({ method, body });
    const failIdx = failures.findIndex((f) => f.method === method);
    if (failIdx >= 0) {
      const [{ failure }] = failures.splice(failIdx, 1);
      if (failure.kind === 'network') return req.socket.destroy();
      return sendJson(res, failure.status, { ok: false, error_code: failure.status, description: failure.description, parameters: failure.parameters });
    }
    if (method === 'setMyCommands' || method === 'deleteMyCommands') return sendJson(res, 200, { ok: true, result: true });
    if (method === 'setWebhook' || method === 'deleteWebhook') {
      const list = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as string[]) : (v as string[] | undefined));
      webhook = method === 'setWebhook' ? { url: String(body.url), secret_token: body.secret_token as string | undefined, allowed_updates: list(body.allowed_updates) } : undefined;
      return sendJson(res, 200, { ok: true, result: true });
    }
    if (method === 'getChatMember') {
      const userId = Number(body.user_id);
      const status = members.get(`${body.chat_id}:${userId}`) ?? 'member';
      const user = userId === TEST_BOT.id ? { id: userId, is_bot: true, first_name: 'Test', username: TEST_BOT.username } : { id: userId, is_bot: false, first_name: 'User' };
      const flags = status === 'administrator' ? { can_post_messages: true, can_manage_chat: true } : status === 'restricted' ? { is_member: true, can_send_messages: false } : {};
      return sendJson(res, 200, { ok: true, result: { status, user, ...flags } });
    }
    if ((method === 'sendMessage' || method === 'editMessageText') && body.parse_mode === 'HTML') {
      try {
        parseTelegramHtml(String(body.text ?? ''));
      } catch (err) {
        return sendJson(res, 400, { ok: false, error_code: 400, description: (err as Error).message });
      }
    }
    if (method === 'sendPhoto') {
      // The emulator has no sendPhoto: store it as a bot message whose text is the caption (checked as Telegram does, ≤ 1024).
      // grammY names the file part at random and points to it: photo = "attach://<name>".
      const ref = typeof body.photo === 'string' && body.photo.startsWith('attach://') ? body[body.photo.slice(9)] : body.photo;
      const photo = ref as { filename: string; data: Buffer } | string | undefined;
      if (!photo || typeof photo === 'string') return sendJson(res, 400, { ok: false, error_code: 400, description: 'Bad Request: there is no photo in the request' });
      const caption = String(body.caption ?? '');
      try {
        if (caption && body.parse_mode === 'HTML' && parseTelegramHtml(caption).text.length > 1024) throw new Error('Bad Request: message caption is too long');
      } catch (err) {
        return sendJson(res, 400, { ok: false, error_code: 400, description: (err as Error).message });
      }
      const rest = Object.fromEntries(Object.entries(body).filter(([k, v]) => k !== 'photo' && k !== 'caption' && !(v && typeof v === 'object' && 'data' in v)));
      const msg = server.addBotMessage({ ...rest, text: caption, photo_base64: photo.data.toString('base64') } as never, token) as Record<string, unknown>;
      return sendJson(res, 200, { ok: true, result: { ...msg, photo_base64: undefined, photo: [{ file_id: `photo-${String(msg.message_id)}`, file_unique_id: `u${String(msg.message_id)}`, width: 1200, height: 600 }] } });
    }
    if (method === 'getUpdates' && !hasUnread()) {
      // The bot gave up (stop): do not let the emulator mark updates read for nobody.
      if (!(await waitForUpdate(Math.min(Number(body.timeout ?? 0), 1) * 1000, res))) return;
    }
    (req as unknown as { body: unknown; _body: boolean }).body = body;
    (req as unknown as { _body: boolean })._body = true; // body-parser: already parsed
    emulator(req, res);
  };
  const http: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => sendJson(res, 500, { ok: false, error_code: 500, description: String(err) }));
  });
  // The client side (undici) drops idle sockets after 4 s; the server must not close them first,
  // or a request racing the close fails with "fetch failed" after a long synchronous step in a test.
  http.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const post = async (path: string, body: unknown) => {
    const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await res.json()) as { ok: boolean; result: { messageId: number; message: Record<string, unknown> }[] };
  };
  const readReplies = async (chatId: number | string) => (await post('/getUpdates', { token, chatId })).result.map(toBotMessage);

  return {
    token,
    apiRoot: base,
    server,
    calls,
    setMember: (chatId, userId, status) => void members.set(`${chatId}:${userId}`, status),
    failNext: (method, failure, times = 1) => {
      for (let i = 0; i < times; i++) failures.push({ method, failure });
    },
    async startBot(opts) {
      const log: Logger = opts.log ?? createLogger('silent');
      const bot = createTelegramAdapter({ token, apiRoot: base, log, retry: { networkDelayMs: 50 }, ...opts });
      await bot.start();
      bots.push(bot);
      return bot;
    },
    async sendText(chat, from, text, extra = {}) {
      const cmd = /^\/[A-Za-z_]+(@\w+)?/.exec(text);
      const message: Record<string, unknown> = { botToken: token, from: { is_bot: false, ...from }, chat, text, date: Math.floor(Date.now() / 1000) };
      if (cmd) message.entities = [{ type: 'bot_command', offset: 0, length: cmd[0].length }];
      if (extra.threadId !== undefined) Object.assign(message, { message_thread_id: extra.threadId, is_topic_message: true });
      if (extra.senderChat) message.sender_chat = extra.senderChat;
      if (extra.fields) Object.assign(message, extra.fields);
      await server.addUserMessage(message as never);
      return server.storage.userMessages[server.storage.userMessages.length - 1].messageId;
    },
    async pressButton(chat, from, messageId, data) {
      await server.addUserCallback({ botToken: token, from: { is_bot: false, ...from }, data, message: { message_id: messageId, chat, date: Math.floor(Date.now() / 1000) } } as never);
    },
    readReplies,
    async waitForReplies(chatId, count = 1, timeoutMs = 5000) {
      const out: BotMessage[] = [];
      const deadline = Date.now() + timeoutMs;
      while (out.length < count && Date.now() < deadline) {
        out.push(...(await readReplies(chatId)));
        if (out.length < count) await new Promise((r) => setTimeout(r, 20));
      }
      return out;
    },
    async history(chatId) {
      const all = (await post('/getUpdatesHistory', { token })).result;
      return all.filter((u) => u.message && 'chat_id' in u.message && String(u.message.chat_id) === String(chatId)).map(toBotMessage);
    },
    get webhook() {
      return webhook;
    },
    takeUpdates: () => server.getUpdates(token) as unknown as Record<string, unknown>[],
    async postUpdate(url, update, secret) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (secret !== undefined) headers['x-telegram-bot-api-secret-token'] = secret;
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(update) });
      return { status: res.status, body: await res.text() };
    },
    async close() {
      for (const bot of bots.splice(0)) await bot.stop();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}
