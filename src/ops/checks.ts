/**
 * Readiness checks for /readyz, built from what a process runs. Each is cheap (one small query,
 * an in-memory flag), because probes arrive every few seconds from every load balancer.
 */
import type { Stores } from '../core/store/stores.ts';
import type { ChatAdapter, HttpRoute } from '../adapters/types.ts';
import type { CheckResult, OpsRoute } from './http-server.ts';

/** The database answers a query: a primary-key lookup of an id that never exists (no rows read). */
export async function checkStores(stores: Pick<Stores, 'articles' | 'backend'>): Promise<CheckResult> {
  await stores.articles.row(0);
  return { ok: true, detail: stores.backend };
}

/** One check per adapter that reports its health (`telegram`, `discord`); others are left out. */
export function adapterChecks(adapters: readonly ChatAdapter[]): Record<string, Promise<CheckResult>> {
  const out: Record<string, Promise<CheckResult>> = {};
  for (const a of adapters) if (a.health) out[a.platform] = Promise.resolve().then(() => a.health!());
  return out;
}

/** Every adapter's HTTP routes in one map for startOpsServer; two adapters claiming a path is a wiring error. */
export function adapterRoutes(adapters: readonly ChatAdapter[]): Map<string, OpsRoute> {
  const out = new Map<string, OpsRoute>();
  for (const a of adapters) {
    for (const [path, handler] of a.httpRoutes?.() ?? new Map<string, HttpRoute>()) {
      if (out.has(path)) throw new Error(`two adapters serve the same HTTP path (${a.platform})`);
      out.set(path, handler);
    }
  }
  return out;
}
