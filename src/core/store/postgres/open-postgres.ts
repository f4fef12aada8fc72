/** PostgreSQL stores (pg Pool, the PostgreSQL migration list). */
import type { Stores } from '../stores.ts';

export async function openPostgresStores(url: string): Promise<Stores> {
  void url;
  throw new Error('PostgreSQL backend: not built yet');
}
