import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, utimesSync, mkdirSync, symlinkSync, chmodSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '../../src/core/store/db.ts';
import { createLogger } from '../../src/core/logger.ts';
import { startSources } from '../../src/sources/start-sources.ts';
import { pollSource } from '../../src/sources/poll/poll-source.ts';
import { createHarness } from './harness.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

function post(title: string, marker: string): string {
  const paras = Array.from({ length: 4 }, (_, i) => `${title}: paragraph ${i + 1} says the committee agreed on the next steps after a long debate about the costs and benefits.`);
  return `---\ntitle: "${title}"\ndate: 2025-11-09 10:00:00 +0800\n---\n\n${paras.join('\n\n')}\n\n${marker}\n`;
}

// Before the harness clock (2025-11-10) and an hour before the real one: settled either way.
const past = new Date('2025-01-01T00:00:00Z');
function put(path: string, text: string): void {
  writeFileSync(path, text);
  utimesSync(path, past, past);
}

test('symbolic links in a watched folder are not followed, by the rescan or the live watcher, unless the folder opted in', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-links-'));
  const inbox = join(dir, 'inbox');
  const outside = join(dir, 'outside');
  mkdirSync(inbox);
  mkdirSync(outside);
  const secret = join(outside, 'secret.md');
  put(secret, post('Operator secret notes', 'SECRET-MARKER'));
  chmodSync(secret, 0o600);
  mkdirSync(join(outside, 'dir'));
  put(join(outside, 'dir', 'inner.md'), post('Inner secret notes', 'INNER-MARKER'));
  put(join(inbox, 'real.md'), post('A real story', 'REAL-MARKER'));
  symlinkSync(secret, join(inbox, 'link-at-start.md'));
  symlinkSync(join(outside, 'dir'), join(inbox, 'linked-dir'));
  const db = openDatabase(join(dir, 'test.db'));
  const bodies = () => (db.prepare('SELECT body FROM articles').pluck().all() as string[]).join('\n');
  await sqliteStores(db).sources.add({ name: 'inbox', kind: 'folder', location: inbox, every_minutes: 5 }, new Date(Date.now() - 60_000));
  const rt = startSources({ stores: sqliteStores(db), config: { NEWSBOT_ALLOW_PRIVATE_NETWORKS: true }, log: createLogger('silent'), tickMs: 0, stabilityMs: 200, settleMs: 0 });
  try {
    await rt.tick();
    await rt.watchersReady();
    // Dropped in while the watcher runs: a link to the secret, and a real file (to know events are flowing).
    symlinkSync(secret, join(inbox, 'dropped-link.md'));
    writeFileSync(join(inbox, 'later.md'), post('A later story', 'LATER-MARKER'));
    const until = Date.now() + 10_000;
    while (!/LATER-MARKER/.test(bodies()) && Date.now() < until) await sleep(100);
    await sleep(800);
    await rt.idle();
    assert.match(bodies(), /REAL-MARKER/);
    assert.match(bodies(), /LATER-MARKER/);
    assert.doesNotMatch(bodies(), /SECRET-MARKER|INNER-MARKER/);
  } finally {
    await rt.stop();
  }
  // Opt-in for one folder: its links are followed.
  const store = sqliteStores(db).sources;
  await store.remove((await store.find('inbox'))!.id);
  const src2 = await store.add({ name: 'linked', kind: 'folder', location: inbox, every_minutes: 5, follow_symlinks: true }, new Date());
  const h = createHarness();
  try {
    const r = await pollSource({ ...h.ctx, stores: sqliteStores(db) }, src2);
    assert.equal(r.ok, true, r.error ?? '');
    assert.match(bodies(), /SECRET-MARKER/);
    assert.match(bodies(), /INNER-MARKER/);
  } finally {
    await h.close();
    db.close();
  }
});

test('folder files over the size limit are refused unread, a >2 GiB file included, and the files after them are still stored', async () => {
  const h = createHarness();
  const inbox = join(h.dir, 'inbox');
  mkdirSync(inbox);
  put(join(inbox, 'a-first.md'), post('First story', 'FIRST'));
  put(join(inbox, 'b-big.md'), post('Big story', 'BIG') + 'x'.repeat(200_000));
  // A sparse file over 2 GiB: Node cannot read it whole (ERR_FS_FILE_TOO_LARGE).
  const huge = join(inbox, 'c-huge.md');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 2 ** 31 + 4096);
  closeSync(fd);
  utimesSync(huge, past, past);
  put(join(inbox, 'd-last.md'), post('Last story', 'LAST'));
  h.ctx.maxFileBytes = 100_000;
  try {
    const r = await pollSource(h.ctx, await h.addFeed('inbox', inbox, 5, 'folder'));
    assert.equal(r.ok, true, r.error ?? '');
    assert.equal(r.counts!.stored, 2, JSON.stringify(r.counts));
    assert.equal(r.counts!.rejected, 2);
    assert.match(r.counts!.rejects.join('\n'), /b-big\.md: too large: 0\.2 MB \(limit 0\.1 MB\)/);
    assert.match(r.counts!.rejects.join('\n'), /c-huge\.md: too large: 2048 MB/);
    // Refused files are not re-read at every scan.
    h.clock.t += 10 * 60_000;
    const again = await pollSource(h.ctx, await h.source(1));
    assert.equal(again.counts!.rejected, 0);
  } finally {
    await h.close();
  }
});
