/**
 * Jekyll front matter: the YAML block between --- lines, parsed as data only.
 * Front matter in executable flavours (---js, ---javascript, ---coffee) is refused, never evaluated.
 */
import { parse as parseYaml } from 'yaml';
import { IngestError } from '../article.ts';

/** Parsed front matter and the document body after it. */
export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
}

const OPEN = /^---([A-Za-z]*)[ \t]*\n/;
/** Real front matter is a few hundred bytes; a huge block is a mistake or an attack on the YAML parser. */
const MAX_FRONT_MATTER = 64 * 1024;

/** True when the text opens with a front-matter fence (--- or ---lang). */
export function hasFrontMatter(text: string): boolean {
  return OPEN.test(text);
}

/** Splits and parses front matter; throws IngestError when it is malformed or asks for code execution. */
export function parseFrontMatter(text: string, name: string): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) throw new IngestError(name, 'no front matter');
  const lang = open[1].toLowerCase();
  if (lang && lang !== 'yaml' && lang !== 'yml') {
    if (/^(js|javascript|coffee|coffeescript)$/.test(lang)) throw new IngestError(name, 'front matter asks for code execution');
    throw new IngestError(name, `front matter in unsupported language "${lang}"`);
  }
  const rest = text.slice(open[0].length);
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest);
  if (!close) throw new IngestError(name, 'malformed front matter: no closing --- line');
  const yamlText = rest.slice(0, close.index);
  if (yamlText.length > MAX_FRONT_MATTER) throw new IngestError(name, `front matter too large (over ${MAX_FRONT_MATTER / 1024} KB)`);
  let data: unknown;
  try {
    data = parseYaml(yamlText, { schema: 'core', uniqueKeys: true, maxAliasCount: 50, prettyErrors: false });
  } catch (err) {
    const first = String((err as Error).message ?? err).split('\n')[0].slice(0, 160);
    throw new IngestError(name, `malformed front matter: ${first}`);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new IngestError(name, 'malformed front matter: not a key/value mapping');
  return { data: data as Record<string, unknown>, body: rest.slice(close.index + close[0].length).replace(/^\n/, '') };
}
