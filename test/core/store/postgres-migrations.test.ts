// The PostgreSQL schema history mirrors the SQLite one step for step, so a schema version means
// the same tables on both backends (applying it needs PostgreSQL: see search-postgres.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { migrations } from '../../../src/core/store/migrations/index.ts';
import { postgresMigrations } from '../../../src/core/store/postgres/migrations/index.ts';

test('one PostgreSQL migration per SQLite migration, same names, same order', () => {
  assert.deepEqual(
    postgresMigrations.map((m) => m.name),
    migrations.map((m) => m.name),
  );
  for (const m of postgresMigrations) assert.ok(m.sql.trim().length > 0, m.name);
});

test('the PostgreSQL schema has no SQLite-only syntax left', () => {
  for (const m of postgresMigrations) {
    assert.doesNotMatch(m.sql, /WITHOUT ROWID|AUTOINCREMENT|\bBLOB\b|\bREAL\b|GLOB|VIRTUAL TABLE|datetime\(/i, m.name);
    assert.doesNotMatch(m.sql, /\bINTEGER PRIMARY KEY\b/, m.name);
  }
});
