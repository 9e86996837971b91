// The base model's parameter count from its config alone (no weights are allocated), the
// denominator of the paper's "% of parameters" (the tied LM head counted once, as wte).
import { type Gpt2Config, gpt2ParameterSpecs } from '@prefixkit/gpt2';

/** Number of scalars in GPT-2 with this config. */
export function baseParameterCount(model: Gpt2Config): number {
  return gpt2ParameterSpecs(model).reduce(
    (total, spec) => total + spec.shape.reduce((a, b) => a * b, 1),
    0,
  );
}
