// The autograd engine, micrograd-sized: ops record (parents, rule) on their output; backward()
// topo-sorts the graph from the loss and sweeps it in reverse, accumulating gradients. Each
// gradient is disposed as soon as its rule has run, so peak memory stays near one layer's worth.
import { InternalError } from '@prefixkit/errors';
import { ShapeMismatchError } from '../errors';
import { add } from '../ops/elementwise';
import { fullLike, viewOf } from '../ops/op-utils';
import { sameShape } from '../shape';
import type { Tensor } from '../tensor';
import type { GradNode } from './grad-node';
import { isGradEnabled, noGrad } from './no-grad';
import { keep } from './scope';

/**
 * Whether an op over `inputs` records a gradient: recording is on and some input needs one.
 * Fused inference-only paths take this test to fall back to the recorded ops.
 */
export function recordsGradient(inputs: readonly (Tensor | null | undefined)[]): boolean {
  return isGradEnabled() && inputs.some((input) => input?.requiresGrad === true);
}

/**
 * Records `out = op(parents)` for backward() when recording is on and a parent needs a
 * gradient; returns `out`.
 */
export function record(
  op: string,
  out: Tensor,
  parents: readonly Tensor[],
  backward: GradNode['backward'],
): Tensor {
  if (!recordsGradient(parents)) return out;
  out.requiresGrad = true;
  out.gradNode = { op, parents, backward };
  return out;
}

/** Every tensor `root` depends on through recorded ops, parents before children. */
function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const visited = new Set<Tensor>();
  const stack: [Tensor, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [tensor, expanded] = stack.pop()!;
    if (expanded) {
      order.push(tensor);
      continue;
    }
    if (visited.has(tensor)) continue;
    visited.add(tensor);
    stack.push([tensor, true]);
    for (const parent of tensor.gradNode?.parents ?? []) {
      if (parent.requiresGrad && !visited.has(parent)) stack.push([parent, false]);
    }
  }
  return order;
}

/**
 * Computes d(root)/d(leaf) for every leaf with requiresGrad and adds it to `leaf.grad`.
 * `seed` is the gradient of root (shaped like it); without it, ones (the gradient of sum(root)).
 */
export function backward(root: Tensor, seed?: Tensor): void {
  if (seed && !sameShape(seed.shape, root.shape)) {
    throw new ShapeMismatchError(
      'backward',
      'seed',
      `the shape of root [${root.shape.join(', ')}]`,
      seed.shape,
    );
  }
  if (!root.requiresGrad) return;
  noGrad(() => {
    const grads = new Map<Tensor, Tensor>();
    grads.set(root, seed ? viewOf(seed, root.shape) : fullLike(root, 1));
    const order = topologicalOrder(root);
    for (let index = order.length - 1; index >= 0; index--) {
      const tensor = order[index]!;
      const grad = grads.get(tensor);
      const node = tensor.gradNode;
      if (!grad || !node) continue;
      grads.delete(tensor);
      const needs = node.parents.map((parent) => parent.requiresGrad);
      const results = node.backward(grad, needs);
      const seen = new Set<Tensor>([grad]);
      const unused: Tensor[] = [];
      node.parents.forEach((parent, k) => {
        let result = results[k];
        if (result && !needs[k]) unused.push(result);
        if (!result || !needs[k]) return;
        if (!sameShape(result.shape, parent.shape)) {
          throw new InternalError(
            `gradient of ${node.op} input ${k} has shape [${result.shape}], expected [${parent.shape}]`,
          );
        }
        // A rule may pass its input gradient through (or return one tensor twice): alias it so
        // every stored gradient is its own object and can be disposed independently.
        if (seen.has(result)) result = viewOf(result, result.shape);
        seen.add(result);
        accumulate(parent, result, grads);
      });
      // A rule that computed a gradient nobody needs: free it (unless it is also in use).
      for (const result of unused) if (!seen.has(result)) result.dispose();
      grad.dispose();
    }
  });
}

function accumulate(parent: Tensor, grad: Tensor, grads: Map<Tensor, Tensor>): void {
  if (parent.gradNode) {
    const existing = grads.get(parent);
    if (!existing) grads.set(parent, grad);
    else {
      grads.set(parent, add(existing, grad));
      existing.dispose();
      grad.dispose();
    }
    return;
  }
  // A leaf: the gradient outlives the tidy scope of the training step.
  const existing = parent.grad;
  if (!existing) parent.grad = keep(grad);
  else {
    parent.grad = keep(add(existing, grad));
    existing.dispose();
    grad.dispose();
  }
}

/** Disposes and clears the gradients of `tensors` (before the next accumulation). */
export function zeroGrad(tensors: readonly Tensor[]): void {
  for (const tensor of tensors) {
    tensor.grad?.dispose();
    tensor.grad = null;
  }
}
