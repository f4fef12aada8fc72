/**
 * The contract between commands and chat adapters: a command is plain data plus a `run`
 * that returns a platform-neutral Reply; each adapter renders, escapes and splits it.
 */
import type { Stores } from '../store/stores.ts';

/** The language a chat is answered in: Traditional (Taiwan), Simplified (converted from Traditional), English. */
export type ReplyLang = 'zh-TW' | 'zh-CN' | 'en';
/** The language a command writes its text in; zh-CN replies are written in zh-TW and converted once, at the end. */
export type TextLang = 'zh-TW' | 'en';
export type Platform = 'discord' | 'telegram' | 'terminal';

/** Text in two languages; adapters pick by the chat's language. */
export interface Localized {
  en: string;
  'zh-TW': string;
}

export interface CommandOption {
  name: string;
  description: Localized;
  type: 'string' | 'integer';
  required: boolean;
  /** For Discord autocomplete: suggest names from the alias index, or story topics. */
  autocomplete?: 'names' | 'topics';
  min?: number;
  max?: number;
  /** The last string option may swallow the rest of a text command line (`/who donald trump`). */
  rest?: boolean;
}

/** Where a command came from; adapters fill it. */
export interface ChatContext {
  platform: Platform;
  chatId: string;
  /** Forum topic (Telegram message_thread_id) or Discord thread id, when the command came from one. */
  threadId?: string;
  userId: string;
  isGroup: boolean;
  /** Whether the sender may change chat settings (admin / Manage Channels). Private chats: true. */
  isAdmin: () => Promise<boolean>;
  /** Whether the bot can post in this chat (checked before accepting a subscription). */
  canPost?: () => Promise<boolean>;
}

export interface CommandInput {
  /** Parsed options by name; missing optional options are absent. */
  args: Record<string, string | number | undefined>;
  /** The language to write in (zh-CN chats get zh-TW here; executeCommand converts the reply). */
  lang: TextLang;
  /** The chat's reply language itself, for commands that store it (subscriptions, follows). Defaults to `lang`. */
  replyLang?: ReplyLang;
  chat: ChatContext;
  /** For paged replies: which page is asked for (0-based). */
  page?: number;
}

/** Everything a command needs, passed in (never imported as singletons) so tests build real ones. */
export interface CommandDeps {
  stores: Stores;
  now: () => Date;
}

/**
 * One entry of a reply list. Every string here is untrusted plain text (article titles, names):
 * adapters escape it; nothing in a Reply is markup.
 */
export interface ReplyItem {
  /** Short bold lead, e.g. a date or a headline. */
  heading?: string;
  text?: string;
  /** http(s) only; adapters drop anything else. */
  url?: string;
  /** Small print: outlets, times, sources. */
  meta?: string;
}

export interface ReplyEvent {
  date: string | null;
  day: number | null;
  text: string;
  article_ids: number[];
}

export interface Reply {
  /** ok: an answer; usage: a friendly correction of the user's input; error: something failed on our side. */
  kind: 'ok' | 'usage' | 'error';
  title?: string;
  /** Lead paragraph(s) before the list. */
  intro?: string;
  items: ReplyItem[];
  footer?: string;
  /** Show only to the sender where the platform can (Discord ephemeral). */
  private?: boolean;
  /** Ids of the articles the reply cites, in the order shown (for `ask --json` and tests). */
  articles: number[];
  events?: ReplyEvent[];
  /** Machine-readable fields `newsbot ask --json` adds to its object (/who: match, entity, suggestions…). */
  data?: Record<string, unknown>;
  /**
   * This reply is page `page` (0-based) of `pageCount` of a longer result that the command pages
   * itself (CommandInput.page). Adapters show Prev/Next buttons that re-run the command for the
   * other pages; only read-only commands set it.
   */
  paging?: { page: number; pageCount: number };
  /** Set by a command that chose the reply's language itself (/language answers in the new one); executeCommand then converts for that, not the chat's. */
  lang?: ReplyLang;
  /**
   * A picture that goes with the reply, drawn only when an adapter asks for it: adapters send the
   * text first and the picture after it, so drawing (hundreds of ms) never delays the answer.
   */
  picture?: ReplyPicture;
}

/** A PNG as drawn: its bytes and size in pixels. */
export interface RenderedPng {
  png: Uint8Array;
  width: number;
  height: number;
}

/**
 * A picture not drawn yet. `render` is memoized (two consumers, one drawing); it may reject, and
 * an adapter then logs the failure and keeps the text it already sent.
 */
export interface ReplyPicture {
  /** File name, e.g. 'timeline.png'. */
  name: string;
  /** One line saying what the picture shows (alt text / caption): untrusted text, escape it. */
  alt: string;
  render(): Promise<RenderedPng>;
}

export interface CommandDef {
  name: string;
  description: Localized;
  options: CommandOption[];
  /** Example invocations for /help, e.g. ['/who zelensky']. */
  examples: string[];
  /**
   * Read-only and safe to re-run as whoever presses a button under its reply (paging, refresh).
   * Adapters decide by this flag, never by command name.
   */
  replayable?: boolean;
  /** Other names the command answers to (e.g. Telegram's /start for /help); not listed in menus. */
  aliases?: string[];
  run(input: CommandInput, deps: CommandDeps): Reply | Promise<Reply>;
}
