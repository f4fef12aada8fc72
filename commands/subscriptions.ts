import type { CommandDef } from './types.ts';

// Placeholder: to be implemented (see the issue that owns /subscriptions).
export const subscriptionsCommand = {
  name: 'subscriptions',
  description: { en: 'subscriptions', 'zh-TW': 'subscriptions' },
  options: [],
  examples: ['/subscriptions'],
  run: () => ({ kind: 'usage', items: [], intro: 'not implemented yet', articles: [] }),
} satisfies CommandDef;
