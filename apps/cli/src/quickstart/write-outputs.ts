// What `prefixkit quickstart --output DIR` writes: each row's outputs (one line per MR, the
// paper's post-processing), each small method's trained tensors in PEFT's layout, and
// result.json; every file written to a temporary name, then renamed.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@prefixkit/errors/node';
import type { PeftModel } from '@prefixkit/peft';
import { savePeftDirectory } from '@prefixkit/peft/node';
import type { MethodRun } from './method-runs';
import type { QuickstartResult } from './quickstart-result';

/** Writes the quickstart's outputs, trained methods and result into `folder`. */
export async function writeOutputs(
  folder: string,
  result: QuickstartResult,
  trained: { run: MethodRun; peft: PeftModel }[],
  name: string,
) {
  await mkdir(folder, { recursive: true });
  const lines = (outputs: string[]) => outputs.map((o) => `${o}\n`).join('');
  await writeFileAtomic(join(folder, 'no-prefix.txt'), lines(result.rows[0]!.outputs));
  for (const [index, { run, peft }] of trained.entries()) {
    // FT-FULL is a whole model, not a small PEFT file: only its outputs are written.
    if (run.method !== 'ft-full')
      await savePeftDirectory(peft, join(folder, run.method), { baseModelNameOrPath: name });
    const file = run.method === 'prefix' ? 'prefix-tuned.txt' : `${run.method}.txt`;
    await writeFileAtomic(join(folder, file), lines(result.rows[index + 1]!.outputs));
  }
  await writeFileAtomic(join(folder, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
}
