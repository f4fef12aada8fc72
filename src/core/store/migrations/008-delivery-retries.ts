import type { Migration } from './index.ts';

/**
 * A digest that failed for a passing reason (5xx, network, too many 429s) after its in-pass
 * retries gets a `retry_at`: a later scheduler pass claims it again then (see ledger.claimRetries).
 */
export const deliveryRetriesSchema: Migration = {
  name: '008-delivery-retries',
  up(db) {
    db.exec(`
      ALTER TABLE deliveries ADD COLUMN retry_at TEXT;
      CREATE INDEX deliveries_retry ON deliveries (retry_at) WHERE status = 'failed' AND retry_at IS NOT NULL;
    `);
  },
};
