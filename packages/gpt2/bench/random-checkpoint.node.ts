// Writes a GPT-2 checkpoint directory (config.json + model.safetensors) of a preset's shapes with
// random values, for the memory benchmark (no download). Every tensor is a view of one shared
// random array as long as the largest tensor, so writing a 1.4 GB file needs ~0.2 GB here.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gpt2ParameterSpecs } from '../src/checkpoint/gpt2-parameters';
import { type Gpt2PresetName, gpt2Preset } from '../src/config/gpt2-presets';
import { writeSafetensorsFile } from '../src/safetensors/safetensors-file.node.js';
import type { SafetensorsTensorInput } from '../src/safetensors/safetensors-writer';

/** Writes `directory`/{config.json, model.safetensors}; returns the weight file's size in bytes. */
export async function writeRandomCheckpoint(
  directory: string,
  preset: Gpt2PresetName,
  dtype: 'F32' | 'F16',
): Promise<{ fileBytes: number; tensors: number; largestTensorElements: number }> {
  const config = gpt2Preset(preset);
  const specs = gpt2ParameterSpecs(config);
  const sizes = specs.map((spec) => spec.shape.reduce((a, b) => a * b, 1));
  const largest = sizes.reduce((most, size) => Math.max(most, size), 0);
  const shared = new Float32Array(largest);
  let state = 12345;
  for (let index = 0; index < largest; index++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    shared[index] = (state / 4294967296 - 0.5) * 0.07;
  }
  const tensors: Record<string, SafetensorsTensorInput> = {};
  specs.forEach((spec, index) => {
    tensors[spec.name] = { dtype, shape: spec.shape, data: shared.subarray(0, sizes[index]) };
  });
  await mkdir(directory, { recursive: true });
  const weights = join(directory, 'model.safetensors');
  await writeSafetensorsFile(weights, tensors, { format: 'pt' });
  await writeFile(join(directory, 'config.json'), JSON.stringify(config));
  const elementSize = dtype === 'F32' ? 4 : 2;
  const dataBytes = sizes.reduce((a, b) => a + b, 0) * elementSize;
  return { fileBytes: dataBytes, tensors: specs.length, largestTensorElements: largest };
}
