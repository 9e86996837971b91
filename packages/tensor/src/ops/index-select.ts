// indexSelect: torch.index_select(x, axis, indices), slices of `x` along one axis picked by a
// 1-D i32 index tensor (repeats allowed), with the scatter-add gradient. Beam search reorders
// its KV cache with it (axis 0 = the batch of beams); it works on i32 tensors too.
import { record } from '../autograd/tape';
import { ShapeMismatchError } from '../errors';
import { normalizeAxis, sizeOf } from '../shape';
import type { Tensor } from '../tensor';
import { checkInt, commonBackend, newTensor, runKernel } from './op-utils';

/**
 * `x` with its `axis` replaced by the slices `indices` names: out.shape[axis] = indices.size.
 * Indices outside [0, x.shape[axis]) give a zero slice and no gradient (the device cannot
 * throw, and checking would mean a read-back).
 * @example const cache = indexSelect(past, 0, beamIndices); // [B, H, T, D] -> reordered beams
 */
export function indexSelect(x: Tensor, axis: number, indices: Tensor): Tensor {
  const op = 'indexSelect';
  commonBackend(op, { x, indices });
  checkInt(op, 'indices', indices);
  if (indices.rank !== 1) throw new ShapeMismatchError(op, 'indices', '1-D [count]', indices.shape);
  const dim = normalizeAxis(op, axis, x.rank);
  const n = x.shape[dim]!;
  const count = indices.size;
  const uniforms = {
    outer: sizeOf(x.shape.slice(0, dim)),
    n,
    count,
    inner: sizeOf(x.shape.slice(dim + 1)),
  };
  const shape = x.shape.map((size, k) => (k === dim ? count : size));
  const out = newTensor(x.backend, shape, x.dtype);
  if (out.size > 0) runKernel(op, 'indexSelectForward', [x, indices], [out], uniforms);
  return record(op, out, [x, indices], (g, needs) => {
    if (!needs[0]) return [null, null];
    const dx = newTensor(g.backend, x.shape, x.dtype);
    if (out.size > 0)
      runKernel(`${op}.backward`, 'indexSelectBackward', [indices, g], [dx], uniforms);
    return [dx, null];
  });
}
