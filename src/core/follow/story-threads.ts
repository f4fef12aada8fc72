/**
 * Where each (chat, story) lives: the first message about the story in that chat (an alert or a
 * digest) and, on Discord, the thread opened on it. Later updates of the story go there; stored
 * (`stores.follows.threads`), so this survives restarts.
 */
import type { Stores } from '../store/stores.ts';
export type { StoryThread } from '../store/follow-store.ts';

/** The story-thread part of the follow store. */
export type StoryThreadStore = Stores['follows']['threads'];
