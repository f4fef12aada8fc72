import type { CommandDef } from '../src/core/contract/types.ts';
import { commands } from './index.ts';

/** /help: every command with its description and an example, generated from the definitions. */
export const helpCommand = {
  name: 'help',
  description: { en: 'List every command with an example', 'zh-TW': '列出所有指令與範例' },
  options: [],
  // Telegram clients send /start when someone opens a chat with the bot.
  aliases: ['start'],
  replayable: true,
  examples: ['/help'],
  run: ({ lang }) => ({
    kind: 'ok',
    title: lang === 'en' ? 'newsbot commands' : 'newsbot 指令',
    items: commands.map((c) => ({
      heading: '/' + c.name + c.options.map((o) => (o.required ? ` <${o.name}>` : ` [${o.name}]`)).join(''),
      text: c.description[lang],
      meta: (lang === 'en' ? 'e.g. ' : '例：') + c.examples.join(' · '),
    })),
    articles: [],
  }),
} satisfies CommandDef;
