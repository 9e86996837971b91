// Writes an interoperability case for scripts/interop/check_hf_peft.py: the tiny GPT-2 of the
// gpt2 goldens, a prefix and a LoRA saved by prefixkit in Hugging Face PEFT's layout, and the
// logits prefixkit computes with each. The Python side loads the same files with transformers
// and peft and compares. Run: tsx scripts/interop/make-interop-case.ts <out-dir>
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Gpt2Model } from '@prefixkit/gpt2';
import { openGpt2CheckpointDirectory } from '@prefixkit/gpt2/node';
import { createPeftModel, type PeftModel } from '@prefixkit/peft';
import { savePeftDirectory } from '@prefixkit/peft/node';
import { CpuBackend, noGrad, randn } from '@prefixkit/tensor';

const out = process.argv[2];
if (!out) throw new Error('usage: make-interop-case.ts <out-dir>');
const modelDir = new URL('../../packages/gpt2/test/fixtures/tiny/', import.meta.url).pathname;

const backend = new CpuBackend();
const stream = await openGpt2CheckpointDirectory(modelDir);
const base = await Gpt2Model.fromCheckpoint(stream, { backend });
await stream.close();
const ids = [
  [5, 17, 33, 2, 60, 71, 8],
  [40, 41, 42, 43, 44, 45, 46],
];

async function logitsOf(model: PeftModel | null): Promise<number[]> {
  const output = noGrad(() => (model ? model.forward(ids) : base.forward(ids)));
  return Array.from(await output.logits.toArray());
}

/** Gives every trainable tensor seeded non-zero values (LoRA's B starts at zero). */
async function randomise(model: PeftModel, seed: number): Promise<void> {
  let offset = 0;
  for (const [, tensor] of model.parameters.entries()) {
    const values = randn([...tensor.shape], { seed: seed + offset++, std: 0.2 });
    tensor.write(await values.toArray());
    values.dispose();
  }
}

const prefix = await createPeftModel(base, { method: 'prefix-flat', prefixLength: 4 }, { seed: 3 });
await randomise(prefix, 100);
const lora = await createPeftModel(
  base,
  { method: 'lora', r: 4, alpha: 8, targetModules: ['attn.c_attn', 'mlp.c_fc'] },
  { seed: 4 },
);
await randomise(lora, 200);

await mkdir(out, { recursive: true });
await savePeftDirectory(prefix, join(out, 'prefix'), { baseModelNameOrPath: 'tiny' });
await savePeftDirectory(lora, join(out, 'lora'), { baseModelNameOrPath: 'tiny' });
const expected = {
  ids,
  vocabSize: base.config.vocab_size,
  base: await logitsOf(null),
  prefix: await logitsOf(prefix),
  lora: await logitsOf(lora),
};
await writeFile(join(out, 'expected.json'), `${JSON.stringify(expected)}\n`);
console.log(`wrote ${out}`);
