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
  const release = () => {
    for (const buffer of [a, b, c]) backend.release(buffer);
  };
  return { a, b, c, release };
}
