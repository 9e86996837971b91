// A GPT-2 with random weights for benchmarks (no download): GPT-2's initialisation scale
// (N(0, 0.02)-like, drawn uniform with the same standard deviation for speed), LayerNorms at
// identity. Only shapes matter for speed.
import type { Backend } from '@prefixkit/tensor';
import { tensor } from '@prefixkit/tensor';
import { gpt2ParameterSpecs } from '../src/checkpoint/gpt2-parameters';
import type { Gpt2Config } from '../src/config/gpt2-config';
import { Gpt2Model } from '../src/model/model';

/** A random GPT-2 of `config`'s shapes on `backend` (f32). */
export function randomGpt2(config: Gpt2Config, backend: Backend, seed = 1): Gpt2Model {
  let state = seed >>> 0;
  const halfWidth = 0.02 * Math.sqrt(3);
  const parameters = new Map(
    gpt2ParameterSpecs(config).map((spec) => {
      const data = new Float32Array(spec.shape.reduce((a, b) => a * b, 1));
      if (/ln_\d|ln_f/.test(spec.name)) data.fill(spec.name.endsWith('weight') ? 1 : 0);
      else {
        for (let index = 0; index < data.length; index++) {
          state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
          data[index] = (state / 4294967296 - 0.5) * 2 * halfWidth;
        }
      }
      return [spec.name, tensor(data, spec.shape, { backend })] as const;
    }),
  );
  return new Gpt2Model(config, parameters);
}
