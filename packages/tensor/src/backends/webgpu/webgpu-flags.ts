// Debug switches of the WebGPU backend, read from the environment where there is one (Node) and
// absent in browsers. PREFIXKIT_PRINT_WGSL follows tfjs' WEBGPU_PRINT_SHADER.

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
