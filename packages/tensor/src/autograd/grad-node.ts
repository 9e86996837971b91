// One recorded op in the autograd graph (micrograd's `_prev` + `_backward`).
import type { Tensor } from '../tensor';

/**
 * The gradient rule of one op. `backward` gets the gradient of the op's output and which
 * parents need one, and returns one gradient per parent (null where none is needed), each
 * shaped like its parent. Rules are written in terms of other ops, so they run on any backend.
 */
export interface GradNode {
  readonly op: string;
  readonly parents: readonly Tensor[];
  readonly backward: (
    outputGrad: Tensor,
    needsGrad: readonly boolean[],
  ) => readonly (Tensor | null)[];
}
