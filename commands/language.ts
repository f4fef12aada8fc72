import type { CommandDef } from './types.ts';

// Placeholder: to be implemented (see the issue that owns /language).
export const languageCommand = {
  name: 'language',
  description: { en: 'language', 'zh-TW': 'language' },
  options: [],
  examples: ['/language'],
  run: () => ({ kind: 'usage', items: [], intro: 'not implemented yet', articles: [] }),
} satisfies CommandDef;
