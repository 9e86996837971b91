// Shared pieces of the optimisers' stateDict() / loadStateDict() (torch.optim.Optimizer's
// state_dict: per-parameter buffers keyed by the parameter's index in `params`). Reading copies
// device buffers to the host; loading copies host arrays or tensors into fresh device buffers,
// checking index, size, dtype and backend first so a bad checkpoint fails before any change.
import { keep } from '../autograd/scope';
import {
  BackendMismatchError,
  DTypeMismatchError,
  InvalidArgumentError,
  ShapeMismatchError,
} from '../errors';
import { newTensor } from '../ops/op-utils';
import { Tensor } from '../tensor';

/** A moment/momentum buffer as saved: host values (row-major) or a tensor to copy from. */
export type OptimizerStateValue = Float32Array | Float64Array | Tensor;

/** Host copy of a device buffer (Float32Array for f32 parameters, Float64Array for f64). */
export async function readState(buffer: Tensor): Promise<Float32Array | Float64Array> {
  const values = await buffer.data();
  return values instanceof Float64Array ? values : Float32Array.from(values);
}

/** Checks a state dict's parameter index: an integer key into `params`. */
export function parameterAt(
  op: string,
  params: readonly Tensor[],
  key: string,
): { index: number; param: Tensor } {
  // Only canonical integer keys ("0", "12"), so two keys can never name one parameter.
  const index = Number(key);
  const param = String(index) === key ? params[index] : undefined;
  if (!param)
    throw new InvalidArgumentError(
      op,
      `state[${key}]`,
      `a parameter index in [0, ${params.length})`,
      key,
    );
  return { index, param };
}

/**
 * Checks `value` can be the `name` buffer of `param` (same element count; a tensor: same shape,
 * dtype and backend). Returns a function that makes the device copy, so callers can check every
 * entry before replacing anything.
 */
export function stateLoader(
  op: string,
  param: Tensor,
  name: string,
  value: OptimizerStateValue | undefined,
): () => Tensor {
  const argument = name;
  if (value === undefined)
    throw new InvalidArgumentError(
      op,
      argument,
      'a Float32Array, Float64Array or Tensor',
      'undefined',
    );
  if (param.dtype === 'i32') throw new DTypeMismatchError(op, 'params', 'f32 or f64', 'i32');
  if (value instanceof Tensor) {
    value.bufferFor(op, argument);
    if (value.backend !== param.backend)
      throw new BackendMismatchError(
        op,
        argument,
        `${param.backend.kind} backend of the parameter`,
        `a ${value.backend.kind} tensor on another backend`,
      );
    if (value.dtype !== param.dtype)
      throw new DTypeMismatchError(op, argument, param.dtype, value.dtype);
    if (
      value.size !== param.size ||
      value.rank !== param.rank ||
      value.shape.some((d, k) => d !== param.shape[k])
    )
      throw new ShapeMismatchError(
        op,
        argument,
        `the parameter's shape [${param.shape.join(', ')}]`,
        value.shape,
      );
    return () => {
      const out = keep(newTensor(param.backend, param.shape, param.dtype));
      if (param.size > 0)
        param.backend.copy(
          value.bufferFor(op, argument),
          0,
          out.bufferFor(op, 'state'),
          0,
          param.size,
        );
      return out;
    };
  }
  if (!(value instanceof Float32Array || value instanceof Float64Array))
    throw new DTypeMismatchError(
      op,
      argument,
      'Float32Array, Float64Array or Tensor',
      Object.prototype.toString.call(value),
    );
  if (value.length !== param.size)
    throw new ShapeMismatchError(
      op,
      argument,
      `${param.size} values (parameter shape [${param.shape.join(', ')}])`,
      `${value.length} values`,
    );
  return () => {
    const out = keep(newTensor(param.backend, param.shape, param.dtype));
    out.write(value);
    return out;
  };
}

/** Checks a hyperparameter read from a state dict is a finite number >= 0. */
export function checkNonNegative(op: string, argument: string, value: number): number {
  if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0))
    throw new InvalidArgumentError(op, argument, 'a finite number >= 0', value);
  return value;
}
