// The server's speed on this machine, through real loopback sockets: tokens/s and p50/p99 time to
// first token and inter-token latency for 1, 8 and 64 concurrent clients; 8 different adapters
// mixed against one adapter; batching (8 clients) against one request at a time; and a soak of
// 64 clients x N requests (errors, leaked rows, RSS). Writes results/server-<machine>.json.
//   pnpm --filter @prefixkit/benchmarks bench:server [--tokens 16] [--soak-requests 200] [--backend webgpu]
//   [--soak-only]: run the soak alone and update it in the existing results file.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPeftModel } from '@prefixkit/peft';
import { savePeftDirectory } from '@prefixkit/peft/node';
import { createServer } from '@prefixkit/server';
import { percentile, type StreamTiming, streamCompletion } from './loopback-client';

const flag = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1]!;
};
const tokens = Number(flag('tokens', '16'));
const soakRequests = Number(flag('soak-requests', '200'));
const backend = flag('backend', 'webgpu') as 'webgpu' | 'cpu';
const soakOnly = process.argv.includes('--soak-only');
const file = fileURLToPath(
  new URL(
    `../results/server-${backend === 'webgpu' ? 'lavapipe' : 'cpu'}-${cpus().length}cpu.json`,
    import.meta.url,
  ),
);
const modelDir = fileURLToPath(new URL('../../models/prefixkit-tiny', import.meta.url));
const inputs = [
  'name : Aromi | Type : pub',
  'name : The Eagle | food : French | area : riverside',
  'name : Blue Spice | eatType : coffee shop | near : Burger King',
  'name : Zizzi | priceRange : cheap | customer rating : 5 out of 5',
];

/** The shipped E2E prefix and seven more prefix-flat adapters of other lengths. */
async function adapterRoot(server: Awaited<ReturnType<typeof createServer>>): Promise<string[]> {
  const root = server.options.adapterRoot!;
  cpSync(join(modelDir, 'prefixes', 'e2e'), join(root, 'e2e'), { recursive: true });
  const ids = ['e2e'];
  for (let k = 1; k < 8; k++) {
    const peft = await createPeftModel(
      server.base.model,
      { method: 'prefix-flat', prefixLength: 4 + k },
      { seed: k },
    );
    await savePeftDirectory(peft, join(root, `prefix-${k}`));
    peft.dispose();
    ids.push(`prefix-${k}`);
  }
  return ids;
}

interface Run {
  clients: number;
  models: number;
  requests: number;
  errors: number;
  seconds: number;
  tokensPerSecond: number;
  firstTokenP50: number;
  firstTokenP99: number;
  interTokenP50: number;
  interTokenP99: number;
}

async function run(
  url: string,
  clients: number,
  perClient: number,
  models: readonly string[],
  maxTokens = tokens,
): Promise<Run> {
  const timings: StreamTiming[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let r = 0; r < perClient; r++) {
        timings.push(
          await streamCompletion(url, {
            model: models[(client + r) % models.length],
            prompt: inputs[(client + r) % inputs.length],
            max_tokens: maxTokens,
            temperature: 0,
            banned_token_ids: [50256],
          }),
        );
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const generated = timings.reduce((n, t) => n + t.tokens, 0);
  const first = timings.filter((t) => t.ok).map((t) => t.firstToken);
  const gaps = timings.flatMap((t) => t.gaps);
  return {
    clients,
    models: models.length,
    requests: timings.length,
    errors: timings.filter((t) => !t.ok).length,
    seconds,
    tokensPerSecond: generated / seconds,
    firstTokenP50: percentile(first, 50),
    firstTokenP99: percentile(first, 99),
    interTokenP50: percentile(gaps, 50),
    interTokenP99: percentile(gaps, 99),
  };
}

const root = mkdtempSync(join(tmpdir(), 'prefixkit-bench-adapters-'));
const server = await createServer(
  {
    model: modelDir,
    modelId: 'prefixkit-tiny',
    adapterRoot: root,
    port: 0,
    backend,
    maxBatchRows: 64,
    maxQueue: 1024,
    requestTimeoutMs: 3_600_000,
  },
  { warn: () => {} },
);
const url = await server.listen();
const adapters = await adapterRoot(server);
const load = loadavg()[0];
// Warm-up: compile every pipeline, load every adapter.
await run(url, 8, 1, adapters, 4);

const results: Record<string, unknown> =
  soakOnly && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
if (!soakOnly) {
  const one = [adapters[0]!];
  results.concurrency = [];
  for (const clients of [1, 8, 64]) {
    const perClient = clients === 1 ? 8 : clients === 8 ? 4 : 1;
    const measured = await run(url, clients, perClient, one);
    (results.concurrency as Run[]).push(measured);
    console.log(JSON.stringify(measured));
  }
  const single = await run(url, 8, 4, one);
  const mixed = await run(url, 8, 4, adapters);
  results.mixedAdapters = {
    oneAdapter: single,
    eightAdapters: mixed,
    ratio: mixed.tokensPerSecond / single.tokensPerSecond,
  };
  console.log('mixed/one', (results.mixedAdapters as { ratio: number }).ratio.toFixed(2));
  const sequential = (results.concurrency as Run[])[0]!;
  results.batchingGain = single.tokensPerSecond / sequential.tokensPerSecond;
  console.log(
    'batching gain (8 clients / one at a time)',
    (results.batchingGain as number).toFixed(2),
  );
}

// Soak: 64 clients x soakRequests short requests over every adapter.
const buffersBefore = server.base.backend.liveBufferCount();
const rss: number[] = [];
const soakStart = performance.now();
const soakTimings: StreamTiming[] = [];
await Promise.all(
  Array.from({ length: 64 }, async (_, client) => {
    for (let r = 0; r < soakRequests; r++) {
      soakTimings.push(
        await streamCompletion(url, {
          model: adapters[(client + r) % adapters.length],
          prompt: inputs[r % inputs.length],
          max_tokens: 2,
          temperature: 0,
        }),
      );
      if (client === 0 && r % 10 === 0) rss.push(process.memoryUsage().rss);
    }
  }),
);
const quarter = Math.max(1, Math.floor(rss.length / 4));
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
results.soak = {
  clients: 64,
  requests: soakTimings.length,
  errors: soakTimings.filter((t) => !t.ok).length,
  seconds: (performance.now() - soakStart) / 1000,
  leakedRows: server.scheduler.running,
  // Device buffers alive before and after the soak (idle both times): none left behind.
  liveBuffersBefore: buffersBefore,
  liveBuffersAfter: server.base.backend.liveBufferCount(),
  rssMiBByQuarter: [0, 1, 2, 3].map(
    (q) => mean(rss.slice(q * quarter, q === 3 ? rss.length : (q + 1) * quarter)) / 2 ** 20,
  ),
  queuedAfter: server.scheduler.queued,
  rssFirstQuarterMiB: mean(rss.slice(0, quarter)) / 2 ** 20,
  rssLastQuarterMiB: mean(rss.slice(-quarter)) / 2 ** 20,
};
console.log(JSON.stringify(results.soak));
await server.shutdown();

const out = soakOnly
  ? results
  : {
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, loadAtStart: load },
      backend,
      model: 'prefixkit-tiny',
      maxTokens: tokens,
      date: new Date().toISOString(),
      ...results,
    };
writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${file}`);
