/**
 * User errors are not bugs: a UserError becomes a friendly one-line usage reply; anything else
 * is logged with context and answered with a short apology.
 */
import type { Localized, Reply } from './types.ts';

export class UserError extends Error {
  constructor(
    readonly code: string,
    readonly text: Localized,
  ) {
    super(text.en);
    this.name = 'UserError';
  }
}

/** A reply telling the user what to type instead. */
export function usageReply(text: string): Reply {
  return { kind: 'usage', intro: text, items: [], articles: [], private: true };
}
