// Typed errors of @prefixkit/tensor (docs/reference/STYLE.md "Errors"): each names the op, the argument, what
// was expected and what was got. Shader-compile and device-loss errors belong to the WebGPU
// backend (backends/webgpu/errors.ts).
import { PrefixkitError, type PrefixkitErrorOptions } from '@prefixkit/errors';

function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** An op got a tensor of the wrong shape. */
export class ShapeMismatchError extends PrefixkitError {
  readonly op: string;
  readonly argument: string;
  constructor(op: string, argument: string, expected: string, got: readonly number[] | string) {
    const gotText = typeof got === 'string' ? got : formatShape(got);
    super('SHAPE_MISMATCH', `${op}: argument ${argument}: expected ${expected}, got ${gotText}`);
    this.op = op;
    this.argument = argument;
  }
}

/** An op got a tensor of the wrong element type (or mixed f32 with f64). */
export class DTypeMismatchError extends PrefixkitError {
  constructor(op: string, argument: string, expected: string, got: string) {
    super('DTYPE_MISMATCH', `${op}: argument ${argument}: expected dtype ${expected}, got ${got}`);
  }
}

/** Tensors on different backends met in one op. */
export class BackendMismatchError extends PrefixkitError {
  constructor(op: string, argument: string, expected: string, got: string) {
    super(
      'BACKEND_MISMATCH',
      `${op}: argument ${argument}: expected a tensor on the ${expected} backend, got ${got}`,
    );
  }
}

/** A tensor was used after dispose() (directly or by a tidy scope that ended). */
export class TensorDisposedError extends PrefixkitError {
  constructor(
    op: string,
    argument: string,
    creationStack?: string,
    options: PrefixkitErrorOptions = {},
  ) {
    const where = creationStack
      ? `\nThe tensor was created at:\n${creationStack}`
      : '\n(set PREFIXKIT_DEBUG=1 to see where it was created)';
    super(
      'TENSOR_DISPOSED',
      `${op}: argument ${argument}: expected a live tensor, got one that was disposed (keep() it to let it outlive its tidy scope)${where}`,
      options,
    );
  }
}

/** A non-tensor argument (axis, probability, option) outside its valid range. */
export class InvalidArgumentError extends PrefixkitError {
  constructor(op: string, argument: string, expected: string, got: unknown) {
    super(
      'INVALID_ARGUMENT',
      `${op}: argument ${argument}: expected ${expected}, got ${String(got)}`,
    );
  }
}

export { formatShape };

/** A backend was asked for (PREFIXKIT_BACKEND) that this entry point cannot create. */
export class BackendUnavailableError extends PrefixkitError {
  readonly requested: string;
  constructor(requested: string, hint: string) {
    super('BACKEND_UNAVAILABLE', `backend ${requested} is not available here: ${hint}`);
    this.requested = requested;
  }
}
