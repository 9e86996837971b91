// Prometheus metrics (prom-client) in a registry of the server's own: requests by adapter and
// status, queue time, time to first token, inter-token latency, batch size, resident adapters,
// adapter cache hits/misses/evictions and tokens generated.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SchedulerEvents } from '../engine/completion-row';

export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'prefixkit_requests_total',
    help: 'Completion requests by model (base or adapter id) and HTTP status.',
    labelNames: ['model', 'status'],
    registers: [this.registry],
  });
  readonly queueSeconds = new Histogram({
    name: 'prefixkit_queue_seconds',
    help: 'Time a row waited in the queue before its prompt ran.',
    buckets: [0.001, 0.005, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly firstTokenSeconds = new Histogram({
    name: 'prefixkit_time_to_first_token_seconds',
    help: 'From queueing to the first generated token.',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly interTokenSeconds = new Histogram({
    name: 'prefixkit_inter_token_seconds',
    help: 'Between two generated tokens of one row.',
    buckets: [0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly batchRows = new Histogram({
    name: 'prefixkit_batch_rows',
    help: 'Rows in each decoding step.',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128],
    registers: [this.registry],
  });
  readonly tokens = new Counter({
    name: 'prefixkit_tokens_generated_total',
    help: 'Generated tokens by model.',
    labelNames: ['model'],
    registers: [this.registry],
  });
  readonly adapterCache = new Counter({
    name: 'prefixkit_adapter_cache_total',
    help: 'Adapter residency: hit (already on the device), miss (loaded), evict.',
    labelNames: ['event'],
    registers: [this.registry],
  });
  readonly residentAdapters = new Gauge({
    name: 'prefixkit_resident_adapters',
    help: 'Adapters loaded on the device.',
    registers: [this.registry],
  });
  readonly residentBytes = new Gauge({
    name: 'prefixkit_resident_adapter_bytes',
    help: 'Device bytes held by resident adapters.',
    registers: [this.registry],
  });

  /** The scheduler's hooks into these metrics. */
  schedulerEvents(): SchedulerEvents {
    return {
      onQueueTime: (s) => this.queueSeconds.observe(s),
      onFirstToken: (s) => this.firstTokenSeconds.observe(s),
      onInterToken: (s) => this.interTokenSeconds.observe(s),
      onBatch: (rows) => this.batchRows.observe(rows),
      onTokens: (model, count) => this.tokens.inc({ model }, count),
    };
  }
}
