// linear() against the ops it fuses (matmul, add, activation, add), on the CPU backend and on
// WebGPU (lavapipe in CI), without a graph (the fused kernel runs whole) and with one (the
// activation runs as its own op), and its argument checks.
import { describe, expect, it } from 'vitest';
import { randomTensor } from '../../test/helpers';
import { getWebGpuBackend } from '../../test/webgpu-fixture';
import { noGrad } from '../autograd/no-grad';
import type { Backend } from '../backends/backend';
import { CpuBackend } from '../backends/cpu/cpu-backend';
import { gelu, relu } from './activation';
import { add } from './elementwise';
import { type LinearActivation, linear } from './linear';
import { matmul } from './matmul';

const activations: (LinearActivation | undefined)[] = [undefined, 'gelu', 'gelu-exact', 'relu'];

function unfused(
  x: Parameters<typeof add>[0],
  w: typeof x,
  b: typeof x,
  activation?: LinearActivation,
  residual?: typeof x,
) {
  let y = add(matmul(x, w), b);
  if (activation === 'gelu') y = gelu(y);
  if (activation === 'gelu-exact') y = gelu(y, { approximate: 'none' });
  if (activation === 'relu') y = relu(y);
  return residual ? add(y, residual) : y;
}

async function compare(
  backend: Backend,
  withGraph: boolean,
  shapes: readonly (readonly [number, number, number, number])[],
) {
  let seed = 3;
  const r = (shape: number[]) =>
    randomTensor(backend, shape, { seed: seed++, requiresGrad: withGraph });
  for (const [B, T, K, N] of shapes) {
    for (const activation of activations) {
      for (const withResidual of [false, true]) {
        const x = r([B, T, K]);
        const w = r([K, N]);
        const b = r([N]);
        const residual = withResidual ? r([B, T, N]) : undefined;
        const run = () => [
          linear(x, w, b, {
            ...(activation ? { activation } : {}),
            ...(residual ? { residual } : {}),
          }),
          unfused(x, w, b, activation, residual),
        ];
        const [got, want] = withGraph ? run() : noGrad(run);
        expect(got!.shape).toEqual([B, T, N]);
        const label = `[${B}, ${T}, ${K}] x [${K}, ${N}] ${activation ?? 'none'}${withResidual ? ' + residual' : ''}`;
        const a = await got!.data();
        const e = await want!.data();
        for (let i = 0; i < e.length; i++)
          expect(Math.abs(a[i]! - e[i]!), `${label} [${i}]`).toBeLessThanOrEqual(
            1e-5 * (1 + Math.abs(e[i]!)),
          );
        expect(got!.requiresGrad).toBe(withGraph);
      }
    }
  }
}

describe('linear equals matmul + add + activation + add', () => {
  const shapes = [
    [1, 1, 7, 33],
    [2, 3, 65, 5],
    [3, 5, 128, 384],
  ] as const;
  it('on the CPU backend, with and without a graph', async () => {
    await compare(new CpuBackend(), false, shapes);
    await compare(new CpuBackend(), true, shapes);
  });
  it('on WebGPU, with and without a graph', async (context) => {
    const gpu = await getWebGpuBackend(context);
    await compare(gpu, false, shapes.slice(0, 2));
    await compare(gpu, true, shapes.slice(0, 2));
  }, 180_000);
  it('names the argument whose shape is wrong', () => {
    const backend = new CpuBackend();
    const x = randomTensor(backend, [2, 4], { seed: 1 });
    const w = randomTensor(backend, [4, 3], { seed: 2 });
    const b = randomTensor(backend, [3], { seed: 3 });
    const vector = randomTensor(backend, [4], { seed: 7 });
    expect(() => linear(vector, w, b)).toThrow(/argument x/);
    expect(() => linear(x, randomTensor(backend, [5, 3], { seed: 4 }), b)).toThrow(/weight/);
    expect(() => linear(x, w, randomTensor(backend, [4], { seed: 5 }))).toThrow(/bias/);
    expect(() => linear(x, w, b, { residual: randomTensor(backend, [2, 4], { seed: 6 }) })).toThrow(
      /residual/,
    );
  });
});
