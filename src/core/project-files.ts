/**
 * Files that ship with newsbot (seeds/, package.json), found from the project root whether the
 * code runs as TypeScript from src/ or compiled from dist/src/ (`npm run build`): the root is the
 * nearest folder above this module that holds package.json.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function projectRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return (root = dir);
}

/** An absolute path to `parts` under the project root, e.g. projectFile('seeds', 'aliases.json'). */
export function projectFile(...parts: string[]): string {
  return join(projectRoot(), ...parts);
}

/**
 * A worker thread's entry module next to `moduleUrl`, as the running code is: `name.ts` through
 * tsx when running from sources, `name.js` when compiled.
 */
export function workerEntry(moduleUrl: string, name: string): { url: string; typescript: boolean } {
  const typescript = moduleUrl.endsWith('.ts');
  return { url: new URL(`./${name}.${typescript ? 'ts' : 'js'}`, moduleUrl).href, typescript };
}

/** The code a worker is started with (eval'd): registers tsx there first when running TypeScript, since hooks registered on this thread do not reach a worker on Node 20. */
export function workerBootstrap(moduleUrl: string, name: string): string {
  const entry = workerEntry(moduleUrl, name);
  if (!entry.typescript) return `import(${JSON.stringify(entry.url)});`;
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.url)}); });`;
}
