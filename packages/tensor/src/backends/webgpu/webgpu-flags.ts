// Debug switches of the WebGPU backend, read from the environment where there is one (Node) and
// absent in browsers. PREFIXKIT_PRINT_WGSL follows tfjs' WEBGPU_PRINT_SHADER.
import { ConfigValidationError } from '@prefixkit/errors';

function environmentVariable(name: string): string | undefined {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } })
    .process;
  return process?.env?.[name];
}

/**
 * PREFIXKIT_PRINT_WGSL=matmul,geluForward prints those kernels' WGSL when their pipeline is
 * built; `all` or `*` prints every kernel.
 */
export function shouldPrintWgsl(kernelName: string): boolean {
  const value = environmentVariable('PREFIXKIT_PRINT_WGSL');
  if (!value) return false;
  const names = value.split(',').map((name) => name.trim());
  return names.includes(kernelName) || names.includes('all') || names.includes('*');
}

/**
 * PREFIXKIT_DAWN_FLAGS: Dawn instance flags for the Node device, separated by spaces, each
 * `name=value` as the `webgpu` package's create() takes them (e.g.
 * `enable-dawn-features=disable_robustness` or `backend=vulkan`). Node only; read once, when the
 * first device is created.
 */
export function dawnInstanceFlags(): string[] {
  const value = environmentVariable('PREFIXKIT_DAWN_FLAGS');
  if (!value) return [];
  const flags = value.split(/\s+/).filter((flag) => flag !== '');
  const bad = flags.find((flag) => !/^[a-z][a-z0-9-]*=\S+$/.test(flag));
  if (bad !== undefined)
    throw new ConfigValidationError(
      `expected Dawn flags name=value separated by spaces, got '${bad}' in '${value}'`,
      { field: 'PREFIXKIT_DAWN_FLAGS' },
    );
  return flags;
}
