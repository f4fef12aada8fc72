import type { CommandDef } from './types.ts';

// Placeholder: to be implemented (see the issue that owns /unsubscribe).
export const unsubscribeCommand = {
  name: 'unsubscribe',
  description: { en: 'unsubscribe', 'zh-TW': 'unsubscribe' },
  options: [],
  examples: ['/unsubscribe'],
  run: () => ({ kind: 'usage', items: [], intro: 'not implemented yet', articles: [] }),
} satisfies CommandDef;
