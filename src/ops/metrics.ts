/**
 * The Prometheus metrics of one process (prom-client), served at /metrics by the ops server.
 * Each process reports its own; Prometheus sums them across the deployment.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'newsbot_' });

export const metrics = {
  digestsSent: new Counter({ name: 'newsbot_digests_sent_total', help: 'Digests delivered', labelNames: ['platform'], registers: [registry] }),
  digestsFailed: new Counter({ name: 'newsbot_digests_failed_total', help: 'Digests that failed (passing or permanent)', labelNames: ['platform'], registers: [registry] }),
  rateLimited: new Counter({ name: 'newsbot_platform_429_total', help: '429 answers from a chat platform', labelNames: ['platform'], registers: [registry] }),
  polls: new Counter({ name: 'newsbot_polls_total', help: 'Source polls by result', labelNames: ['result'], registers: [registry] }),
  commandSeconds: new Histogram({
    name: 'newsbot_command_seconds',
    help: 'Time to answer a chat command',
    labelNames: ['command', 'platform'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  }),
  queueDepth: new Gauge({ name: 'newsbot_queue_depth', help: 'Jobs waiting or delayed, by queue', labelNames: ['queue'], registers: [registry] }),
};
