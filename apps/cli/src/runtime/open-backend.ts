// Opens the backend a command computes on (chosen by chooseBackend in backend.ts) and says how to
// release it, so Node can exit once a WebGPU device is done.
import { type Backend, CpuBackend } from '@prefixkit/tensor';
import { createWebGpuBackend } from '@prefixkit/tensor/node';
import { type BackendName, chooseBackend } from './backend';

export interface OpenedBackend {
  readonly name: BackendName;
  readonly backend: Backend;
  /** Why this backend: the flag, the environment, or the default. */
  readonly reason: string;
  /** Frees the device so Node can exit (WebGPU); a no-op on the CPU. */
  release(): Promise<void>;
}

/** Opens the chosen backend; WebGPU without an adapter throws WEBGPU_UNAVAILABLE (exit 6). */
export async function openBackend(
  option: BackendName | undefined,
  env: NodeJS.ProcessEnv,
): Promise<OpenedBackend> {
  const { name, reason } = chooseBackend(option, env);
  if (name === 'cpu') {
    return { name, reason, backend: new CpuBackend(), release: async () => {} };
  }
  const backend = await createWebGpuBackend();
  return {
    name,
    reason,
    backend,
    // The last hold on the shared device destroys it, and Node can exit.
    release: async () => backend.destroy(),
  };
}
