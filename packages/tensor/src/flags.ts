// Runtime debug switches of @prefixkit/tensor, declared in one place (tinygrad ContextVar, tfjs
// registerFlag). Read from the environment where there is one (Node); absent in browsers.
// The WebGPU backend's own switches (PREFIXKIT_PRINT_WGSL) live in backends/webgpu/webgpu-flags.ts.

/** A variable of the process environment, or undefined where there is none (browsers). */
export function environmentVariable(name: string): string | undefined {
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

/**
 * PREFIXKIT_BACKEND=cpu|webgpu: the backend to use when none is given (other values: undefined).
 * backendFromEnvironment() turns `cpu` into a backend; `webgpu` needs the Node/browser entry.
 */
export function requestedBackend(): 'cpu' | 'webgpu' | undefined {
  const value = environmentVariable('PREFIXKIT_BACKEND');
  return value === 'cpu' || value === 'webgpu' ? value : undefined;
}

/**
 * PREFIXKIT_ROW_KERNELS=workgroup runs the softmax and layer-norm row kernels one 64-lane
 * workgroup per row (faster on real GPUs); unset or `thread`: one thread per row (the default,
 * faster on lavapipe, whose barriers are costly). Returns the kernels' specialisation constants.
 */
export function rowKernelConstants(): { workgroupPerRow: number } | undefined {
  return environmentVariable('PREFIXKIT_ROW_KERNELS') === 'workgroup'
    ? { workgroupPerRow: 1 }
    : undefined;
}
