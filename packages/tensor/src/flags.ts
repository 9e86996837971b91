// Runtime debug switches of @prefixkit/tensor, declared in one place (tinygrad ContextVar, tfjs
// registerFlag). Read from the environment where there is one (Node); absent in browsers.
// The WebGPU backend's own switches (PREFIXKIT_PRINT_WGSL) live in backends/webgpu/webgpu-flags.ts.

function environmentVariable(name: string): string | undefined {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } })
    .process;
  return process?.env?.[name];
}

/**
 * PREFIXKIT_DEBUG=1 keeps a creation stack on each tensor, so a use-after-dispose error names
 * where the tensor was made (costly: one stack capture per tensor).
 */
export function debugEnabled(): boolean {
  const value = environmentVariable('PREFIXKIT_DEBUG');
  return value !== undefined && value !== '' && value !== '0';
}

/** PREFIXKIT_BACKEND=cpu|webgpu: the backend the Node entry point picks when none is given. */
export function requestedBackend(): 'cpu' | 'webgpu' | undefined {
  const value = environmentVariable('PREFIXKIT_BACKEND');
  return value === 'cpu' || value === 'webgpu' ? value : undefined;
}
