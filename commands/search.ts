import type { CommandDef } from './types.ts';

// Placeholder: to be implemented (see the issue that owns /search).
export const searchCommand = {
  name: 'search',
  description: { en: 'search', 'zh-TW': 'search' },
  options: [],
  examples: ['/search'],
  run: () => ({ kind: 'usage', items: [], intro: 'not implemented yet', articles: [] }),
} satisfies CommandDef;
