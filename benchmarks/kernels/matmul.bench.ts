// Matmul benchmark: GFLOP/s of the naive and tuned WGSL kernels on GPT-2 training shapes, next
// to PyTorch's matmul on the same shapes in the same run (matmul_torch.py), with the ratio.
//   pnpm --filter @prefixkit/benchmarks bench:matmul [--quick] [--json] [--reps 3]
// Results go to benchmarks/results/matmul-<machine>.json (see README.md for every flag).
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { kernelSpecs, matmulTileConstants } from '@prefixkit/tensor';
import { createWebGpuBackend, releaseDevice, type WebGpuBackend } from '@prefixkit/tensor/node';
import { fmaCeiling } from './fma-ceiling';
import { describeMachine } from './machine';
import { flopsOf, type MatmulShape, matmulShapeSets, quickMatmulShapes } from './matmul-shapes';
import { productOperands } from './product-operands';
import { sampledError } from './sampled-error';
import { seededValues } from './seeded-values';
import { runTorchBaseline, type TorchBaseline, type TorchTiming } from './torch-baseline';
import { verifyMatmul } from './verify-matmul';
import { writeJsonAtomic } from './write-json-atomic';

const { values: flags } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    set: { type: 'string', default: 'all' },
    reps: { type: 'string', default: '5' },
    'naive-reps': { type: 'string', default: '1' },
    'skip-naive': { type: 'boolean', default: false },
    'no-torch': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    ceiling: { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
    'torch-device': { type: 'string', default: 'cpu' },
    python: { type: 'string' },
    'torch-script': { type: 'string' },
    out: { type: 'string' },
  },
});

const here = path.dirname(fileURLToPath(import.meta.url));
// Human-readable progress goes to stderr so that `--json` leaves stdout to the JSON document.
const log = (line: string) => process.stderr.write(`${line}\n`);

interface KernelTiming {
  readonly msMedian: number;
  readonly msBest: number;
  /** From the median time. */
  readonly gflops: number;
  /** From the best time: on a shared machine the least disturbed run. */
  readonly gflopsBest: number;
  readonly reps: number;
}

function summarize(times: number[], shape: MatmulShape): KernelTiming {
  times.sort((x, y) => x - y);
  const msMedian = times[Math.floor(times.length / 2)] as number;
  const msBest = times[0] as number;
  const flops = flopsOf(shape);
  return {
    msMedian,
    msBest,
    gflops: flops / (msMedian * 1e6),
    gflopsBest: flops / (msBest * 1e6),
    reps: times.length,
  };
}

async function timeKernel(
  backend: WebGpuBackend,
  kernel: 'matmul' | 'matmulNaive',
  call: Parameters<WebGpuBackend['run']>[1],
  shape: MatmulShape,
  reps: number,
): Promise<KernelTiming> {
  backend.run(kernel, call); // warm-up: pipeline creation and first-touch of the buffers
  await backend.synchronize();
  const times: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const start = performance.now();
    backend.run(kernel, call);
    await backend.synchronize();
    times.push(performance.now() - start);
  }
  return summarize(times, shape);
}

/** The load-free kernel of fma-ceiling.ts on the same dispatch: what the tuned kernel could reach. */
async function timeCeiling(
  backend: WebGpuBackend,
  c: ReturnType<WebGpuBackend['allocate']>,
  uniforms: Record<string, number>,
  shape: MatmulShape,
): Promise<KernelTiming> {
  const call = { inputs: [], outputs: [c], uniforms };
  backend.runSpec(fmaCeiling, call);
  await backend.synchronize();
  const times: number[] = [];
  for (let rep = 0; rep < Number(flags.reps); rep++) {
    const start = performance.now();
    backend.runSpec(fmaCeiling, call);
    await backend.synchronize();
    times.push(performance.now() - start);
  }
  return summarize(times, shape);
}

// Path ids of the tuned kernel's `reportPath` constant (MATMUL_PATHS in
// packages/tensor/src/kernels/matmul/matmul-blocked.wgsl.ts).
const tunedPathNames: Readonly<Record<number, string>> = {
  1: 'generic',
  2: 'aligned',
  3: 'ragged',
};

/** The path (generic, aligned or ragged fast) the tuned kernel's shader reports taking. */
async function tunedPath(
  backend: WebGpuBackend,
  call: Parameters<WebGpuBackend['run']>[1],
): Promise<string> {
  backend.runSpec(kernelSpecs.matmul, { ...call, constants: { ...call.constants, reportPath: 1 } });
  const id = ((await backend.read(call.outputs[0] as never)) as Float32Array)[0] as number;
  return tunedPathNames[id] ?? `unknown (${id})`;
}

async function benchmarkShape(backend: WebGpuBackend, shape: MatmulShape, index: number) {
  const { M, N, K } = shape;
  const aValues = seededValues(M * K, 2 * index + 1);
  const bValues = seededValues(K * N, 2 * index + 2);
  const { a, b, c, release } = productOperands(backend, aValues, bValues, M * N);
  const uniforms = {
    batch: 1,
    M,
    N,
    K,
    transposeA: shape.transposeA,
    transposeB: shape.transposeB,
    strideA: 0,
    strideB: 0,
    strideC: 0,
  };
  const call = { inputs: [a, b], outputs: [c], uniforms };
  // The tile the matmul op picks for this M (smaller for products with few rows).
  const tile = matmulTileConstants(M);
  const tunedCall = { ...call, constants: tile };
  const tuned = await timeKernel(backend, 'matmul', tunedCall, shape, Number(flags.reps));
  // Read before the default-tile run below overwrites C.
  const tunedError = sampledError((await backend.read(c)) as Float32Array, aValues, bValues, shape);
  // With a small tile, the default 16-row one too: what the tile choice gains.
  const defaultTile =
    Object.keys(tile).length === 0
      ? null
      : await timeKernel(backend, 'matmul', call, shape, Number(flags.reps));
  const path = await tunedPath(backend, tunedCall);
  const naive = flags['skip-naive']
    ? null
    : await timeKernel(backend, 'matmulNaive', call, shape, Number(flags['naive-reps']));
  const naiveError = naive
    ? sampledError((await backend.read(c)) as Float32Array, aValues, bValues, shape)
    : null;
  const ceiling = flags.ceiling ? await timeCeiling(backend, c, uniforms, shape) : null;
  release();
  return {
    ...shape,
    gflop: flopsOf(shape) / 1e9,
    tunedPath: path,
    tunedTile: tile,
    tunedDefaultTile: defaultTile,
    tuned,
    naive,
    fmaCeiling: ceiling,
    maxSampledError: { tuned: tunedError, naive: naiveError },
  };
}

function defaultPython(): string {
  return flags.python ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
}

function defaultTorchScript(): string {
  const candidates = [
    path.join(here, 'matmul_torch.py'),
    path.join(here, '../kernels/matmul_torch.py'),
  ];
  return (
    flags['torch-script'] ??
    candidates.find((file) => existsSync(file)) ??
    (candidates[0] as string)
  );
}

async function main() {
  const backend = await createWebGpuBackend();
  const machine = describeMachine(backend.adapter, backend.features);
  const deviceConstants = backend.deviceConstants;
  log(
    `adapter: ${JSON.stringify(backend.adapter)}\ndevice constants: ${JSON.stringify(backend.deviceConstants)}`,
  );
  const verification = flags.verify ? await verifyMatmul(backend) : null;
  if (verification)
    log(
      `verification: ${verification.cases} cases, max |tuned - naive| ${verification.maxAbsDifference}, ${verification.failures.length} failing${verification.failures.map((line) => `\n  ${line}`).join('')}`,
    );
  const shapeSet = matmulShapeSets[flags.set];
  if (!shapeSet)
    throw new Error(
      `--set: expected one of ${Object.keys(matmulShapeSets).join(', ')}, got ${flags.set}`,
    );
  const shapes = flags.quick ? quickMatmulShapes : shapeSet;
  const torchOptions = {
    python: defaultPython(),
    script: defaultTorchScript(),
    device: flags['torch-device'] === 'cuda' ? ('cuda' as const) : ('cpu' as const),
    reps: 5,
  };
  // PyTorch runs right after the WGSL kernels of the same shape, so both see the same machine
  // load (this machine is shared; the load average is recorded too).
  let torchInfo: Omit<TorchBaseline, 'results'> | null = null;
  let torchSkipped: string | null = flags['no-torch'] ? '--no-torch' : null;
  const results = [];
  for (const [index, shape] of shapes.entries()) {
    const row = await benchmarkShape(backend, shape, index);
    let reference: TorchTiming | null = null;
    if (torchSkipped === null) {
      const baseline = runTorchBaseline([shape], torchOptions);
      if ('skipped' in baseline) torchSkipped = baseline.skipped;
      else {
        const { results: timings, ...info } = baseline;
        torchInfo = info;
        reference = timings[0] ?? null;
      }
    }
    const ceilingText = row.fmaCeiling
      ? `, load-free ceiling ${row.fmaCeiling.gflops.toFixed(2)}`
      : '';
    const naiveText = row.naive ? `, naive ${row.naive.gflops.toFixed(2)}` : '';
    const tileText = row.tunedDefaultTile
      ? ` with tile ${JSON.stringify(row.tunedTile)} (default tile ${row.tunedDefaultTile.gflops.toFixed(2)})`
      : '';
    const torchText = reference ? `, torch ${reference.gflops.toFixed(1)}` : '';
    log(
      `${shape.name}: tuned (${row.tunedPath} path) ${row.tuned.gflops.toFixed(2)} GFLOP/s${tileText}${naiveText}${ceilingText}${torchText}`,
    );
    results.push({
      ...row,
      torch: reference,
      tunedToTorch: reference ? row.tuned.gflops / reference.gflops : null,
      tunedToTorchBest: reference ? reference.msBest / row.tuned.msBest : null,
      tunedToNaive: row.naive ? row.tuned.gflops / row.naive.gflops : null,
    });
  }
  backend.destroy();
  await releaseDevice();

  const document = {
    schemaVersion: 1,
    benchmark: 'matmul',
    date: new Date().toISOString(),
    command: [
      'node',
      ...process.execArgv,
      ...process.argv.slice(1).map((part) => path.relative(process.cwd(), part) || part),
    ].join(' '),
    machine,
    loadAverageAtEnd: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    deviceConstants,
    verification,
    torch: torchInfo ?? { skipped: torchSkipped },
    results,
  };
  log(
    'GFLOP/s from median times (best times in brackets); tuned/torch ratios of medians [of bests]',
  );
  for (const row of results) {
    const pair = (timing: KernelTiming | TorchTiming | null, digits: number) =>
      timing
        ? `${timing.gflops.toFixed(digits)} [${(flopsOf(row) / (timing.msBest * 1e6)).toFixed(digits)}]`
        : '-';
    const ratio =
      row.tunedToTorch === null
        ? 'n/a'
        : `${row.tunedToTorch.toFixed(3)}x [${row.tunedToTorchBest?.toFixed(3)}x]`;
    log(
      `${row.name.padEnd(48)} tuned ${pair(row.tuned, 2).padStart(16)}  naive ${pair(row.naive, 2).padStart(12)}  torch ${pair(row.torch, 1).padStart(14)}  tuned/torch ${ratio}`,
    );
  }
  if (torchSkipped !== null) log(`PyTorch baseline skipped: ${torchSkipped}`);
  if (!flags['no-write']) {
    const file = flags.out ?? path.join(here, '../results', `matmul-${machine.slug}.json`);
    await writeJsonAtomic(file, document);
    log(`wrote ${file}`);
  }
  if (flags.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}

await main();
