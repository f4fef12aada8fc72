/** The Discord adapter's public surface: the adapter factory and `newsbot register`'s command publisher. */
export { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterOptions } from './adapter.ts';
export { registerDiscordCommands, type RegisterOptions } from './register-commands.ts';
export { messageNonce } from './send.ts';
