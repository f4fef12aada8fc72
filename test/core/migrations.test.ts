import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/core/store/db.ts';
import { migrations } from '../../src/core/store/migrations/index.ts';

test('a new database file is migrated to the latest version, in WAL mode with foreign keys', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'newsbot-')), 'x.db');
  const db = openDatabase(file);
  assert.equal(db.pragma('user_version', { simple: true }), migrations.length);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  db.close();
  // Reopening applies nothing twice.
  const again = openDatabase(file);
  assert.equal(again.pragma('user_version', { simple: true }), migrations.length);
  again.close();
});
