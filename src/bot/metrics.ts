/** Prometheus metrics (prom-client) of one bot process, in a registry of its own. */

import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export interface BotMetrics {
  registry: Registry;
  /** Updates handled, by type and outcome (ok, error, deferred, duplicate, limited). */
  updates: Counter<'type' | 'outcome'>;
  /** Seconds from an update's arrival to the end of its handling. */
  latency: Histogram<'type'>;
  /** Failed updates and failed Bot API calls. */
  errors: Counter<'where'>;
  /** 429 Too Many Requests answers from the Bot API. */
  tooManyRequests: Counter<'method'>;
}

/** Creates the metrics; `defaults` adds the process metrics (memory, event loop lag). */
export function createMetrics(defaults = true): BotMetrics {
  const registry = new Registry();
  if (defaults) collectDefaultMetrics({ register: registry });
  return {
    registry,
    updates: new Counter({
      name: 'bot_updates_total',
      help: 'Updates handled, by type and outcome',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'bot_update_seconds',
      help: 'Time to handle an update (answering a question included)',
      labelNames: ['type'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'bot_errors_total',
      help: 'Errors, by where they happened',
      labelNames: ['where'],
      registers: [registry],
    }),
    tooManyRequests: new Counter({
      name: 'bot_telegram_429_total',
      help: '429 Too Many Requests answers from the Bot API, by method',
      labelNames: ['method'],
      registers: [registry],
    }),
  };
}
