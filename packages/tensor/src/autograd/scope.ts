// Explicit GPU-memory lifetimes (tfjs tidy/keep): every tensor made inside tidy(fn) is disposed
// when fn returns, except the tensors fn returns (they move to the enclosing scope) and those
// passed to keep(). Gradients that backward() stores on leaves are kept automatically.
import { InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';

const scopes: Set<Tensor>[] = [];

/** @internal Called by the Tensor constructor. */
export function track(tensor: Tensor): void {
  scopes[scopes.length - 1]?.add(tensor);
}

/** Lets `tensor` outlive every enclosing tidy scope; the caller must dispose() it. */
export function keep<T extends Tensor>(tensor: T): T {
  for (const scope of scopes) scope.delete(tensor);
  return tensor;
}

/** The tensors found in a tidy result: a tensor, or arrays / plain objects of them. */
function collect(value: unknown, into: Set<Tensor>, isTensor: (v: unknown) => v is Tensor): void {
  if (isTensor(value)) into.add(value);
  else if (Array.isArray(value)) for (const item of value) collect(item, into, isTensor);
  else if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    for (const item of Object.values(value)) collect(item, into, isTensor);
  }
}

function looksLikeTensor(value: unknown): value is Tensor {
  return (
    typeof value === 'object' &&
    value !== null &&
    'storage' in value &&
    'shape' in value &&
    typeof (value as { dispose?: unknown }).dispose === 'function'
  );
}

/**
 * Runs `fn` and disposes every tensor it created except those it returns (a tensor, or an array
 * or plain object of tensors). `fn` must be synchronous: a scope cannot span an await.
 */
export function tidy<T>(fn: () => T): T {
  const scope = new Set<Tensor>();
  scopes.push(scope);
  let result: T;
  try {
    result = fn();
  } catch (error) {
    scopes.pop();
    for (const tensor of scope) tensor.dispose();
    throw error;
  }
  scopes.pop();
  if (result instanceof Promise) {
    for (const tensor of scope) tensor.dispose();
    throw new InvalidArgumentError(
      'tidy',
      'fn',
      'a synchronous function',
      'one returning a Promise',
    );
  }
  const returned = new Set<Tensor>();
  collect(result, returned, looksLikeTensor);
  for (const tensor of scope) {
    if (returned.has(tensor)) scopes[scopes.length - 1]?.add(tensor);
    else tensor.dispose();
  }
  return result;
}
