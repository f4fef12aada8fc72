/** Who is sending (for the ledger's claims) and to which platforms: shared by digests and alerts. */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Platform } from '../core/contract/types.ts';
import type { ChatAdapter } from '../adapters/types.ts';

/** The adapters a pass sends through, by platform (platforms without one are left for later). */
export type Adapters = Partial<Record<Platform, ChatAdapter>>;

/** A claimer id unique to this process: `host:pid:random`. */
export function newClaimerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** A claim another process took over while this one waited: whatever it was doing is theirs now. */
export class LostClaimError extends Error {
  constructor(deliveryId: number) {
    super(`delivery ${deliveryId} was taken over by another process`);
    this.name = 'LostClaimError';
  }
}
