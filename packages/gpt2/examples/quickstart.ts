// The README's example (a test runs it on the tiny fixture model, and checks the README shows
// this file verbatim). Imports use the published names.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate, loadGpt2, loadGpt2Tokenizer } from '@prefixkit/gpt2';
import { fileByteSource } from '@prefixkit/gpt2/node';
import { backward, CpuBackend, randn, tidy } from '@prefixkit/tensor';

export async function quickstart(directory: string) {
  const backend = new CpuBackend(); // or: await createWebGpuBackend() from '@prefixkit/tensor/node'
  const model = await loadGpt2(
    {
      config: await readFile(join(directory, 'config.json'), 'utf8'),
      weights: await fileByteSource(join(directory, 'model.safetensors')),
    },
    { backend },
  );
  const { n_layer, n_head, n_embd } = model.config;

  // A trainable prefix: per layer, keys and values [1, heads, P, head size].
  const P = 3;
  const prefix = Array.from({ length: n_layer }, (_, layer) => ({
    key: randn([1, n_head, P, n_embd / n_head], { seed: 2 * layer, backend, requiresGrad: true }),
    value: randn([1, n_head, P, n_embd / n_head], {
      seed: 2 * layer + 1,
      backend,
      requiresGrad: true,
    }),
  }));

  // One prefix-tuning step: HF's shifted cross-entropy; gradients reach only the prefix.
  const ids = [[5, 17, 42, 8, 23]];
  const lossTensor = tidy(() => {
    const { loss } = model.forward(ids, { past: prefix, labels: ids });
    backward(loss!);
    return loss!; // kept: tidy frees everything else of the step
  });
  const loss = await lossTensor.item();
  lossTensor.dispose();

  // Beam search as the paper decodes (5 beams), continuing after the prefix.
  const [row] = await generate(model, ids, { numBeams: 5, maxNewTokens: 8, past: prefix });

  // GPT-2's own tokenizer ships with the package (no download).
  const tokenizer = await loadGpt2Tokenizer();
  const helloIds = tokenizer.encode('Hello world');

  model.dispose();
  return { loss, generated: row!.tokens, prefixGrad: prefix[0]!.key.grad, helloIds };
}
