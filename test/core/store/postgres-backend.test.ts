// The PostgreSQL backend's plumbing: placeholder rewriting, URL redaction, passing-failure
// detection, the migrator (version table, newer database refused, concurrent migrators) and
// openStores with a URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toDollarParams } from '../../../src/core/store/postgres/placeholders.ts';
import { dbUrlPassword, isPostgresUrl, redactDbUrl } from '../../../src/core/store/db-url.ts';
import { isPassingDbError, PassingDbError } from '../../../src/core/store/db-errors.ts';
import { createPgPool, PostgresSql } from '../../../src/core/store/postgres/postgres-sql.ts';
import { migratePostgres } from '../../../src/core/store/postgres/migrate-postgres.ts';
import { postgresMigrations } from '../../../src/core/store/postgres/migrations/index.ts';
import { openStores } from '../../../src/core/store/open-stores.ts';
import { isBusyError, openDatabase, SchemaVersionError } from '../../../src/core/store/db.ts';
import { usePgTestDatabase } from '../../helpers/postgres.ts';

const pgdb = usePgTestDatabase();

test('? becomes $n, except inside string literals, quoted identifiers and comments', () => {
  assert.equal(toDollarParams('SELECT a FROM t WHERE b = ? AND c IN (?, ?)'), 'SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)');
  assert.equal(toDollarParams("SELECT 'why?', 'it''s ?', \"odd?col\" FROM t WHERE x = ? -- really?\n AND y = ? /* ? */"), "SELECT 'why?', 'it''s ?', \"odd?col\" FROM t WHERE x = $1 -- really?\n AND y = $2 /* ? */");
  assert.equal(toDollarParams('SELECT 1'), 'SELECT 1');
});

test('database URLs are printed without their password', () => {
  assert.ok(isPostgresUrl('postgres://x@h/db') && isPostgresUrl('POSTGRESQL://h/db') && !isPostgresUrl('data/newsbot.db'));
  assert.equal(redactDbUrl('postgres://bot:s3cr%40t@db.example:5432/news?sslmode=require'), 'postgres://bot:***@db.example:5432/news?sslmode=require');
  assert.equal(redactDbUrl('postgresql://h/news?user=bot&password=hunter2'), 'postgresql://h/news?user=bot&password=***');
  assert.equal(redactDbUrl('postgres://postgres@127.0.0.1/test'), 'postgres://postgres@127.0.0.1/test');
  assert.equal(redactDbUrl('data/newsbot.db'), 'data/newsbot.db');
  assert.equal(dbUrlPassword('postgres://bot:s3cr%40t@h/db'), 's3cr@t');
  assert.equal(dbUrlPassword('postgres://bot@h/db'), undefined);
});

test('isPassingDbError: SQLite busy/locked and PostgreSQL serialization, deadlock, lock timeout, shutdown, lost connection', () => {
  for (const code of ['SQLITE_BUSY', 'SQLITE_LOCKED', '40001', '40P01', '55P03', '57P01', '08006', '08001', 'ECONNREFUSED', 'ECONNRESET']) {
    assert.ok(isPassingDbError(Object.assign(new Error('x'), { code })), code);
  }
  assert.ok(isPassingDbError(new Error('database is locked')));
  assert.ok(isPassingDbError(new Error('Connection terminated unexpectedly')));
  assert.ok(isPassingDbError(new PassingDbError('40001', 'x')));
  for (const code of ['23505', '42P01', 'SQLITE_CONSTRAINT', undefined]) assert.ok(!isPassingDbError(Object.assign(new Error('x'), { code })), String(code));
  assert.ok(!isPassingDbError(null) && !isPassingDbError('text'));
});

test('a lock timeout on PostgreSQL comes out as a PassingDbError; a constraint violation keeps its SQLSTATE', async (t) => {
  if (pgdb.skipIfMissing(t)) return;
  const a = new PostgresSql(createPgPool(pgdb.url, { max: 2 }));
  const b = new PostgresSql(createPgPool(pgdb.url, { max: 2 }));
  try {
    await a.run('DROP TABLE IF EXISTS lockme; CREATE TABLE lockme (id INTEGER PRIMARY KEY)');
    await a.run('INSERT INTO lockme (id) VALUES (?)', [1]);
    assert.deepEqual(await a.all('SELECT 1 AS one; SELECT id FROM lockme'), [{ id: 1 }], 'several statements: the last one answers');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = a.tx(async () => {
      await a.all('SELECT id FROM lockme WHERE id = 1 FOR UPDATE');
      locked();
      await gate;
    });
    await isLocked;
    const err = await b
      .tx(async () => {
        await b.run("SET LOCAL lock_timeout = '50ms'");
        await b.all('SELECT id FROM lockme WHERE id = 1 FOR UPDATE');
      })
      .then(() => null, (e: unknown) => e);
    release();
    await holder;
    assert.ok(err instanceof PassingDbError, String(err));
    assert.equal((err as PassingDbError).code, '55P03');
    assert.ok(isPassingDbError(err));
    assert.ok(isBusyError(err), 'the older SQLite-era busy check recognises it too');
    const dup = await a.run('INSERT INTO lockme (id) VALUES (?)', [1]).then(() => null, (e: unknown) => e);
    assert.equal((dup as { code?: string }).code, '23505');
    assert.ok(!isPassingDbError(dup));
  } finally {
    await a.close();
    await b.close();
  }
});

test('the number/bool type parsers belong to the pool, not to pg.types (other pools in the process keep theirs)', async () => {
  const pg = (await import('pg')).default;
  assert.equal(pg.types.getTypeParser(20, 'text')('5'), '5');
  assert.equal(pg.types.getTypeParser(16, 'text')('t'), true);
});

test('a refused connection is a passing failure', async () => {
  const sql = new PostgresSql(createPgPool('postgres://postgres@127.0.0.1:1/none'));
  try {
    const err = await sql.get('SELECT 1').then(() => null, (e: unknown) => e);
    assert.ok(isPassingDbError(err), String(err));
    const txErr = await sql.tx(async () => 1).then(() => null, (e: unknown) => e);
    assert.ok(isPassingDbError(txErr), String(txErr));
  } finally {
    await sql.close();
  }
});

test('migrations: each once, version kept in newsbot_schema, concurrent migrators take turns, newer database refused', async (t) => {
  if (pgdb.skipIfMissing(t)) return;
  const sql = new PostgresSql(createPgPool(pgdb.url, { max: 6 }));
  try {
    await sql.run('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    const list = [
      { name: '001-a', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY); INSERT INTO a VALUES (1);' },
      { name: '002-b', sql: 'CREATE TABLE b (id INTEGER PRIMARY KEY)' },
      { name: '003-c', sql: 'SELECT pg_sleep(0.05); INSERT INTO a VALUES (3);' },
    ];
    // Four processes' worth of migrators at once: a migration running twice would fail (table exists, duplicate key).
    const versions = await Promise.all([0, 1, 2, 3].map(() => migratePostgres(sql, list, 'db')));
    assert.deepEqual(versions, [3, 3, 3, 3]);
    assert.deepEqual(await sql.all('SELECT version FROM newsbot_schema'), [{ version: 3 }]);
    assert.deepEqual(await sql.all('SELECT id FROM a ORDER BY id'), [{ id: 1 }, { id: 3 }]);

    // A failing migration rolls back alone and names itself; the version stays at the last whole one.
    await assert.rejects(migratePostgres(sql, [...list, { name: '004-bad', sql: 'CREATE TABLE d (id INTEGER); SELECT nope FROM nowhere' }], 'db'), /migration 004-bad failed/);
    assert.deepEqual(await sql.get('SELECT version FROM newsbot_schema'), { version: 3 });
    assert.equal(await sql.get("SELECT to_regclass('d') AS r").then((r) => (r as { r: unknown }).r), null);

    await assert.rejects(migratePostgres(sql, list.slice(0, 2), 'postgres://x:***@h/db'), (err: unknown) => {
      assert.ok(err instanceof SchemaVersionError);
      assert.deepEqual([err.found, err.known], [3, 2]);
      assert.match(err.message, /postgres:\/\/x:\*\*\*@h\/db: database schema version 3 is newer/);
      return true;
    });
  } finally {
    await sql.close();
  }
});

test('openStores with a postgres:// URL migrates and returns PostgreSQL stores; openDatabase refuses a URL', async (t) => {
  if (pgdb.skipIfMissing(t)) return;
  const admin = new PostgresSql(createPgPool(pgdb.url, { max: 1 }));
  await admin.run('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await admin.close();
  const stores = await openStores(pgdb.url);
  try {
    assert.equal(stores.backend, 'postgres');
    const v = await stores.tx(async () => 'in tx');
    assert.equal(v, 'in tx');
  } finally {
    await stores.close();
  }
  const check = new PostgresSql(createPgPool(pgdb.url, { max: 1 }));
  try {
    assert.deepEqual(await check.get('SELECT version FROM newsbot_schema'), { version: postgresMigrations.length });
  } finally {
    await check.close();
  }
  assert.throws(() => openDatabase('postgres://bot:pw@127.0.0.1/x'), (err: unknown) => /postgres:\/\/bot:\*\*\*@127\.0\.0\.1\/x: this command does not support PostgreSQL/.test(String(err)) && !String(err).includes(':pw@'));
});
