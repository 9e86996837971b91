// Runs the committed PyTorch script (matmul_torch.py) on the same shapes in the same run, so
// the tuned-to-PyTorch ratio compares one machine at one moment. Absent PyTorch is not an error:
// the benchmark then reports no ratio.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { MatmulShape } from './matmul-shapes';

export interface TorchTiming {
  readonly name: string;
  readonly msMedian: number;
  readonly msBest: number;
  readonly gflops: number;
}

export interface TorchBaseline {
  readonly torch: string;
  readonly device: string;
  readonly threads: number | null;
  readonly deviceName: string;
  readonly results: readonly TorchTiming[];
}

export interface TorchOptions {
  readonly python: string;
  readonly script: string;
  readonly device: 'cpu' | 'cuda';
  readonly reps: number;
}

/** The PyTorch timings, or the reason there are none. */
export function runTorchBaseline(
  shapes: readonly MatmulShape[],
  options: TorchOptions,
): TorchBaseline | { skipped: string } {
  if (!existsSync(options.script)) return { skipped: `no script at ${options.script}` };
  const probe = spawnSync(options.python, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.status !== 0)
    return {
      skipped: `${options.python} -c 'import torch' failed: ${(probe.stderr || String(probe.error)).trim().split('\n').pop()}`,
    };
  const args = [
    options.script,
    '--device',
    options.device,
    '--reps',
    String(options.reps),
    '--shapes',
    JSON.stringify(shapes),
  ];
  const run = spawnSync(options.python, args, { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  if (run.status !== 0)
    return {
      skipped: `matmul_torch.py failed: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`,
    };
  return JSON.parse(run.stdout) as TorchBaseline;
}
