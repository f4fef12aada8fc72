/** The static list of chat commands, in the order /help shows them. */
import type { CommandDef } from '../src/core/contract/types.ts';
import { latestCommand } from './latest.ts';
import { timelineCommand } from './timeline.ts';
import { whoCommand } from './who.ts';
import { searchCommand } from './search.ts';
import { subscribeCommand } from './subscribe.ts';
import { unsubscribeCommand } from './unsubscribe.ts';
import { subscriptionsCommand } from './subscriptions.ts';
import { languageCommand } from './language.ts';
import { helpCommand } from './help.ts';
import { storyCommand } from './story.ts';
import { followCommand } from './follow.ts';
import { unfollowCommand } from './unfollow.ts';
import { followingCommand } from './following.ts';
import { quietCommand } from './quiet.ts';

export const commands: CommandDef[] = [
  latestCommand,
  timelineCommand,
  storyCommand,
  whoCommand,
  searchCommand,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
  followCommand,
  unfollowCommand,
  followingCommand,
  quietCommand,
  languageCommand,
  helpCommand,
];

/** Finds a command by name, case-insensitively. */
export function findCommand(name: string): CommandDef | undefined {
  const n = name.toLowerCase();
  return commands.find((c) => c.name === n) ?? commands.find((c) => c.aliases?.includes(n));
}
