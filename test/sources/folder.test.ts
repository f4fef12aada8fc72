import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, utimesSync, openSync, writeSync, closeSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '../../src/core/store/db.ts';
import { createLogger } from '../../src/core/logger.ts';
import { startSources } from '../../src/sources/start-sources.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

function post(title: string, marker: string): string {
  const paras = Array.from({ length: 4 }, (_, i) => `${title}: paragraph ${i + 1} says the committee agreed on the next steps after a long debate about the costs and benefits of the plan.`);
  return `---\ntitle: "${title}"\ndate: 2025-11-09 10:00:00 +0800\n---\n\n${paras.join('\n\n')}\n\n${marker}\n`;
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) assert.fail('timed out waiting for the folder to be ingested');
    await sleep(50);
  }
}

test('a watched folder: existing files are back catalogue, a new file is ingested within seconds, a half-written file never half', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-folder-'));
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  const old = join(inbox, 'old-post.md');
  writeFileSync(old, post('Old news from the archive', 'END-OLD'));
  const past = new Date(Date.now() - 3600_000);
  utimesSync(old, past, past);
  writeFileSync(join(inbox, '.hidden.md'), post('Hidden file', 'END-HIDDEN'));
  const db = openDatabase(join(dir, 'test.db'));
  const count = () => (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
  const src = await sqliteStores(db).sources.add({ name: 'inbox', kind: 'folder', location: inbox, every_minutes: 5 }, new Date());
  const rt = startSources({ stores: sqliteStores(db), config: { NEWSBOT_ALLOW_PRIVATE_NETWORKS: true }, log: createLogger('silent'), tickMs: 0, stabilityMs: 400, settleMs: 300 });
  try {
    const [first] = await rt.tick();
    assert.equal(first.ok, true, first.error ?? '');
    assert.equal(first.counts!.stored, 1);
    assert.equal(count(), 1);
    const oldId = (db.prepare('SELECT id FROM articles').get() as { id: number }).id;
    assert.equal(await sqliteStores(db).sources.isBackfill(oldId), true);
    await rt.watchersReady();

    writeFileSync(join(inbox, 'fresh.md'), post('Fresh report on the harbour', 'END-FRESH'));
    await waitFor(() => count() === 2);

    // Written in two parts with a pause shorter than the stability window: read once, whole.
    const fd = openSync(join(inbox, 'slow.md'), 'w');
    const text = post('Slowly written story', 'END-SLOW');
    writeSync(fd, text.slice(0, 120));
    await sleep(150);
    writeSync(fd, text.slice(120));
    closeSync(fd);
    // A partial download is ignored until renamed.
    writeFileSync(join(inbox, 'big.md.part'), post('Partial download', 'END-PART'));
    await waitFor(() => count() === 3);
    await rt.idle();
    const slow = db.prepare("SELECT id, body FROM articles WHERE title = 'Slowly written story'").get() as { id: number; body: string };
    assert.match(slow.body, /END-SLOW/);
    assert.equal(await sqliteStores(db).sources.isBackfill(slow.id), false, 'a file arriving while watched is news');
    assert.equal((db.prepare("SELECT COUNT(*) AS n FROM source_files WHERE source_id = ? AND path LIKE '%slow.md'").get(src.id) as { n: number }).n, 1);
    assert.equal(count(), 3, 'hidden and partial files are not documents');
  } finally {
    await rt.stop();
    db.close();
  }
});

test('a folder rescan (the safety net) picks up a missed file and leaves unchanged files alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-rescan-'));
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  const past = new Date(Date.now() - 3600_000);
  const a = join(inbox, 'a.md');
  writeFileSync(a, post('First archived story', 'END-A'));
  utimesSync(a, past, past);
  const db = openDatabase(join(dir, 'test.db'));
  let t = Date.now();
  const src = await sqliteStores(db).sources.add({ name: 'inbox', kind: 'folder', location: inbox, every_minutes: 5 }, new Date(t));
  const rt = startSources({ stores: sqliteStores(db), config: { NEWSBOT_ALLOW_PRIVATE_NETWORKS: true }, log: createLogger('silent'), tickMs: 0, watch: false, now: () => new Date(t), settleMs: 1000 });
  try {
    assert.equal((await rt.tick())[0].counts!.stored, 1);
    const b = join(inbox, 'b.md');
    writeFileSync(b, post('Second story found by the rescan', 'END-B'));
    // Not due yet: nothing happens before the interval.
    assert.deepEqual(await rt.tick(), []);
    t += 5 * 60_000 + 1000;
    const [scan] = await rt.tick();
    assert.equal(scan.counts!.stored, 1);
    assert.equal(scan.counts!.unchanged, 1);
    const row = db.prepare("SELECT id FROM articles WHERE title = 'Second story found by the rescan'").get() as { id: number };
    assert.equal(await sqliteStores(db).sources.isBackfill(row.id), false);
    // Removing the folder makes the source fail with a clear reason.
    await sqliteStores(db).sources.add({ name: 'gone', kind: 'folder', location: join(dir, 'missing'), every_minutes: 5 }, new Date(t));
    const reports = await rt.tick();
    const gone = reports.find((r) => r.source === 'gone')!;
    assert.match(gone.error!, /does not exist/);
    assert.equal(src.id, 1);
  } finally {
    await rt.stop();
    db.close();
  }
});
