/**
 * The autocomplete source for `/who` names and `/timeline`, `/latest`, `/subscribe` topics: the
 * entities part's `listEntityNames` over the alias index (curated seeds/aliases.json plus aliases
 * learned from articles), matched in any script or spelling through fold keys and ranked by how
 * often articles mention them. The one module to change if the lookup changes.
 */
import type { Stores } from '../../core/store/stores.ts';
import type { CommandOption, ReplyLang } from '../../core/contract/types.ts';
import { textLangOf } from '../../core/text/reply-script.ts';
import { listEntityNames } from '../../core/entities/topics.ts';

export interface Suggestion {
  /** What the user sees in the list (≤ 100 characters). */
  name: string;
  /** What the option receives (≤ 100 characters): a name the command resolves. */
  value: string;
}

/** Up to `limit` entities whose name or alias starts with `typed`; the value is in the user's language. */
export async function suggestNames(stores: Stores, kind: NonNullable<CommandOption['autocomplete']>, typed: string, lang: ReplyLang, limit = 25): Promise<Suggestion[]> {
  void kind; // names and topics both come from the alias index
  return (await listEntityNames(stores, typed, textLangOf(lang), limit)).map((c) => ({ name: c.label, value: c.value }));
}
