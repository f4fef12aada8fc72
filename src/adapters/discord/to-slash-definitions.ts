/**
 * Turns the command definitions (commands/) into Discord application command JSON: typed
 * options (string/integer, min/max, required first as Discord demands), descriptions in en-US
 * with zh-TW (and zh-CN, answered in Traditional) localizations, autocomplete where a command
 * asks for names or topics. Usable in guilds and in the bot's DMs.
 */
import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { CommandDef, CommandOption, Localized } from '../../core/contract/types.ts';
import { MAX_INPUT_CHARS } from '../../../commands/parse.ts';

const cut = (s: string, max: number) => (Array.from(s).length <= max ? s : Array.from(s).slice(0, max - 1).join('') + '…');

function localize(d: Localized): { description: string; description_localizations: Record<string, string> } {
  const en = cut(d.en || '-', 100);
  const zh = cut(d['zh-TW'] || d.en || '-', 100);
  return { description: en, description_localizations: { 'en-US': en, 'en-GB': en, 'zh-TW': zh, 'zh-CN': zh } };
}

function toOption(opt: CommandOption): NonNullable<RESTPostAPIChatInputApplicationCommandsJSONBody['options']>[number] {
  const common = { name: opt.name.toLowerCase(), required: opt.required, ...localize(opt.description) };
  if (opt.type === 'integer') {
    return {
      ...common,
      type: ApplicationCommandOptionType.Integer,
      ...(opt.min !== undefined ? { min_value: opt.min } : {}),
      ...(opt.max !== undefined ? { max_value: opt.max } : {}),
    };
  }
  return { ...common, type: ApplicationCommandOptionType.String, max_length: MAX_INPUT_CHARS, ...(opt.autocomplete ? { autocomplete: true } : {}) };
}

/** Discord JSON for each command, in the given order. */
export function toSlashDefinitions(defs: readonly CommandDef[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return defs.map((def) => {
    // Discord rejects a required option after an optional one; keep each group's order.
    const options = [...def.options.filter((o) => o.required), ...def.options.filter((o) => !o.required)].map(toOption);
    return {
      type: ApplicationCommandType.ChatInput,
      name: def.name.toLowerCase(),
      ...localize(def.description),
      options,
      // 0 = guild install; contexts 0 = guild, 1 = the bot's DM.
      integration_types: [0],
      contexts: [0, 1],
    };
  });
}
