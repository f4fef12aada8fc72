/**
 * Remembers each incoming interaction's raw channel (type, parent) from the gateway packet:
 * without guild caching discord.js keeps only the channel id, and threads need the parent.
 */
import { Events, type Client } from 'discord.js';
import type { ChannelInfo } from './interaction-input.ts';

export interface ChannelInfoTracker {
  /** The channel of interaction `id`, forgotten once taken. */
  take(id: string): ChannelInfo | undefined;
}

/** Starts listening on `client`'s raw packets; keeps at most `max` unclaimed entries. */
export function trackInteractionChannels(client: Client, max = 500): ChannelInfoTracker {
  const seen = new Map<string, ChannelInfo>();
  client.on(Events.Raw, (packet: { t?: string; d?: { id?: string; channel?: { type?: number; parent_id?: string | null } } }) => {
    if (packet.t !== 'INTERACTION_CREATE' || !packet.d?.id || !packet.d.channel) return;
    const { type, parent_id } = packet.d.channel;
    if (typeof type !== 'number') return;
    seen.set(packet.d.id, { type, ...(parent_id ? { parentId: parent_id } : {}) });
    if (seen.size > max) seen.delete(seen.keys().next().value as string);
  });
  return {
    take(id) {
      const info = seen.get(id);
      seen.delete(id);
      return info;
    },
  };
}
