import type { CommandDef } from './types.ts';

// Placeholder: to be implemented (see the issue that owns /subscribe).
export const subscribeCommand = {
  name: 'subscribe',
  description: { en: 'subscribe', 'zh-TW': 'subscribe' },
  options: [],
  examples: ['/subscribe'],
  run: () => ({ kind: 'usage', items: [], intro: 'not implemented yet', articles: [] }),
} satisfies CommandDef;
