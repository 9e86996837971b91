// The three buffers of a benchmarked product C = A @ B on the tensor backend, A and B uploaded.
import type { WebGpuBackend } from '@prefixkit/tensor/node';

export function productOperands(
  backend: WebGpuBackend,
  aValues: Float32Array,
  bValues: Float32Array,
  cLength: number,
) {
  const a = backend.allocate(aValues.length, 'f32');
  const b = backend.allocate(bValues.length, 'f32');
  const c = backend.allocate(cLength, 'f32');
  backend.write(a, aValues);
  backend.write(b, bValues);
  return { a, b, c, release: () => [a, b, c].forEach((buffer) => backend.release(buffer)) };
}
