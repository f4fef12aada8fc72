/**
 * Live watching of a folder source with chokidar: a file is ingested once its size has stopped
 * changing (awaitWriteFinish), so a half-written file is never read half. Files are handled one
 * at a time per folder; the periodic rescan (poll-folder) remains the safety net for missed events.
 */
import { watch, type FSWatcher } from 'chokidar';
import { resolve } from 'node:path';
import type { SourceRow } from '../core/store/source-store.ts';
import { ingestFolderFile, isIgnoredFile } from './poll/poll-folder.ts';
import type { PollContext } from './poll/poll-context.ts';
import { escapeName } from '../core/loader/rejects.ts';

export interface FolderWatch {
  /** Resolves when the initial directory walk is done and events are flowing. */
  ready: Promise<void>;
  /** Resolves when every file event received so far has been handled. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts watching `src.location`; `stabilityMs` is how long a file's size must hold still. */
export function watchFolder(ctx: PollContext, src: SourceRow, stabilityMs = 1000): FolderWatch {
  const root = resolve(src.location);
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    depth: 8,
    // A link dropped into the folder could point at any file the bot can read: not followed unless opted in.
    followSymlinks: src.follow_symlinks === 1,
    awaitWriteFinish: { stabilityThreshold: stabilityMs, pollInterval: Math.min(100, stabilityMs) },
    ignored: (p: string) => resolve(p) !== root && isIgnoredFile(p),
  });
  const store = ctx.stores.sources;
  let chain: Promise<void> = Promise.resolve();
  let closed = false;
  const handle = (path: string) => {
    chain = chain.then(async () => {
      if (closed) return;
      try {
        const fresh = await store.get(src.id);
        if (!fresh || fresh.paused_reason) return;
        const r = await ingestFolderFile(ctx, fresh, path, { requireSettled: false });
        if (r.outcome === 'stored') ctx.log.info(`source ${fresh.name}: ingested ${escapeName(path)}`);
        // A passing failure (busy database, unreadable now): the periodic rescan tries it again.
        else if (r.outcome === 'failed') ctx.log.warn(`source ${fresh.name}: ${escapeName(path)}: ${r.reason}; tried again at the next scan`);
      } catch (err) {
        ctx.log.warn(`source ${src.name}: ${escapeName(path)}: ${(err as Error).message}`);
      }
    });
  };
  watcher.on('add', handle);
  watcher.on('change', handle);
  watcher.on('error', (err) => ctx.log.warn(`source ${src.name}: watcher error: ${(err as Error).message}`));
  const ready = new Promise<void>((res) => watcher.once('ready', () => res()));
  return {
    ready,
    idle: () => chain,
    async close() {
      closed = true;
      await watcher.close();
      await chain;
    },
  };
}
