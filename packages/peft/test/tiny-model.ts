// Test helpers: the tiny GPT-2 written by make-fixtures.py (on the CPU backend unless another is
// given), and its goldens.
import { readFileSync } from 'node:fs';
import { bufferByteSource, type Gpt2Model, loadGpt2, openSafetensors } from '@prefixkit/gpt2';
import { type Backend, CpuBackend } from '@prefixkit/tensor';
import type { HostTensor } from '../src/parameter-store';

const dir = new URL('./fixtures/tiny-peft/', import.meta.url);

export function loadTinyModel(backend: Backend = new CpuBackend()): Promise<Gpt2Model> {
  const config = readFileSync(new URL('config.json', dir), 'utf8');
  const weights = bufferByteSource(
    new Uint8Array(readFileSync(new URL('model.safetensors', dir))),
    'model.safetensors',
  );
  return loadGpt2({ config, weights }, { backend });
}

export interface GoldenCase {
  loss: number;
  names: string[];
  steps: Record<string, number[]>;
}

export interface Goldens {
  ids: number[][];
  labels: number[][];
  lr: number;
  prefixLength: number;
  midDim: number;
  bottleneck: number;
  cases: Record<string, GoldenCase>;
}

export async function loadGoldens(): Promise<{
  summary: Goldens;
  tensor: (name: string) => Promise<HostTensor>;
}> {
  const summary = JSON.parse(readFileSync(new URL('goldens.json', dir), 'utf8')) as Goldens;
  const reader = await openSafetensors(
    bufferByteSource(
      new Uint8Array(readFileSync(new URL('goldens.safetensors', dir))),
      'goldens.safetensors',
    ),
  );
  return {
    summary,
    tensor: async (name) => ({
      shape: reader.info(name)!.shape,
      data: await reader.readFloat32(name),
    }),
  };
}

/** Largest |a - b| over two arrays of equal length. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k]! - b[k]!));
  return worst;
}
