/**
 * Turns a typed command line (`/who donald trump`, `/latest 5 烏克蘭`, `/latest@TestNameBot`)
 * into a command and its options, so text platforms (terminal, Telegram) share one parser.
 */
import type { CommandDef } from '../src/core/contract/types.ts';
import { findCommand } from './index.ts';

export const MAX_INPUT_CHARS = 500;

export type ParseResult =
  | { ok: true; command: CommandDef; args: Record<string, string | number | undefined> }
  | {
      ok: false;
      reason: 'not-a-command' | 'unknown-command' | 'addressed-elsewhere' | 'bad-args';
      /** English reason (or the unknown command's name); `messageZh` is the same in Traditional Chinese. */
      message?: string;
      messageZh?: string;
      command?: CommandDef;
    };

// Control characters other than tab/newline never belong in a command argument.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Parses `line`. `botName` (without @) makes `/cmd@OtherBot` come back as addressed-elsewhere.
 * Integer options are taken from the front of the arguments when they parse as numbers; the
 * remaining words fill string options in order, the last one taking the rest of the line.
 */
export function parseCommandLine(line: string, botName?: string): ParseResult {
  const trimmed = line.trim();
  const m = /^\/([A-Za-z_]+)(?:@(\S+))?(?:\s+([\s\S]*))?$/.exec(trimmed);
  if (!m) return { ok: false, reason: 'not-a-command' };
  const [, name, addressee, rest = ''] = m;
  if (addressee && botName && addressee.toLowerCase() !== botName.toLowerCase()) return { ok: false, reason: 'addressed-elsewhere' };
  const command = findCommand(name);
  if (!command) return { ok: false, reason: 'unknown-command', message: name };
  if (rest.length > MAX_INPUT_CHARS) return { ok: false, reason: 'bad-args', message: `input longer than ${MAX_INPUT_CHARS} characters`, messageZh: `輸入超過 ${MAX_INPUT_CHARS} 個字`, command };
  if (CONTROL.test(rest)) return { ok: false, reason: 'bad-args', message: 'input contains control characters', messageZh: '輸入含有控制字元', command };

  const words = rest.split(/\s+/).filter(Boolean);
  const args: Record<string, string | number | undefined> = {};
  const stringOpts = command.options.filter((o) => o.type === 'string');
  for (const opt of command.options.filter((o) => o.type === 'integer')) {
    if (words.length && /^[+-]?\d+$/.test(words[0])) {
      const n = Number(words.shift());
      if ((opt.min !== undefined && n < opt.min) || (opt.max !== undefined && n > opt.max)) {
        const range = `${opt.min ?? '-∞'}–${opt.max ?? '∞'}`;
        return { ok: false, reason: 'bad-args', message: `${opt.name} must be between ${opt.min ?? '-∞'} and ${opt.max ?? '∞'}`, messageZh: `${opt.name} 須介於 ${range}`, command };
      }
      args[opt.name] = n;
    }
  }
  stringOpts.forEach((opt, i) => {
    if (!words.length) return;
    const last = i === stringOpts.length - 1 || opt.rest;
    args[opt.name] = last ? words.splice(0).join(' ') : words.shift();
  });
  const missing = command.options.find((o) => o.required && args[o.name] === undefined);
  if (missing) return { ok: false, reason: 'bad-args', message: `missing ${missing.name}`, messageZh: `缺少 ${missing.name}`, command };
  return { ok: true, command, args };
}
