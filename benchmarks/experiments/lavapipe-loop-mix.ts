// What lavapipe makes of the tuned matmul's k loop: compiles the kernel (and the load-free
// ceiling kernel, and three variants of lavapipe-variant-kernels.ts) in a child process with
// llvmpipe's machine-code dump on, finds the hot loop in the dump and counts its instructions
// by kind. It shows where the time goes on lavapipe:
// how much of the loop is the product's arithmetic and how much is loading operands.
//   pnpm --filter @prefixkit/benchmarks bench:lavapipe-loop-mix
// Results go to benchmarks/results/lavapipe-loop-mix.json. Needs lavapipe (GALLIVM_DEBUG=asm
// is llvmpipe's; release builds of Mesa 25 honour it).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { kernelSpecs } from '@prefixkit/tensor';
import { createWebGpuBackend, releaseDevice } from '@prefixkit/tensor/node';
import { fmaCeiling } from '../kernels/fma-ceiling';
import { writeJsonAtomic } from '../kernels/write-json-atomic';
import { matmulVariants, variantWgsl } from './lavapipe-variant-kernels';
import { classifyLoop, hottestLoop, parseFunctions } from './llvmpipe-asm';

const { values: flags } = parseArgs({
  options: {
    child: { type: 'string' },
    out: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});

const here = path.dirname(fileURLToPath(import.meta.url));
/** The variants of lavapipe-variant-kernels.ts whose loops are compared with the tuned one's. */
const probedVariants = [
  'broadcast 16x4 (tuned layout)',
  'broadcast 16x4, uniform buffers',
  'broadcast 16x4, workgroup memory',
];
const kernels = ['matmul', 'fmaCeiling', ...probedVariants];
/** Child: compile and run one kernel once on a small aligned product, then exit. */
async function compileOne(kernel: string) {
  const backend = await createWebGpuBackend();
  const size = 64;
  const uniforms = {
    batch: 1,
    M: size,
    N: size,
    K: size,
    transposeA: 0,
    transposeB: 0,
    strideA: 0,
    strideB: 0,
    strideC: 0,
  };
  if (kernel === 'matmul' || kernel === 'fmaCeiling') {
    const c = backend.allocate(size * size, 'f32');
    const a = backend.allocate(size * size, 'f32');
    const b = backend.allocate(size * size, 'f32');
    if (kernel === 'matmul')
      backend.runSpec(kernelSpecs.matmul, { inputs: [a, b], outputs: [c], uniforms });
    else backend.runSpec(fmaCeiling, { inputs: [], outputs: [c], uniforms });
    await backend.synchronize();
  } else {
    await dispatchVariantOnce(backend.device, kernel, size);
  }
  backend.destroy();
  await releaseDevice();
}

/** llvmpipe compiles a pipeline at its first dispatch: one workgroup on zeroed 64 KiB operands. */
async function dispatchVariantOnce(device: GPUDevice, name: string, size: number) {
  const variant = matmulVariants.find((v) => v.name === name);
  if (!variant) throw new Error(`no variant named ${name}`);
  const module = device.createShaderModule({ code: variantWgsl(variant) });
  const pipeline = device.createComputePipeline({
    layout: 'auto',
    compute: { module, entryPoint: 'main' },
  });
  const inUniforms = variant.kind === 'broadcast' && variant.source === 'uniform';
  const operandUsage = inUniforms ? GPUBufferUsage.UNIFORM : GPUBufferUsage.STORAGE;
  const buffers = [operandUsage, operandUsage, GPUBufferUsage.STORAGE].map((usage) =>
    device.createBuffer({ size: 65536, usage }),
  );
  const shape = device.createBuffer({
    size: 16,
    usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
  });
  device.queue.writeBuffer(shape, 0, new Uint32Array([size, size, size, 0]));
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [...buffers, shape].map((buffer, binding) => ({ binding, resource: { buffer } })),
  });
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bindGroup);
  pass.dispatchWorkgroups(1, 1);
  pass.end();
  device.queue.submit([encoder.finish()]);
  await device.queue.onSubmittedWorkDone();
  for (const buffer of [...buffers, shape]) buffer.destroy();
}

/** Parent: the dump of one kernel's compilation, from a child with the dump switched on. */
function dumpOf(kernel: string): string {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--child', kernel],
    {
      // The shader cache would skip compilation, and with it the dump.
      env: { ...process.env, MESA_SHADER_CACHE_DISABLE: 'true', GALLIVM_DEBUG: 'asm' },
      encoding: 'utf8',
      maxBuffer: 256 * 2 ** 20,
    },
  );
  if (child.status !== 0)
    throw new Error(
      `compiling ${kernel} failed (exit ${child.status}):\n${child.stderr.slice(-2000)}`,
    );
  return child.stderr;
}

function probe(kernel: string) {
  const functions = parseFunctions(dumpOf(kernel));
  if (functions.length === 0)
    throw new Error(
      `no machine code in the dump of ${kernel}: is the adapter lavapipe (llvmpipe)?`,
    );
  const loop = hottestLoop(functions);
  if (!loop) throw new Error(`no loop with vector arithmetic in the dump of ${kernel}`);
  return {
    kernel,
    function: loop.functionName,
    start: `0x${loop.start.toString(16)}`,
    // The share of the kernel's product arithmetic that this loop holds (the rest: tails).
    arithmeticInFunction: loop.functionArithmetic,
    ...classifyLoop(loop.instructions),
  };
}

async function main() {
  if (flags.child) {
    if (!kernels.includes(flags.child))
      throw new Error(`--child: expected one of ${kernels.join(', ')}, got ${flags.child}`);
    await compileOne(flags.child);
    return;
  }
  const loops = kernels.map(probe);
  for (const loop of loops) {
    process.stderr.write(
      `${loop.kernel}: hot loop at ${loop.start}, ${loop.total} instructions per iteration; the kernel has ${loop.arithmeticInFunction} vector mul/add/FMA in all\n`,
    );
    for (const [kind, count] of Object.entries(loop.byKind))
      process.stderr.write(
        `  ${kind.padEnd(44)} ${String(count).padStart(5)}  ${((100 * count) / loop.total).toFixed(1)}%\n`,
      );
  }
  const document = {
    schemaVersion: 1,
    benchmark: 'lavapipe-loop-mix',
    date: new Date().toISOString(),
    command: 'bench:lavapipe-loop-mix',
    loops,
  };
  if (!flags['no-write']) {
    const file = flags.out ?? path.join(here, '..', 'results', 'lavapipe-loop-mix.json');
    await writeJsonAtomic(file, document);
    process.stderr.write(`wrote ${file}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
