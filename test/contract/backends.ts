/**
 * The backends the contract suite runs on: SQLite (a temporary file) and PostgreSQL (a fresh
 * database per suite, see test/helpers/postgres.ts). Each contract test runs once per backend.
 */
import type { TestContext } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStores } from '../../src/core/store/open-stores.ts';
import type { Stores } from '../../src/core/store/stores.ts';
import { createTestDatabase } from '../helpers/postgres.ts';

export type BackendName = 'sqlite' | 'postgres';
export const BACKENDS: BackendName[] = ['sqlite', 'postgres'];

/** Opens empty, migrated stores on `backend`; closed and removed when `t` ends. */
export async function openBackend(t: TestContext, backend: BackendName): Promise<Stores> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'newsbot-contract-'));
    const stores = await openStores(join(dir, 'contract.db'));
    t.after(async () => {
      await stores.close();
      rmSync(dir, { recursive: true, force: true });
    });
    return stores;
  }
  const pg = await createTestDatabase();
  const stores = await openStores(pg.url);
  t.after(async () => {
    await stores.close();
    await pg.drop();
  });
  return stores;
}
