// Matrix products through the batched `matmul` kernel: a [..., M, K] @ b [..., K, N] with either
// operand optionally stored transposed, batch axes equal or absent on one side (broadcast with
// stride 0). Gradients are matmuls again (the four transpose cases worked out below).
import { record } from '../autograd/tape';
import { formatShape, ShapeMismatchError } from '../errors';
import { matmulTileConstants } from '../kernels/matmul';
import { sameShape, sizeOf } from '../shape';
import type { Tensor } from '../tensor';
import {
  checkFloat,
  checkSameDType,
  commonBackend,
  newOutput,
  runKernel,
  viewOf,
} from './op-utils';
import { sumTo } from './reduce';

export interface MatmulOptions {
  /** a is stored as [..., K, M] and used transposed. */
  transposeA?: boolean;
  /** b is stored as [..., N, K] and used transposed (e.g. x @ wte^T). */
  transposeB?: boolean;
}

function matmulForward(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor {
  const op = 'matmul';
  commonBackend(op, { a, b });
  checkFloat(op, 'a', a);
  checkFloat(op, 'b', b);
  checkSameDType(op, 'b', a, b);
  if (a.rank < 2) throw new ShapeMismatchError(op, 'a', 'at least 2 dimensions', a.shape);
  if (b.rank < 2) throw new ShapeMismatchError(op, 'b', 'at least 2 dimensions', b.shape);
  const [ar, ac] = a.shape.slice(-2) as [number, number];
  const [br, bc] = b.shape.slice(-2) as [number, number];
  const [M, K] = transposeA ? [ac, ar] : [ar, ac];
  const [kb, N] = transposeB ? [bc, br] : [br, bc];
  if (kb !== K) {
    throw new ShapeMismatchError(
      op,
      'b',
      `inner dimension K = ${K} (a is ${formatShape(a.shape)}${transposeA ? ', transposed' : ''})`,
      b.shape,
    );
  }
  const batchA = a.shape.slice(0, -2);
  const batchB = b.shape.slice(0, -2);
  const aBatched = sizeOf(batchA) > 1;
  const bBatched = sizeOf(batchB) > 1;
  if (aBatched && bBatched && !sameShape(batchA, batchB)) {
    throw new ShapeMismatchError(
      op,
      'b',
      `batch dimensions ${formatShape(batchA)} or none`,
      b.shape,
    );
  }
  const batchShape = batchA.length >= batchB.length ? batchA : batchB;
  const batch = sizeOf(batchShape);
  const out = newOutput(a.backend, [...batchShape, M, N], a.dtype);
  if (batch * M * N === 0) return out;
  runKernel(
    op,
    'matmul',
    [a, b],
    [out],
    {
      batch,
      M,
      N,
      K,
      transposeA: transposeA ? 1 : 0,
      transposeB: transposeB ? 1 : 0,
      strideA: aBatched ? M * K : 0,
      strideB: bBatched ? K * N : 0,
      strideC: M * N,
    },
    // Few rows (a decoding step: one per sequence) get a smaller tile, not 16 mostly idle rows.
    matmulTileConstants(M),
  );
  return out;
}

/**
 * A full-batch operand gradient brought to the operand's own shape: summed over the batch when
 * the operand was broadcast, reshaped when only size-1 axes differ.
 */
function reduceBatch(grad: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(grad.shape, shape)) return grad;
  if (grad.size === sizeOf(shape)) {
    const view = viewOf(grad, shape);
    grad.dispose();
    return view;
  }
  const reduced = sumTo(grad, shape);
  grad.dispose();
  return reduced;
}

/**
 * a @ b with optional transposed operands. When b has no batch axes and a is not transposed,
 * a's batch folds into M (one 2-D product for x [B, T, C] @ W [C, N]).
 */
export function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
  const transposeA = options.transposeA ?? false;
  const transposeB = options.transposeB ?? false;
  const foldBatch = !transposeA && a.rank > 2 && b.rank === 2;
  const a2 = foldBatch ? viewOf(a, [a.size / a.shape[a.rank - 1]!, a.shape[a.rank - 1]!]) : a;
  const flat = matmulForward(a2, b, transposeA, transposeB);
  if (a2 !== a) a2.dispose();
  const out = foldBatch ? viewOf(flat, [...a.shape.slice(0, -1), flat.shape[1]!]) : flat;
  if (out !== flat) flat.dispose();
  return record('matmul', out, [a, b], (g, needs) => {
    // C = op(A) op(B).  dA: A plain -> g op(B)^T;  A stored transposed -> op(B) g^T.
    //                   dB: B plain -> op(A)^T g;  B stored transposed -> g^T op(A).
    const ga = !needs[0]
      ? null
      : transposeA
        ? reduceBatch(matmul(b, g, { transposeA: transposeB, transposeB: true }), a.shape)
        : reduceBatch(matmul(g, b, { transposeB: !transposeB }), a.shape);
    let gb: Tensor | null = null;
    if (needs[1]) {
      if (b.rank === 2 && a.rank > 2) {
        // Fold the batch into the contraction: dB = sum over batch, as one 2-D product.
        const inner = a.shape[a.rank - 1]!;
        const a2d = transposeA ? null : viewOf(a, [a.size / inner, inner]);
        const g2d = viewOf(g, [g.size / g.shape[g.rank - 1]!, g.shape[g.rank - 1]!]);
        if (a2d) {
          gb = transposeB
            ? matmul(g2d, a2d, { transposeA: true })
            : matmul(a2d, g2d, { transposeA: true });
          a2d.dispose();
        }
        g2d.dispose();
      }
      gb ??= transposeB
        ? reduceBatch(matmul(g, a, { transposeA: true, transposeB: transposeA }), b.shape)
        : reduceBatch(matmul(a, g, { transposeA: !transposeA }), b.shape);
    }
    return [ga, gb];
  });
}
