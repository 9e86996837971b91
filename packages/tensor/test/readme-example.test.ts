// The README's example, run as written (CPU backend): the loss must fall.
import { expect, it } from 'vitest';
import { AdamW, backward, crossEntropy, gelu, matmul, randn, tensor, tidy } from '../src/index';

it('README example trains', async () => {
  const w1 = randn([4, 16], { seed: 1, std: 0.5, requiresGrad: true });
  const w2 = randn([16, 3], { seed: 2, std: 0.5, requiresGrad: true });
  const x = randn([8, 4], { seed: 3 });
  const labels = tensor(Int32Array.from([0, 1, 2, 0, 1, 2, 0, -100]), [8]);
  const optimizer = new AdamW([w1, w2], { lr: 1e-2, weightDecay: 0 });
  const losses: number[] = [];
  for (let step = 0; step < 100; step++) {
    const loss = tidy(() => {
      const l = crossEntropy(matmul(gelu(matmul(x, w1)), w2), labels);
      backward(l);
      optimizer.step();
      optimizer.zeroGrad();
      return l;
    });
    losses.push(await loss.item());
    loss.dispose();
  }
  expect(losses[99]!).toBeLessThan(losses[0]! * 0.5);
});
