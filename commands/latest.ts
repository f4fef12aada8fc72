import type { CommandDef } from './types.ts';

// Placeholder: to be implemented (see the issue that owns /latest).
export const latestCommand = {
  name: 'latest',
  description: { en: 'latest', 'zh-TW': 'latest' },
  options: [],
  examples: ['/latest'],
  run: () => ({ kind: 'usage', items: [], intro: 'not implemented yet', articles: [] }),
} satisfies CommandDef;
