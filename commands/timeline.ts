import type { CommandDef } from './types.ts';

// Placeholder: to be implemented (see the issue that owns /timeline).
export const timelineCommand = {
  name: 'timeline',
  description: { en: 'timeline', 'zh-TW': 'timeline' },
  options: [],
  examples: ['/timeline'],
  run: () => ({ kind: 'usage', items: [], intro: 'not implemented yet', articles: [] }),
} satisfies CommandDef;
