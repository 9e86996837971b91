// Memory benchmark ("Speed and memory"): peak host and device memory while loading
// gpt2-medium-sized random weights (F32 ~1.4 GB and F16 ~0.7 GB safetensors files, written to a
// temporary directory here) through the streaming checkpoint reader into the CPU and WebGPU
// backends. Each load runs in a fresh process (memory-load.node.ts) so its peak RSS is its own.
//   pnpm bench:memory            (BENCH_BACKENDS=cpu,webgpu BENCH_DTYPES=F32,F16
//                                 BENCH_OUT=bench/results/<file>.json; prints the report)
// The bound checked: RSS growth <= the model's resident f32 bytes (+ on a software WebGPU
// device such as lavapipe, whose buffers are host memory: every device buffer) + one tensor.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRandomCheckpoint } from './random-checkpoint.node.js';

interface LoadReport {
  backend: string;
  adapter?: string;
  fileBytes: number;
  parameterBytesF32: number;
  largestParameterBytesF32: number;
  host: { rssBefore: number; rssPeakKernel: number };
  device?: { liveBufferBytesAfter: number; liveBufferBytesPeak: number };
}

const backends = (process.env.BENCH_BACKENDS ?? 'cpu,webgpu').split(',');
const dtypes = (process.env.BENCH_DTYPES ?? 'F32,F16').split(',') as ('F32' | 'F16')[];
const here = fileURLToPath(new URL('.', import.meta.url));

/** Loads `directory` in a child process on `backend` and returns its JSON report. */
function loadInChild(directory: string, backend: string): LoadReport {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(here, 'memory-load.node.ts'), directory, backend],
    { encoding: 'utf8', env: { ...process.env, TSX_TSCONFIG_PATH: join(here, 'tsconfig.json') } },
  );
  const line = output.trim().split('\n').at(-1)!;
  return JSON.parse(line) as LoadReport;
}

/** Derived figures: growth of RSS during the load against file size and the resident model. */
function judge(report: LoadReport, softwareDevice: boolean) {
  const growth = report.host.rssPeakKernel - report.host.rssBefore;
  // On a software adapter the device's buffers live in this process: they are resident too.
  const resident =
    report.device && softwareDevice ? report.device.liveBufferBytesPeak : report.parameterBytesF32;
  const hostOverhead = growth - resident;
  return {
    rssGrowthBytes: growth,
    rssGrowthOverFileBytes: growth / report.fileBytes,
    rssGrowthOverParameterBytesF32: growth / report.parameterBytesF32,
    residentBytes: resident,
    hostOverheadBytes: hostOverhead,
    hostOverheadOverLargestTensor: hostOverhead / report.largestParameterBytesF32,
    withinBound: hostOverhead <= report.largestParameterBytesF32,
  };
}

const directory = await mkdtemp(join(tmpdir(), 'prefixkit-memory-bench-'));
try {
  const loads = [];
  for (const dtype of dtypes) {
    const checkpoint = join(directory, dtype);
    const written = await writeRandomCheckpoint(checkpoint, 'gpt2-medium', dtype);
    for (const backend of backends) {
      const report = loadInChild(checkpoint, backend);
      const software = report.adapter !== undefined && /llvmpipe|swiftshader/i.test(report.adapter);
      loads.push({
        fileDtype: dtype,
        ...report,
        tensors: written.tensors,
        ...judge(report, software),
      });
    }
    await rm(checkpoint, { recursive: true, force: true });
  }
  const result = {
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      totalMemoryBytes: totalmem(),
      node: process.version,
    },
    model: 'gpt2-medium shapes (24 layers, 1024 channels, vocab 50257), random weights',
    loader: 'loadGpt2 <- openGpt2Checkpoint <- fileByteSource (one tensor read at a time)',
    loads,
  };
  const text = `${JSON.stringify(result, null, 2)}\n`;
  const out = process.env.BENCH_OUT;
  if (out) {
    await writeFile(`${out}.tmp`, text);
    await rename(`${out}.tmp`, out);
  }
  console.log(text);
} finally {
  await rm(directory, { recursive: true, force: true });
}
