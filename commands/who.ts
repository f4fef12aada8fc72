import type { CommandDef } from './types.ts';

// Placeholder: to be implemented (see the issue that owns /who).
export const whoCommand = {
  name: 'who',
  description: { en: 'who', 'zh-TW': 'who' },
  options: [],
  examples: ['/who'],
  run: () => ({ kind: 'usage', items: [], intro: 'not implemented yet', articles: [] }),
} satisfies CommandDef;
