/**
 * Expands the paths given to `ingest` into files to read, or rejects. Folders are walked
 * recursively in sorted order; hidden entries (.git, .DS_Store) are skipped; symlinks are followed
 * but a link back into a folder being walked is a loop and is rejected once. Inside folders only
 * article-like extensions are taken; a file named explicitly is always tried.
 */
import { readdirSync, realpathSync, statSync, lstatSync, type Stats } from 'node:fs';
import { extname } from 'node:path';

/** A file to read (size from stat) or a path that cannot be read, with its reason. */
export type WalkItem = { kind: 'file'; path: string; size: number } | { kind: 'reject'; path: string; reason: string };

/** Extensions taken from inside folders; other files there are skipped silently. */
export const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.html', '.htm']);

/** Files and rejects for `paths`, in a deterministic order. */
export function* walkPaths(paths: string[]): Generator<WalkItem> {
  for (const given of paths) {
    const st = statOrReason(given);
    if (typeof st === 'string') {
      yield { kind: 'reject', path: given, reason: st };
    } else if (st.isDirectory()) {
      yield* walkDir(given.replace(/(.)\/+$/, '$1'), new Set([realpathSync(given)]));
    } else if (st.isFile()) {
      yield { kind: 'file', path: given, size: st.size };
    } else {
      yield { kind: 'reject', path: given, reason: 'not a regular file' };
    }
  }
}

function* walkDir(dir: string, ancestors: Set<string>): Generator<WalkItem> {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (err) {
    yield { kind: 'reject', path: dir, reason: `cannot read folder (${describe(err)})` };
    return;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = `${dir}/${name}`;
    const st = statOrReason(path);
    if (typeof st === 'string') {
      yield { kind: 'reject', path, reason: st };
    } else if (st.isDirectory()) {
      let real: string;
      try {
        real = realpathSync(path);
      } catch (err) {
        yield { kind: 'reject', path, reason: `cannot resolve folder (${describe(err)})` };
        continue;
      }
      if (ancestors.has(real)) {
        yield { kind: 'reject', path, reason: `symlink loop (leads back to ${real})` };
        continue;
      }
      yield* walkDir(path, new Set([...ancestors, real]));
    } else if (ARTICLE_EXTENSIONS.has(extname(name).toLowerCase())) {
      if (st.isFile()) yield { kind: 'file', path, size: st.size };
      else yield { kind: 'reject', path, reason: 'not a regular file' };
    }
  }
}

/** stat (following links), or a one-line reason why the path cannot be read. */
function statOrReason(path: string): Stats | string {
  try {
    return statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'symlink loop';
    if (code === 'ENOENT') {
      try {
        if (lstatSync(path).isSymbolicLink()) return 'broken symlink (its target does not exist)';
      } catch {
        // fall through
      }
      return 'no such file or folder';
    }
    return `cannot read (${describe(err)})`;
  }
}

/** A short description of a file-system error: its code and message without the path repeated. */
export function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a folder';
  return e?.code ? `${e.code}` : String((e as Error)?.message ?? e);
}
