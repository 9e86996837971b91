// The checkpoint directory (config.json + model.safetensors) of each case's model, read by both
// sides: the embedded prefixkit-tiny, or GPT-2 shapes with random weights (GPT-2's
// initialisation, seed 1) written once per run into a temporary folder.
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Gpt2Config, gpt2Preset } from '@prefixkit/gpt2';
import { writeGpt2Checkpoint } from '@prefixkit/gpt2/node';
import { randomGpt2Parameters } from '@prefixkit/peft';
import { type CompareCase, vocabOf } from './cases';

// Two folders below the repository root: this file (benchmarks/compare/) and the bundle
// (benchmarks/dist/, or .gpu/compare/ on a lent GPU) alike.
const tinyModel = fileURLToPath(new URL('../../models/prefixkit-tiny', import.meta.url));

/** GPT-2 preset shapes with another vocabulary; eos and bos move to its last id. */
function randomConfig(compareCase: CompareCase): Gpt2Config {
  const vocab = vocabOf(compareCase);
  const preset = gpt2Preset(compareCase.model === 'medium' ? 'gpt2-medium' : 'gpt2');
  return { ...preset, vocab_size: vocab, eos_token_id: vocab - 1, bos_token_id: vocab - 1 };
}

export class Checkpoints {
  private readonly written = new Map<string, string>();
  private readonly folder = path.join(os.tmpdir(), `prefixkit-compare-${process.pid}`);

  constructor(private readonly log: (line: string) => void) {}

  /** The directory of `compareCase`'s model, written on first use. */
  async directoryOf(compareCase: CompareCase): Promise<string> {
    if (compareCase.model === 'tiny') return tinyModel;
    const key = `gpt2-${compareCase.model}-v${vocabOf(compareCase)}`;
    const known = this.written.get(key);
    if (known) return known;
    const directory = path.join(this.folder, key);
    const config = randomConfig(compareCase);
    this.log(`writing random ${key} to ${directory}`);
    await writeGpt2Checkpoint(directory, {
      config,
      parameters: randomGpt2Parameters(config, { seed: 1 }),
    });
    this.written.set(key, directory);
    return directory;
  }

  /** Deletes every checkpoint this run wrote. */
  async remove(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true });
  }
}
