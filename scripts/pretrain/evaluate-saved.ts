// Checks of a written model folder: it loads back with loadGpt2, its held-out loss, and how far
// its (F16-rounded) logits are from the trained f32 model's.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TokenizedExample } from '@prefixkit/datasets';
import { type Gpt2Model, loadGpt2 } from '@prefixkit/gpt2';
import { fileByteSource } from '@prefixkit/gpt2/node';
import { type Backend, keep, noGrad, tidy } from '@prefixkit/tensor';

export async function reloadSaved(directory: string, backend: Backend): Promise<Gpt2Model> {
  const config = await readFile(join(directory, 'config.json'), 'utf8');
  const weights = await fileByteSource(join(directory, 'model.safetensors'));
  return loadGpt2({ config, weights }, { backend });
}

/** Mean next-token loss over blocks of one length (equal targets per block). */
export async function heldOutLoss(
  model: Gpt2Model,
  blocks: readonly TokenizedExample[],
  batchSize: number,
): Promise<number> {
  let total = 0;
  for (let start = 0; start < blocks.length; start += batchSize) {
    const batch = blocks.slice(start, start + batchSize);
    const ids = batch.map((b) => b.inputIds);
    const loss = noGrad(() => tidy(() => keep(model.forward(ids, { labels: ids }).loss!)));
    total += (await loss.item()) * batch.length;
    loss.dispose();
  }
  return total / blocks.length;
}

/** Largest |a - b| between two models' logits on one sequence. */
export async function maxLogitDifference(
  a: Gpt2Model,
  b: Gpt2Model,
  ids: readonly number[],
): Promise<number> {
  const logits = async (model: Gpt2Model) => {
    const out = noGrad(() => tidy(() => keep(model.forward([ids as number[]]).logits)));
    const data = Float32Array.from(await out.data());
    out.dispose();
    return data;
  };
  const x = await logits(a);
  const y = await logits(b);
  let worst = 0;
  for (let k = 0; k < x.length; k++) worst = Math.max(worst, Math.abs(x[k]! - y[k]!));
  return worst;
}
