/**
 * What chats follow: the types and limits of follows. The rows live in the follow store
 * (src/core/store/follow-store.ts, `stores.follows`).
 */
export type { Follow, FollowKind, NewFollow } from '../store/follow-store.ts';
import type { Stores } from '../store/stores.ts';

/** Most follows one chat may hold. */
export const MAX_FOLLOWS_PER_CHAT = 50;

/** The follow store (`stores.follows`). */
export type FollowStore = Stores['follows'];
