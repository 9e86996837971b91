// The loss without full logits on a device whose storage bindings cannot hold the full logits
// [B, T, V] (lavapipe's 128 MiB against E2E batch 10 x ~100 tokens x 50257): here a small GPT-2
// with a wide vocabulary (V = 2048, C = 16, so logits dominate every other buffer) on backends
// that announce and enforce a lowered binding limit of 32 KiB: a CPU backend that checks every
// kernel's buffers, and the real WebGPU backend over a device whose reported limit is lowered
// (its own dispatch check then refuses oversized bindings). The full-logits path must fail
// there; logitsFor 'none' must run and match the full path computed without a limit.
import {
  type Backend,
  type BackendBuffer,
  backward,
  CpuBackend,
  type KernelCall,
  type KernelName,
  reshape,
  slice,
  sum,
  type Tensor,
  tensor,
  tidy,
  WebGpuBackend,
} from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { gpt2ParameterSpecs } from '../src/checkpoint/gpt2-parameters';
import { parseGpt2Config } from '../src/config/gpt2-config';
import { seededRandom } from '../src/generate/sampling';
import type { LossReduction } from '../src/model/loss';
import { Gpt2Model } from '../src/model/model';
import { backendKinds, expectClose, webGpuBackend } from './model-fixtures';

const LIMIT = 32 * 1024; // bytes per storage binding: 4 rows of 2048 f32 logits
const config = parseGpt2Config({
  model_type: 'gpt2',
  vocab_size: 2048,
  n_positions: 32,
  n_embd: 16,
  n_layer: 1,
  n_head: 2,
  n_inner: 32,
  activation_function: 'gelu_new',
  layer_norm_epsilon: 1e-5,
});
const B = 4;
const T = 24;
const P = 3;

/** A CPU backend that reports and enforces WebGPU's per-binding limit on every kernel. */
class BindingLimitedCpuBackend extends CpuBackend {
  readonly device = { limits: { maxStorageBufferBindingSize: LIMIT } };
  override run(kernel: KernelName, call: KernelCall): void {
    for (const buffer of [...call.inputs, ...call.outputs] as BackendBuffer[]) {
      const bytes = buffer.length * (buffer.dtype === 'f64' ? 8 : 4);
      if (bytes > LIMIT)
        throw new Error(`${kernel}: a ${bytes}-byte binding exceeds maxStorageBufferBindingSize`);
    }
    super.run(kernel, call);
  }
}

/** The shared WebGPU device seen through a proxy whose limits report LIMIT per binding. */
function bindingLimitedWebGpu(real: WebGpuBackend): WebGpuBackend {
  const bind = <T extends object>(target: T, override: (key: PropertyKey) => unknown) =>
    new Proxy(target, {
      get(object, key) {
        const overridden = override(key);
        if (overridden !== undefined) return overridden;
        const value = Reflect.get(object, key, object);
        return typeof value === 'function' ? value.bind(object) : value;
      },
      set: (object, key, value) => Reflect.set(object, key, value, object),
    });
  const limits = bind(real.device.limits, (key) =>
    key === 'maxStorageBufferBindingSize' ? LIMIT : undefined,
  );
  const device = bind(real.device, (key) => (key === 'limits' ? limits : undefined));
  return new WebGpuBackend({ device, adapter: real.adapter, features: real.features });
}

/** Seeded random weights for `config` on `backend` (LayerNorm gains near 1). */
function randomModel(backend: Backend): Gpt2Model {
  const random = seededRandom(5);
  const parameters = new Map<string, Tensor>();
  for (const { name, shape } of gpt2ParameterSpecs(config)) {
    const size = shape.reduce((a, b) => a * b, 1);
    const gain = /ln_\w+\.weight$/.test(name);
    const values = Float32Array.from({ length: size }, () =>
      gain ? 1 + 0.1 * (random() - 0.5) : 0.6 * (random() - 0.5),
    );
    parameters.set(name, tensor(values, shape, { backend }));
  }
  return new Gpt2Model(config, parameters);
}

const random = seededRandom(9);
const ids = Array.from({ length: B }, () =>
  Array.from({ length: T }, () => Math.floor(random() * config.vocab_size)),
);
// Source tokens masked as in prefix-tuning: about the first half of each row.
const labels = ids.map((row, b) => row.map((id, t) => (t < 8 + 2 * b ? -100 : id)));
const prefixValues = Float32Array.from({ length: 2 * P * config.n_embd }, () => random() - 0.5);

/** Loss and prefix gradient; a one-layer past [1, NH, P, HS] sliced from one leaf. */
async function run(
  model: Gpt2Model,
  options: { lossReduction: LossReduction; logitsFor?: 'none' },
): Promise<{ loss: Float32Array; grad: Float32Array }> {
  const H = config.n_head;
  const D = config.n_embd / H;
  const leaf = tensor(prefixValues, [2, 1, H, P, D], {
    backend: model.backend,
    requiresGrad: true,
  });
  const loss = tidy(() => {
    const [key, value] = [0, 1].map((k) => {
      return reshape(slice(reshape(leaf, [2, H * P * D]), 0, k, k + 1), [1, H, P, D]);
    });
    const out = model.forward(ids, { ...options, labels, past: [{ key: key!, value: value! }] });
    backward(sum(out.loss!));
    return out.loss!;
  });
  const result = {
    loss: (await loss.data()) as Float32Array,
    grad: (await leaf.grad!.data()) as Float32Array,
  };
  loss.dispose();
  leaf.dispose();
  return result;
}

describe.each(backendKinds)(
  'loss without full logits under a 32 KiB binding limit (%s)',
  (kind) => {
    const limitedBackend = async (context: { skip(note?: string): void }) =>
      kind === 'cpu'
        ? new BindingLimitedCpuBackend()
        : bindingLimitedWebGpu(await webGpuBackend(context));

    it.for(['mean', 'sum-per-sequence'] as const)(
      '%s: the full path exceeds the limit, logitsFor none runs and matches it',
      async (lossReduction, context) => {
        // The full logits [4, 24, 2048] f32 are 768 KiB: 24 times the limit.
        expect(B * T * config.vocab_size * 4).toBeGreaterThan(LIMIT * 20);
        const backend = await limitedBackend(context);
        const limited = randomModel(backend);
        // Refused up front by the model, naming the options that need no full logits.
        await expect(run(limited, { lossReduction })).rejects.toMatchObject({
          code: 'GPT2_INPUT',
          message: expect.stringMatching(/logitsFor: expected 'last'.*maxStorageBufferBindingSize/),
        });
        const none = await run(limited, { lossReduction, logitsFor: 'none' });
        const reference = await run(randomModel(new CpuBackend()), { lossReduction });
        expectClose(
          'loss',
          none.loss,
          reference.loss,
          2e-5 * reference.loss.reduce((most, value) => Math.max(most, value), 1),
        );
        expectClose('prefix grad', none.grad, reference.grad, 2e-5);
        expect(reference.grad.some((g) => Math.abs(g) > 1e-3)).toBe(true);
        limited.dispose();
        if (backend instanceof WebGpuBackend) backend.destroy();
      },
    );
  },
);
