import type { PostgresMigration } from './index.ts';

/** 008-delivery-retries on PostgreSQL. */
export const deliveryRetriesSchema: PostgresMigration = {
  name: '008-delivery-retries',
  sql: `
    ALTER TABLE deliveries ADD COLUMN retry_at TEXT;
    CREATE INDEX deliveries_retry ON deliveries (retry_at) WHERE status = 'failed' AND retry_at IS NOT NULL;
  `,
};
