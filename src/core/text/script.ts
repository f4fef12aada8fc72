/**
 * Traditional/Simplified Chinese conversion through opencc-js.
 * Converters cost ~120 ms to build, so they are built once, on first use.
 * OpenCC converts characters, not transliterations: 泽连斯基 → 澤連斯基, never 澤倫斯基;
 * spelling variants of names are the alias index's job.
 */
import * as OpenCC from 'opencc-js';

type Convert = (s: string) => string;
let toTrad: Convert | undefined;
let toSimp: Convert | undefined;

/** Simplified (and mixed) text to Traditional characters (Taiwan standard). */
export function toTraditional(text: string): string {
  const convert = (toTrad ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return convert(text);
}

/** Traditional (and mixed) text to Simplified characters. */
export function toSimplified(text: string): string {
  const convert = (toSimp ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
}

/** A script-neutral key: Traditional characters, so 澤連斯基 and 泽连斯基 compare equal. */
export function foldScript(text: string): string {
  return toTraditional(text);
}
