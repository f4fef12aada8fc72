import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/core/store/db.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { ingestBytes } from '../../../src/core/loader/ingest-bytes.ts';

const page = (extra = '') =>
  Buffer.from(
    `<!doctype html><html><head><title>Mayor opens new bridge</title></head><body><article><h1>Mayor opens new bridge</h1>
<p>The mayor opened the new river bridge on Monday, ending two years of construction work in the city centre.</p>
<p>Traffic is expected to ease on the old crossing, officials said, while cyclists get a separate lane.</p>${extra}
</article></body></html>`,
  );

test('ingestBytes (for live sources): stores once, recognises the same bytes, updates a changed item, records rejects', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-bytes-'));
  const db = openDatabase(join(dir, 'b.db'));
  try {
    const url = 'https://news.example.org/2025/bridge';
    const first = await ingestBytes(sqliteStores(db), { bytes: page(), name: 'feed:example/bridge.html', url });
    assert.equal(first.status, 'ingested', first.reason);
    const stored = (await sqliteStores(db).articles.get(first.id!))!;
    assert.equal(stored.url, url);
    assert.equal(stored.source_file, 'feed:example/bridge.html');

    assert.deepEqual(await ingestBytes(sqliteStores(db), { bytes: page(), name: 'feed:example/bridge.html', url }), { status: 'unchanged', id: first.id });
    assert.deepEqual(await ingestBytes(sqliteStores(db), { bytes: page(), name: 'feed:mirror/bridge.html' }), { status: 'unchanged', id: first.id });

    const edited = await ingestBytes(sqliteStores(db), { bytes: page('<p>Update: the opening ceremony drew about two thousand residents.</p>'), name: 'feed:example/bridge.html', url });
    assert.deepEqual(edited, { status: 'updated', id: first.id });
    assert.equal(await sqliteStores(db).articles.count(), 1);

    const bad = await ingestBytes(sqliteStores(db), { bytes: Buffer.alloc(0), name: 'feed:example/empty.html' });
    assert.equal(bad.status, 'rejected');
    assert.equal(db.prepare("SELECT path || ': ' || reason FROM rejects").pluck().get(), 'feed:example/empty.html: empty file');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
