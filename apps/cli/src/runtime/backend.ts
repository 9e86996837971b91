// The compute backend a command runs on: WebGPU (Dawn through @prefixkit/tensor/node) by
// default, or the CPU reference backend with `--backend cpu` / PREFIXKIT_BACKEND=cpu. WebGPU is
// the default because it is the faster of the two even on lavapipe: on the 2-core CI box a
// prefix-tuning step of a 2-layer, 64-wide GPT-2 (vocabulary 50257, batch 5 of E2E) ran at
// ~185 tokens/s on WebGPU against ~12 tokens/s on the CPU backend, and prefix-tuning
// models/prefixkit-tiny (4x128) at ~65 against ~6 tokens/s, with equal losses
// (docs/experiments/2026-11-26-backend-speed.md).
import { UsageError } from '../errors';

export type BackendName = 'webgpu' | 'cpu';

/** The backend name from the option (wins), else PREFIXKIT_BACKEND, else webgpu. */
export function chooseBackend(
  option: BackendName | undefined,
  env: NodeJS.ProcessEnv,
): { name: BackendName; reason: string } {
  if (option) return { name: option, reason: `--backend ${option}` };
  const fromEnv = env.PREFIXKIT_BACKEND;
  if (fromEnv === 'cpu' || fromEnv === 'webgpu')
    return { name: fromEnv, reason: `PREFIXKIT_BACKEND=${fromEnv}` };
  if (fromEnv)
    throw new UsageError(
      'CLI_BAD_OPTION_VALUE',
      `PREFIXKIT_BACKEND: expected cpu or webgpu, got '${fromEnv}'`,
    );
  return { name: 'webgpu', reason: 'default' };
}

/** The `backend` option every compute command shares. */
export const backendOption = {
  type: 'string',
  description:
    'Where to compute: webgpu (Dawn; lavapipe on a CPU-only machine) or cpu (reference kernels, much slower). Default: PREFIXKIT_BACKEND, else webgpu.',
  enum: ['webgpu', 'cpu'],
} as const;
