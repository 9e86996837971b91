// prefixkit's side of the mixed-prefix case: the forward of a batch whose rows each have their
// own prefix (mixedPrefixForward) against the same batch through one prefix (its forward),
// interleaved so that drift in the machine's load affects both alike. Both are a serving
// prefill: next-token logits of the last position only (logits of every position of 8 x 128
// rows exceed lavapipe's storage binding, and a server needs only the last).
import type { Gpt2Model } from '@prefixkit/gpt2';
import { createPeftModel, mixedPrefixForward, type PrefixTuningModel } from '@prefixkit/peft';
import { type Backend, noGrad, type Tensor, tidy } from '@prefixkit/tensor';
import type { MixedCase } from './cases';

export interface MixedTimes {
  readonly singleMs: number[];
  readonly mixedMs: number[];
}

export async function prefixkitMixed(
  base: Gpt2Model,
  backend: Backend,
  mixedCase: MixedCase,
  ids: readonly (readonly number[])[],
  repetitions: { warmup: number; reps: number },
): Promise<MixedTimes> {
  const prefixes: PrefixTuningModel[] = [];
  const activations: Tensor[] = [];
  try {
    for (let row = 0; row < mixedCase.batch; row++) {
      const prefix = (await createPeftModel(
        base,
        { method: 'prefix-flat', prefixLength: mixedCase.prefixLength },
        { seed: 20 + row },
      )) as PrefixTuningModel;
      prefixes.push(prefix);
      activations.push(prefix.exportActivations());
    }
    const timed = (forward: () => unknown) => async () => {
      const start = performance.now();
      noGrad(() => tidy(() => void forward()));
      await backend.synchronize();
      return performance.now() - start;
    };
    const last = { logitsFor: 'last' } as const;
    const single = timed(() => prefixes[0]?.forward(ids, last));
    const mixed = timed(() => mixedPrefixForward(base, ids, { prefixes: activations, ...last }));
    for (let index = 0; index < repetitions.warmup; index++) {
      await single();
      await mixed();
    }
    const times: MixedTimes = { singleMs: [], mixedMs: [] };
    for (let index = 0; index < repetitions.reps; index++) {
      times.singleMs.push(await single());
      times.mixedMs.push(await mixed());
    }
    return times;
  } finally {
    for (const tensor of activations) tensor.dispose();
    for (const prefix of prefixes) prefix.dispose();
  }
}
