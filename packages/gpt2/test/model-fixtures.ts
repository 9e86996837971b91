// Shared helpers of the model and generation tests: the tiny PyTorch-made GPT-2 and its goldens
// (test/make-fixtures.py), backends (CPU, and WebGPU through Dawn where an adapter exists) and
// a max-difference check that prints the first mismatches (llm.c check_tensor).
import { readFileSync } from 'node:fs';
import { type Backend, CpuBackend } from '@prefixkit/tensor';
import { createWebGpuBackend, releaseDevice, type WebGpuBackend } from '@prefixkit/tensor/node';
import { afterAll } from 'vitest';
import { loadGpt2 } from '../src/model/load-gpt2';
import type { Gpt2Model } from '../src/model/model';
import type { ModelDType } from '../src/model/model-parameters';
import { bufferByteSource } from '../src/safetensors/byte-source';
import { openSafetensors } from '../src/safetensors/safetensors-reader';

const tinyDir = new URL('./fixtures/tiny/', import.meta.url);

export interface GoldenCase {
  input_ids: number[][];
  labels: number[][];
  use_prefix: boolean;
  loss: number;
  loss_sum_per_row: number[];
  attention_mask?: number[][];
  position_ids?: number[][];
}

export interface GoldenBeam {
  tokens: number[];
  score: number;
  finished_with_eos: number;
}

export interface Goldens {
  prefix_length: number;
  eos_token_id: number;
  cases: Record<string, GoldenCase>;
  /** `plain` and `prefix` again with activation_function "gelu" (exact erf) on the same weights. */
  gelu_exact_cases: Record<string, GoldenCase>;
  greedy: {
    prompts: number[][];
    max_new_tokens: number;
    tokens: number[][];
    tokens_with_prefix: number[][];
  };
  beam: {
    num_beams: number;
    max_new_tokens: number;
    rows: { prompt: number[]; plain: GoldenBeam; with_prefix: GoldenBeam }[];
  };
}

export const goldens: Goldens = JSON.parse(readFileSync(new URL('goldens.json', tinyDir), 'utf8'));

/** The float goldens (logits, prefix keys/values, gradients) by name. */
export async function goldenFloats(): Promise<
  (name: string) => Promise<{ shape: number[]; data: Float32Array }>
> {
  const reader = await openSafetensors(
    bufferByteSource(readFileSync(new URL('goldens.safetensors', tinyDir)), 'goldens.safetensors'),
  );
  return async (name) => ({
    shape: reader.info(name)!.shape,
    data: await reader.readFloat32(name),
  });
}

/** The tiny model of test/fixtures/tiny on `backend`. */
export function loadTinyModel(backend: Backend, dtype: ModelDType = 'f32'): Promise<Gpt2Model> {
  return loadGpt2(
    {
      config: readFileSync(new URL('config.json', tinyDir), 'utf8'),
      weights: bufferByteSource(readFileSync(new URL('model.safetensors', tinyDir))),
    },
    { backend, dtype },
  );
}

/** max |a - b| over all elements; throws with the first mismatches above `tolerance`. */
export function expectClose(
  name: string,
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: number,
): number {
  if (actual.length !== expected.length)
    throw new Error(`${name}: ${actual.length} values, expected ${expected.length}`);
  let max = 0;
  const bad: string[] = [];
  for (let index = 0; index < actual.length; index++) {
    const diff = Math.abs(actual[index]! - expected[index]!);
    if (!(diff <= tolerance) && bad.length < 5)
      bad.push(`[${index}] ${actual[index]} vs ${expected[index]}`);
    if (!(diff <= max)) max = diff;
  }
  if (bad.length > 0)
    throw new Error(
      `${name}: max |diff| ${max} > ${tolerance}; first mismatches: ${bad.join(', ')}`,
    );
  return max;
}

let webgpu: Promise<WebGpuBackend> | undefined;

/**
 * The file's WebGPU backend (Dawn; lavapipe on CI machines). Without an adapter the test fails
 * when CI is set and is skipped otherwise (the reason printed), like the tensor package's fixture.
 */
export async function webGpuBackend(context: {
  skip(note?: string): void;
}): Promise<WebGpuBackend> {
  webgpu ??= createWebGpuBackend();
  try {
    return await webgpu;
  } catch (error) {
    if (process.env.CI) throw error;
    context.skip(`no WebGPU adapter: ${(error as Error).message.split('\n')[0]}`);
    throw error;
  }
}

afterAll(async () => {
  const backend = await webgpu?.catch(() => undefined);
  backend?.destroy();
  webgpu = undefined;
  await releaseDevice();
});

/** One backend per kind, for `describe.each`. */
export const backendKinds = ['cpu', 'webgpu'] as const;
export type BackendKind = (typeof backendKinds)[number];

let cpu: CpuBackend | undefined;

export async function backendFor(
  kind: BackendKind,
  context: { skip(note?: string): void },
): Promise<Backend> {
  if (kind === 'cpu') {
    cpu ??= new CpuBackend();
    return cpu;
  }
  return webGpuBackend(context);
}
