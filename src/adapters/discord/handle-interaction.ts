/**
 * Answers Discord interactions: slash commands (deferred at once, so the 3-second
 * acknowledgement never depends on how long a command takes, then edited with the answer, and
 * edited again with the picture once it is drawn; private/usage/error answers replace the
 * deferral by an ephemeral follow-up), autocomplete,
 * and Prev/Next page buttons (the message is updated in place).
 */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import type { Stores } from '../../core/store/stores.ts';
import type { CommandDef, Reply, ReplyLang, ReplyPicture } from '../../core/contract/types.ts';
import { executeCommand } from '../../../commands/execute.ts';
import { usageReply } from '../../core/contract/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { buildChatContext, chooseLang, readArgs, type ChannelInfo } from './interaction-input.ts';
import { renderReplyPages, type DiscordEmbed } from './render-reply.ts';
import { decodePageId, pageButtons, pageMessage, type PageCache } from './paging.ts';
import { suggestNames } from './suggest.ts';
import { describeDiscordError } from './map-error.ts';
import { zhFor } from '../../core/text/reply-script.ts';

/** Items per page in interactive replies: a screenful, even when the character limit allows more. */
export const ITEMS_PER_PAGE = 10;

export interface InteractionDeps {
  stores: Stores;
  now: () => Date;
  log: Logger;
  commands: readonly CommandDef[];
  pages: PageCache;
  channelOf: (interactionId: string) => ChannelInfo | undefined;
  /** The chat's language override, if any. */
  langOverride: (chatId: string) => ReplyLang | null | undefined | Promise<ReplyLang | null | undefined>;
}

/** Discord's limit on an attachment's description (its alt text). */
const ALT_MAX = 1024;

/** `body` with `picture` attached and shown in its first embed; the alt text is the attachment's (plain-text) description. */
function withPicture<T extends { embeds: DiscordEmbed[] }>(body: T, picture: ReplyPicture, png: Uint8Array): T & { files: { attachment: Buffer; name: string; description: string }[] } {
  const [first, ...rest] = body.embeds;
  const embeds = first ? [{ ...first, image: { url: `attachment://${picture.name}` } }, ...rest] : rest;
  return { ...body, embeds, files: [{ attachment: Buffer.from(png), name: picture.name, description: Array.from(picture.alt).slice(0, ALT_MAX).join('') }] };
}

const cut100 = (s: string) => (Array.from(s).length <= 100 ? s : Array.from(s).slice(0, 99).join('') + '…');

/** Returns the handler for Events.InteractionCreate; it never throws (failures are logged). */
export function createInteractionHandler(deps: InteractionDeps): (interaction: Interaction) => Promise<void> {
  const find = (name: string) => deps.commands.find((c) => c.name === name.toLowerCase());

  async function langFor(interaction: Interaction, chatId: string): Promise<ReplyLang> {
    let override: ReplyLang | null | undefined;
    try {
      override = await deps.langOverride(chatId);
    } catch (err) {
      deps.log.warn(`discord: reading the language setting of chat ${chatId} failed`, err);
    }
    return chooseLang(interaction.locale, override);
  }

  function render(reply: Reply, lang: ReplyLang) {
    const paged = { pages: renderReplyPages(reply, { lang, maxItems: ITEMS_PER_PAGE }), lang };
    const key = paged.pages.length > 1 ? deps.pages.put(paged) : null;
    return pageMessage(paged, key, 0);
  }

  /** A page of a reply the command pages itself, with buttons that re-run it (cache `key`) for the others. */
  function renderCommandPage(reply: Reply, lang: ReplyLang, key: string) {
    const { page, pageCount } = reply.paging ?? { page: 0, pageCount: 1 };
    const embed = renderReplyPages(reply, { lang, maxItems: ITEMS_PER_PAGE })[0];
    return { embeds: [embed], components: pageCount > 1 ? pageButtons(key, page, pageCount, lang, true) : [], allowedMentions: { parse: [] as [] } };
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const chat = buildChatContext(interaction, deps.channelOf(interaction.id));
    const lang = await langFor(interaction, chat.chatId);
    const def = find(interaction.commandName);
    if (!def) {
      const text = lang === 'en' ? `Unknown command /${interaction.commandName}. Run newsbot register to refresh the command list.` : zhFor(lang, `沒有 /${interaction.commandName} 這個指令。請執行 newsbot register 更新指令列表。`);
      await interaction.reply({ ...render(usageReply(text), lang), flags: MessageFlags.Ephemeral });
      return;
    }
    // Acknowledge first: SQLite work is synchronous, so a timer race could not defer in time.
    await interaction.deferReply();
    const args = readArgs(def, (name) => interaction.options.get(name)?.value);
    const started = Date.now();
    const reply = await executeCommand(def, { args, lang, chat }, { stores: deps.stores, now: deps.now }, deps.log);
    deps.log.debug(`discord: /${def.name} in chat ${chat.chatId}${chat.threadId ? ` thread ${chat.threadId}` : ''}: ${reply.kind}, ${reply.items.length} items, ${Date.now() - started} ms`);
    const body =
      reply.paging && reply.paging.pageCount > 1
        ? renderCommandPage(reply, lang, deps.pages.put({ pages: [], lang, replay: { command: def.name, args } }))
        : render(reply, lang);
    if (reply.private || reply.kind !== 'ok') {
      await interaction.deleteReply();
      await interaction.followUp({ ...body, flags: MessageFlags.Ephemeral });
    } else {
      await interaction.editReply(body);
      if (reply.picture) await addPicture(interaction, body, reply.picture);
    }
  }

  /**
   * Draws the picture once the text is shown and edits the answer to carry it. A failure is
   * logged and the text answer stays as it is.
   */
  async function addPicture(interaction: ChatInputCommandInteraction, body: { embeds: DiscordEmbed[] }, picture: ReplyPicture): Promise<void> {
    try {
      const { png } = await picture.render();
      await interaction.editReply(withPicture(body, picture, png));
    } catch (err) {
      deps.log.warn(`discord: the picture ${picture.name} for /${interaction.commandName} was not added (the text was sent): ${describeDiscordError(err)}`);
    }
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const def = find(interaction.commandName);
    const focused = interaction.options.getFocused(true);
    const opt = def?.options.find((o) => o.name === focused.name);
    if (!opt?.autocomplete) {
      await interaction.respond([]);
      return;
    }
    const typed = String(focused.value ?? '').trim().slice(0, 100);
    const seen = new Set<string>();
    const choices = (await suggestNames(deps.stores, opt.autocomplete, typed, chooseLang(interaction.locale, undefined), 25))
      .map((s) => ({ name: cut100(s.name), value: cut100(s.value) }))
      .filter((c) => !seen.has(c.value) && seen.add(c.value));
    await interaction.respond(choices);
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const id = decodePageId(interaction.customId);
    const paged = id ? deps.pages.get(id.key) : undefined;
    const replay = id?.byCommand ? paged?.replay : undefined;
    const found = replay && find(replay.command);
    const def = found && found.replayable ? found : undefined;
    if (id && paged && replay && def) {
      // Re-run the (read-only) command for the asked page, as the person clicking.
      const chat = buildChatContext(interaction, deps.channelOf(interaction.id));
      const reply = await executeCommand(def, { args: replay.args, lang: paged.lang, chat, page: id.page }, { stores: deps.stores, now: deps.now }, deps.log);
      await interaction.update(renderCommandPage(reply, paged.lang, id.key));
      return;
    }
    if (!id || !paged || id.byCommand) {
      const lang = chooseLang(interaction.locale, undefined);
      const text = lang === 'en' ? 'This list has expired. Run the command again to see it.' : zhFor(lang, '這個列表已過期，請重新執行指令。');
      await interaction.reply({ ...render(usageReply(text), lang), flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.update(pageMessage(paged, id.key, id.page));
  }

  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) await onCommand(interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      else if (interaction.isButton()) await onButton(interaction);
    } catch (err) {
      deps.log.error(`discord: interaction ${interaction.id} (${interaction.isCommand() ? '/' + interaction.commandName : 'component'}) failed: ${describeDiscordError(err)}`);
      if (interaction.isRepliable()) {
        const lang = chooseLang(interaction.locale, undefined);
        const text = lang === 'en' ? 'Sorry, something went wrong answering that.' : zhFor(lang, '抱歉，處理時出了問題。');
        const body = { ...render({ kind: 'error', intro: text, items: [], articles: [] }, lang), flags: MessageFlags.Ephemeral as const };
        const apologize = interaction.deferred || interaction.replied ? interaction.followUp(body) : interaction.reply(body);
        await apologize.catch(() => undefined);
      }
    }
  };
}
