// Times the matmul variants of lavapipe-variant-kernels.ts beside the tuned kernel on one
// forward shape, in one run: which ideas for a faster kernel on lavapipe pay off.
//   pnpm --filter @prefixkit/benchmarks bench:lavapipe-variants [--shape 1024,2304,768] [--reps 5]
// Results go to benchmarks/results/matmul-variants-<machine>.json (findings: docs/experiments/2026-11-26-lavapipe-matmul.md).
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createWebGpuBackend, releaseDevice } from '@prefixkit/tensor/node';
import { describeMachine } from '../kernels/machine';
import { productOperands } from '../kernels/product-operands';
import { sampledError } from '../kernels/sampled-error';
import { seededValues } from '../kernels/seeded-values';
import { writeJsonAtomic } from '../kernels/write-json-atomic';
import { uniformTilesProduct } from './lavapipe-uniform-tiles';
import {
  matmulVariants,
  UNIFORM_WINDOW,
  variantDispatch,
  variantWgsl,
} from './lavapipe-variant-kernels';

const { values: flags } = parseArgs({
  options: {
    shape: { type: 'string', default: '1024,2304,768' },
    reps: { type: 'string', default: '5' },
    out: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});

const here = path.dirname(fileURLToPath(import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);

function parseShape(text: string): { M: number; N: number; K: number } {
  const parts = text.split(',').map(Number);
  const [M, N, K] = parts;
  if (parts.length !== 3 || !parts.every((x) => Number.isInteger(x) && x > 0))
    throw new Error(`--shape: expected M,N,K as three positive integers, got ${text}`);
  if ((K as number) % 4 !== 0 || (N as number) % 4 !== 0)
    throw new Error(`--shape: the variants need K and N multiples of 4, got ${text}`);
  return { M: M as number, N: N as number, K: K as number };
}

const { M, N, K } = parseShape(flags.shape);
const reps = Number(flags.reps);
if (!Number.isInteger(reps) || reps < 1)
  throw new Error(`--reps: expected a positive integer, got ${flags.reps}`);
const flops = 2 * M * N * K;
const plainShape = { M, N, K, transposeA: 0, transposeB: 0 } as const;

interface Timing {
  readonly name: string;
  readonly gflops: number;
  readonly gflopsBest: number;
  /** null where the variant computes on a window of the operands (timing only). */
  readonly maxSampledError: number | null;
}

async function timeRuns(run: () => Promise<void>): Promise<{ gflops: number; gflopsBest: number }> {
  await run(); // pipeline creation and first touch
  const times: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)] as number;
  return { gflops: flops / (median * 1e6), gflopsBest: flops / ((times[0] as number) * 1e6) };
}

async function main() {
  const backend = await createWebGpuBackend();
  const device = backend.device;
  const machine = describeMachine(backend.adapter, backend.features);
  if (backend.deviceConstants.subgroupSize !== 8)
    throw new Error(
      `the variants are written for 8-lane subgroups (lavapipe); this device has ${backend.deviceConstants.subgroupSize ?? 'none'}`,
    );
  log(`adapter: ${backend.adapter.description}; shape ${M}x${K} @ ${K}x${N}`);

  const aValues = seededValues(M * K, 1);
  const bValues = seededValues(K * N, 2);
  const rows: Timing[] = [];

  // The tuned kernel through the backend, as the tensor ops run it.
  const { a, b, c, release } = productOperands(backend, aValues, bValues, M * N);
  const uniforms = {
    batch: 1,
    M,
    N,
    K,
    transposeA: 0,
    transposeB: 0,
    strideA: 0,
    strideB: 0,
    strideC: 0,
  };
  const tuned = await timeRuns(async () => {
    backend.run('matmul', { inputs: [a, b], outputs: [c], uniforms });
    await backend.synchronize();
  });
  const tunedError = sampledError(
    (await backend.read(c)) as Float32Array,
    aValues,
    bValues,
    plainShape,
  );
  rows.push({ name: 'tuned kernel (kernelSpecs.matmul)', ...tuned, maxSampledError: tunedError });
  log(`tuned kernel: ${tuned.gflops.toFixed(1)} GFLOP/s (best ${tuned.gflopsBest.toFixed(1)})`);
  release();

  // The variants on buffers and textures of their own (A as (M, K/4) and B as (K, N/4)
  // rgba32float texels).
  const storage = (data: Float32Array<ArrayBuffer>) => {
    const made = device.createBuffer({
      size: data.byteLength,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
    });
    device.queue.writeBuffer(made, 0, data);
    return made;
  };
  const texture = (width: number, height: number, data: Float32Array<ArrayBuffer>) => {
    const made = device.createTexture({
      size: [width, height],
      format: 'rgba32float',
      usage: GPUTextureUsage.TEXTURE_BINDING | GPUTextureUsage.COPY_DST,
    });
    device.queue.writeTexture({ texture: made }, data, { bytesPerRow: width * 16 }, [
      width,
      height,
    ]);
    return made;
  };
  const aBuffer = storage(aValues);
  const bBuffer = storage(bValues);
  const cBuffer = device.createBuffer({
    size: M * N * 4,
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
  });
  const readBuffer = device.createBuffer({
    size: M * N * 4,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  const uniformWindow = (data: Float32Array<ArrayBuffer>) => {
    const made = device.createBuffer({
      size: UNIFORM_WINDOW * 16,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
    device.queue.writeBuffer(made, 0, data.subarray(0, UNIFORM_WINDOW * 4));
    return made;
  };
  const aWindow = uniformWindow(aValues);
  const bWindow = uniformWindow(bValues);
  const aTexture = texture(K / 4, M, aValues);
  const bTexture = texture(N / 4, K, bValues);
  const uniformBuffer = device.createBuffer({
    size: 16,
    usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
  });
  device.queue.writeBuffer(uniformBuffer, 0, new Uint32Array([M, N, K, 0]));
  const readC = async () => {
    const encoder = device.createCommandEncoder();
    encoder.copyBufferToBuffer(cBuffer, 0, readBuffer, 0, M * N * 4);
    device.queue.submit([encoder.finish()]);
    await readBuffer.mapAsync(GPUMapMode.READ);
    const values = new Float32Array(readBuffer.getMappedRange().slice(0));
    readBuffer.unmap();
    return values;
  };

  const record = (
    name: string,
    timing: { gflops: number; gflopsBest: number },
    error: number | null,
  ) => {
    if (error !== null && !(error < 1e-3))
      throw new Error(`${name}: wrong product (max sampled error ${error})`);
    rows.push({ name, ...timing, maxSampledError: error });
    log(`${name}: ${timing.gflops.toFixed(1)} GFLOP/s (best ${timing.gflopsBest.toFixed(1)})`);
  };
  for (const variant of matmulVariants) {
    const module = device.createShaderModule({ label: variant.name, code: variantWgsl(variant) });
    const pipeline = device.createComputePipeline({
      layout: 'auto',
      compute: { module, entryPoint: 'main' },
    });
    const source = variant.kind === 'broadcast' ? variant.source : 'storage';
    const operand = (buffer: GPUBuffer, made: GPUTexture, window: GPUBuffer): GPUBindingResource =>
      source === 'texture' ? made.createView() : { buffer: source === 'uniform' ? window : buffer };
    const bindGroup = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: operand(aBuffer, aTexture, aWindow) },
        { binding: 1, resource: operand(bBuffer, bTexture, bWindow) },
        { binding: 2, resource: { buffer: cBuffer } },
        { binding: 3, resource: { buffer: uniformBuffer } },
      ],
    });
    const [x, y] = variantDispatch(variant, M, N);
    const timing = await timeRuns(async () => {
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bindGroup);
      pass.dispatchWorkgroups(x, y);
      pass.end();
      device.queue.submit([encoder.finish()]);
      await device.queue.onSubmittedWorkDone();
    });
    const windowOnly = source === 'workgroup' || source === 'uniform';
    const error = windowOnly ? null : sampledError(await readC(), aValues, bValues, plainShape);
    record(variant.name, timing, error);
  }
  // The whole product with B in 64 KiB uniform tiles (K and N must divide into tiles).
  for (const tileRows of [64, 256]) {
    if (K % tileRows !== 0 || N % (16384 / tileRows) !== 0) continue;
    const product = uniformTilesProduct(device, { M, N, K }, aBuffer, bValues, cBuffer, tileRows);
    const timing = await timeRuns(async () => {
      product.run();
      await device.queue.onSubmittedWorkDone();
    });
    const name = `uniform tiles of B, ${tileRows} x ${16384 / tileRows} (${product.dispatches} dispatches)`;
    record(name, timing, sampledError(await readC(), aValues, bValues, plainShape));
    product.destroy();
  }
  for (const made of [
    aBuffer,
    bBuffer,
    cBuffer,
    readBuffer,
    uniformBuffer,
    aWindow,
    bWindow,
    aTexture,
    bTexture,
  ])
    made.destroy();

  const document = {
    schemaVersion: 1,
    benchmark: 'matmul-variants',
    date: new Date().toISOString(),
    command: `bench:lavapipe-variants --shape ${flags.shape} --reps ${reps}`,
    machine,
    loadAverageAtEnd: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    shape: { M, N, K },
    results: rows,
  };
  if (!flags['no-write']) {
    const file =
      flags.out ?? path.join(here, '..', 'results', `matmul-variants-${machine.slug}.json`);
    await writeJsonAtomic(file, document);
    log(`wrote ${file}`);
  }
  backend.destroy();
  await releaseDevice();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
