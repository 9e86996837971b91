// A KernelSpec for an element-wise kernel whose only shape uniform is `size` (one thread per
// element). Shared by the unary, activation and dropout kernel folders.
import type { KernelSpec, KernelTolerance } from './kernel-spec';
import { elementDispatch, type KernelInterface, mapKernelWgsl, WORKGROUP_SIZE } from './wgsl';

export function mapSpec(
  name: string,
  kernel: KernelInterface,
  expr: string,
  tolerance: KernelTolerance,
  helpers = '',
): KernelSpec {
  const code = mapKernelWgsl(kernel, expr, helpers);
  return {
    name,
    ...kernel,
    wgsl: () => code,
    workgroupSize: [WORKGROUP_SIZE, 1, 1],
    dispatch: (uniforms) => elementDispatch(uniforms.size ?? 0),
    tolerance,
  };
}
