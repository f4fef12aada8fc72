/**
 * `newsbot register` for Discord: publishes the slash commands with one bulk overwrite
 * (PUT /applications/{app}/commands, or …/guilds/{guild}/commands with a guild id, which
 * updates at once instead of within the hour). Not done at start-up, on purpose.
 */
import { REST, Routes } from 'discord.js';
import { commands as allCommands } from '../../../commands/index.ts';
import type { CommandDef } from '../../core/contract/types.ts';
import { addSecret } from '../../core/logger.ts';
import { toSlashDefinitions } from './to-slash-definitions.ts';
import { resolveApiBase } from './api-base.ts';
import { describeDiscordError } from './map-error.ts';

export interface RegisterOptions {
  token: string;
  appId: string;
  /** DISCORD_API_URL (tests point it at a fake); default Discord's. */
  apiUrl?: string;
  /** Register in one guild only (instant) instead of globally. */
  guildId?: string;
  /** Defaults to every command in commands/index.ts. */
  commands?: readonly CommandDef[];
}

/** Publishes the commands; returns how many and where. Throws an Error with a one-line reason. */
export async function registerDiscordCommands(opts: RegisterOptions): Promise<{ count: number; scope: 'global' | 'guild' }> {
  addSecret(opts.token);
  const rest = new REST({ api: resolveApiBase(opts.apiUrl), retries: 1 }).setToken(opts.token);
  const body = toSlashDefinitions(opts.commands ?? allCommands);
  const route = opts.guildId ? Routes.applicationGuildCommands(opts.appId, opts.guildId) : Routes.applicationCommands(opts.appId);
  try {
    await rest.put(route, { body });
  } catch (err) {
    throw new Error(`discord: registering commands failed: ${describeDiscordError(err)}`);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
  return { count: body.length, scope: opts.guildId ? 'guild' : 'global' };
}
