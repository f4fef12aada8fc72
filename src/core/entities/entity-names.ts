/**
 * Every spelling of one entity sorted by script (Traditional, Simplified, Latin), for /who's JSON:
 * its curated and learned aliases, the name it was found under and the spellings articles used.
 */
import type { Stores } from '../store/stores.ts';
import { toSimplified, toTraditional } from '../text/script.ts';
import { hasHan } from './fold.ts';

/** An entity's spellings per script; a Han spelling the same in both scripts is listed under both. */
export interface NamesByScript {
  'zh-Hant': string[];
  'zh-Hans': string[];
  latin: string[];
}

/** The spellings of `entityId` per script, in order of first listing. */
export async function entityNamesByScript(stores: Stores, entityId: string, extra: (string | null)[] = []): Promise<NamesByScript> {
  const rows = await stores.entities.spellings(entityId);
  const out: NamesByScript = { 'zh-Hant': [], 'zh-Hans': [], latin: [] };
  const add = (list: string[], v: string) => {
    if (!list.includes(v)) list.push(v);
  };
  for (const name of [...extra, ...rows]) {
    if (!name) continue;
    if (!hasHan(name)) add(out.latin, name);
    else {
      if (toTraditional(name) === name) add(out['zh-Hant'], name);
      if (toSimplified(name) === name) add(out['zh-Hans'], name);
    }
  }
  return out;
}
