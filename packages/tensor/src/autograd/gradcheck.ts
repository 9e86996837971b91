// Checks an op's backward against central finite differences (micrograd's comparison with
// torch, made dependency-free). Run in f64 on the CPU backend: the loss is sum(fn(inputs) * R)
// for a fixed random R, so one backward pass checks the whole Jacobian-vector product.
import { seededUniform } from '../create';
import { mul } from '../ops/elementwise';
import { newTensor } from '../ops/op-utils';
import { sum } from '../ops/reduce';
import type { Tensor } from '../tensor';
import { noGrad } from './no-grad';
import { tidy } from './scope';
import { backward } from './tape';

export interface GradcheckOptions {
  /** Finite-difference step. Default 1e-6. */
  eps?: number;
  atol?: number;
  rtol?: number;
  /** Seed of the projection R. */
  seed?: number;
}

export interface GradcheckFailure {
  readonly input: number;
  readonly index: number;
  readonly analytic: number;
  readonly numeric: number;
}

export interface GradcheckResult {
  readonly ok: boolean;
  readonly maxError: number;
  /** The first few mismatches. */
  readonly failures: readonly GradcheckFailure[];
}

/**
 * Compares d sum(fn(...inputs) * R) / d input with central differences for every input that
 * requires a gradient. Inputs should be f64 tensors on the CPU backend.
 */
export async function gradcheck(
  fn: (...inputs: Tensor[]) => Tensor,
  inputs: readonly Tensor[],
  options: GradcheckOptions = {},
): Promise<GradcheckResult> {
  const { eps = 1e-6, atol = 1e-6, rtol = 1e-4, seed = 7 } = options;
  const probe = noGrad(() => tidy(() => fn(...inputs)));
  const uniform = seededUniform(seed);
  const weights = new Float64Array(probe.size).map(() => uniform() * 2 - 1);
  const projection = newTensor(probe.backend, probe.shape, probe.dtype);
  probe.backend.write(projection.bufferFor('gradcheck', 'R'), weights);
  probe.dispose();
  const lossOf = () => sum(mul(fn(...inputs), projection));

  for (const input of inputs) {
    input.grad?.dispose();
    input.grad = null;
  }
  tidy(() => backward(lossOf()));
  const evaluate = async (): Promise<number> => {
    const loss = noGrad(() => tidy(() => lossOf()));
    const value = (await loss.data())[0]!;
    loss.dispose();
    return value;
  };

  const failures: GradcheckFailure[] = [];
  let maxError = 0;
  for (let k = 0; k < inputs.length; k++) {
    const input = inputs[k]!;
    if (!input.requiresGrad) continue;
    const analytic = input.grad ? await input.grad.data() : new Float64Array(input.size);
    const values = await input.data();
    const buffer = input.bufferFor('gradcheck', `inputs[${k}]`);
    for (let index = 0; index < input.size; index++) {
      const original = values[index]!;
      input.backend.write(buffer, Float64Array.of(original + eps), index);
      const plus = await evaluate();
      input.backend.write(buffer, Float64Array.of(original - eps), index);
      const minus = await evaluate();
      input.backend.write(buffer, Float64Array.of(original), index);
      const numeric = (plus - minus) / (2 * eps);
      const error = Math.abs(analytic[index]! - numeric);
      maxError = Math.max(maxError, error);
      if (error > atol + rtol * Math.abs(numeric) && failures.length < 10) {
        failures.push({ input: k, index, analytic: analytic[index]!, numeric });
      }
    }
    input.grad?.dispose();
    input.grad = null;
  }
  projection.dispose();
  return { ok: failures.length === 0, maxError, failures };
}
