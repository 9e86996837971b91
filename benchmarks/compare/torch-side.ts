// Runs compare_torch.py on one case (the case as JSON on its stdin) after prefixkit's side has
// finished, so the two never share the cores. A failure of the script is the side's result,
// never the end of the run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type TorchPrecision = 'f32' | 'bf16-autocast';

/** What compare_torch.py prints: one run per precision, each with the case's own time lists. */
export interface TorchRuns {
  readonly torch: string;
  readonly device: string;
  readonly deviceName: string;
  readonly threads: number;
  readonly runs: readonly ({ readonly precision: TorchPrecision } & Record<string, unknown>)[];
}

export interface TorchSettings {
  readonly python: string;
  readonly script: string;
  readonly device: 'cpu' | 'cuda';
  readonly threads: number;
}

export type SideError = { readonly error: { readonly code: string; readonly message: string } };

export function isSideError(value: unknown): value is SideError {
  return typeof (value as { error?: unknown }).error === 'object';
}

/** The committed script beside this file (sources) or in ../compare (the bundle in dist/). */
export function defaultTorchScript(): string {
  const candidates = ['./compare_torch.py', '../compare/compare_torch.py'].map((relative) =>
    fileURLToPath(new URL(relative, import.meta.url)),
  );
  return candidates.find((file) => existsSync(file)) ?? (candidates[0] as string);
}

export function runTorch(
  torchCase: Record<string, unknown>,
  settings: TorchSettings,
  precisions: readonly TorchPrecision[],
): TorchRuns | SideError {
  const args = [
    settings.script,
    '--device',
    settings.device,
    '--threads',
    String(settings.threads),
    '--precisions',
    precisions.join(','),
  ];
  const run = spawnSync(settings.python, args, {
    input: JSON.stringify(torchCase),
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (run.error)
    return { error: { code: 'TORCH_SPAWN', message: `${settings.python}: ${run.error.message}` } };
  if (run.status !== 0) {
    const tail = run.stderr.trim().split('\n').slice(-3).join(' | ');
    return { error: { code: 'TORCH_FAILED', message: `exit ${run.status}: ${tail}` } };
  }
  return JSON.parse(run.stdout) as TorchRuns;
}
