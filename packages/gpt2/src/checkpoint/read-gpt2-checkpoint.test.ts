import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CheckpointMismatchError, NonFiniteWeightError } from '../errors';
import { type ByteSource, bufferByteSource } from '../safetensors/byte-source';
import { openSafetensors } from '../safetensors/safetensors-reader';
import {
  type SafetensorsTensorInput,
  serializeSafetensors,
} from '../safetensors/safetensors-writer';
import { openGpt2Checkpoint, readGpt2Checkpoint } from './read-gpt2-checkpoint';

const dir = new URL('../../test/fixtures/tiny/', import.meta.url);
const configText = readFileSync(new URL('config.json', dir), 'utf8');
const weights = new Uint8Array(readFileSync(new URL('model.safetensors', dir)));

/** The fixture's tensors, as writer inputs, for building variants of the file. */
async function fixtureTensors(): Promise<
  Record<string, SafetensorsTensorInput & { data: Float32Array }>
> {
  const reader = await openSafetensors(bufferByteSource(weights));
  const out: Record<string, SafetensorsTensorInput & { data: Float32Array }> = {};
  for (const t of reader.tensors)
    out[t.name] = { dtype: 'F32', shape: t.shape, data: await reader.readFloat32(t.name) };
  return out;
}

const read = (tensors: Record<string, SafetensorsTensorInput>, config: unknown = configText) =>
  readGpt2Checkpoint({
    config,
    weights: bufferByteSource(serializeSafetensors(tensors), 'variant.safetensors'),
  });

async function mismatch(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(CheckpointMismatchError);
  return error as CheckpointMismatchError;
}

describe('readGpt2Checkpoint', () => {
  it('reads the PyTorch-written tiny model with every parameter in canonical order', async () => {
    const checkpoint = await readGpt2Checkpoint({
      config: configText,
      weights: bufferByteSource(weights),
    });
    expect(checkpoint.config.n_layer).toBe(2);
    expect(checkpoint.metadata).toEqual({ format: 'pt' });
    const names = [...checkpoint.parameters.keys()];
    expect(names).toHaveLength(4 + 12 * 2);
    expect(names.slice(0, 3)).toEqual([
      'transformer.wte.weight',
      'transformer.wpe.weight',
      'transformer.h.0.ln_1.weight',
    ]);
    expect(checkpoint.parameters.get('transformer.h.1.attn.c_attn.weight')!.length).toBe(32 * 96);
    const tensors = await fixtureTensors();
    expect(checkpoint.parameters.get('transformer.wte.weight')).toEqual(
      tensors['transformer.wte.weight']!.data,
    );
  });

  it('accepts names without `transformer.`, old attn.bias buffers and a tied lm_head', async () => {
    const tensors = await fixtureTensors();
    const old: Record<string, SafetensorsTensorInput> = {};
    for (const [name, tensor] of Object.entries(tensors))
      old[name.replace('transformer.', '')] = tensor;
    old['h.0.attn.bias'] = { dtype: 'F32', shape: [1, 1, 32, 32], data: new Float32Array(32 * 32) };
    old['h.1.attn.masked_bias'] = { dtype: 'F32', shape: [], data: new Float32Array([-1e4]) };
    old['lm_head.weight'] = tensors['transformer.wte.weight']!;
    const checkpoint = await read(old);
    expect(checkpoint.parameters.get('transformer.ln_f.bias')).toEqual(
      tensors['transformer.ln_f.bias']!.data,
    );
  });

  it('rejects an lm_head that differs from wte', async () => {
    const tensors = await fixtureTensors();
    const head = tensors['transformer.wte.weight']!.data.slice();
    head[5]! += 1;
    const error = await mismatch(
      read({ ...tensors, 'lm_head.weight': { dtype: 'F32', shape: [96, 32], data: head } }),
    );
    expect(error.kind).toBe('untied');
    expect(error.message).toMatch(
      /variant\.safetensors, tensor lm_head\.weight: differs from transformer\.wte\.weight at element 5/,
    );
  });

  it('names the missing tensor', async () => {
    const { 'transformer.h.1.mlp.c_fc.bias': _dropped, ...rest } = await fixtureTensors();
    const error = await mismatch(read(rest));
    expect(error.kind).toBe('missing');
    expect(error.tensor).toBe('transformer.h.1.mlp.c_fc.bias');
    expect(error.message).toMatch(
      /variant\.safetensors, tensor transformer\.h\.1\.mlp\.c_fc\.bias: missing from the checkpoint; expected shape \[128\]/,
    );
  });

  it('names unknown, duplicate and mis-shaped tensors', async () => {
    const tensors = await fixtureTensors();
    const extra = { dtype: 'F32' as const, shape: [32], data: new Float32Array(32) };
    const unknown = await mismatch(read({ ...tensors, 'transformer.h.2.ln_1.weight': extra }));
    expect([unknown.kind, unknown.tensor]).toEqual(['unexpected', 'transformer.h.2.ln_1.weight']);
    const duplicate = await mismatch(read({ ...tensors, 'ln_f.bias': extra }));
    expect(duplicate.kind).toBe('duplicate');
    const wrong = { dtype: 'F32' as const, shape: [33], data: new Float32Array(33) };
    const shape = await mismatch(read({ ...tensors, 'transformer.ln_f.bias': wrong }));
    expect(shape.message).toMatch(
      /tensor transformer\.ln_f\.bias: expected shape \[32\] \(config: n_embd 32\), got \[33\]/,
    );
  });

  it('reports a config that does not match the weights', async () => {
    const config = { ...JSON.parse(configText), vocab_size: 100 };
    const error = await mismatch(read(await fixtureTensors(), config));
    expect(error.message).toMatch(
      /tensor transformer\.wte\.weight: expected shape \[100,32\] \(config: vocab_size 100, n_embd 32\), got \[96,32\]/,
    );
  });

  it('checks dtypes and sizes from the header, reading no tensor data first', async () => {
    const tensors = await fixtureTensors();
    const bytes = serializeSafetensors({
      ...tensors,
      'transformer.ln_f.bias': { dtype: 'I32', shape: [32], data: new Int32Array(32) },
    });
    // Counts the bytes read past the header: tensor data that would already be allocated.
    const dataReads = (source: ByteSource) => {
      const reads: number[] = [];
      const headerEnd = 8 + Number(new DataView(bytes.buffer).getBigUint64(0, true));
      return {
        reads,
        source: {
          ...source,
          read: (offset: number, length: number, into?: Uint8Array) => {
            if (offset >= headerEnd) reads.push(offset);
            return source.read(offset, length, into);
          },
        },
      };
    };
    const integer = dataReads(bufferByteSource(bytes, 'int.safetensors'));
    const dtype = await mismatch(
      readGpt2Checkpoint({ config: configText, weights: integer.source }),
    );
    expect([dtype.kind, dtype.tensor]).toEqual(['dtype', 'transformer.ln_f.bias']);
    expect(dtype.message).toMatch(/dtype I32 cannot be read as float32; expected F32, F16, BF16/);
    expect(integer.reads).toEqual([]);

    // A config far larger than its weights fails on the first missing tensor, from the header.
    const deep = dataReads(bufferByteSource(weights));
    const config = { ...JSON.parse(configText), n_layer: 1024 };
    const missing = await mismatch(readGpt2Checkpoint({ config, weights: deep.source }));
    expect([missing.kind, missing.tensor]).toEqual(['missing', 'transformer.h.2.ln_1.weight']);
    expect(missing.message).toMatch(/\(and 12263 more\)/);
    expect(deep.reads).toEqual([]);
    await expect(
      readGpt2Checkpoint({
        config: { ...config, n_layer: 1e9 },
        weights: bufferByteSource(weights),
      }),
    ).rejects.toThrow('config.json, field /n_layer: must be <= 1024, got 1000000000');
  });

  it('streams tensors one by one after validating names from the header', async () => {
    const stream = await openGpt2Checkpoint({
      config: configText,
      weights: bufferByteSource(weights),
    });
    const seen: string[] = [];
    for await (const tensor of stream.tensors()) {
      expect(tensor.data.length).toBe(tensor.shape.reduce((a, b) => a * b, 1));
      seen.push(tensor.name);
    }
    expect(seen).toEqual(stream.parameters.map((p) => p.name));
    await stream.close();
  });

  it.each([
    ['F32', Number.NaN],
    ['F16', Number.POSITIVE_INFINITY],
    ['BF16', Number.NEGATIVE_INFINITY],
  ] as const)(
    'refuses %s weights holding %s, naming the file, tensor and element',
    async (dtype, value) => {
      const tensors = await fixtureTensors();
      const bias = tensors['transformer.h.1.mlp.c_fc.bias']!.data.slice();
      bias[7] = value;
      const error = await read({
        ...tensors,
        'transformer.h.1.mlp.c_fc.bias': { dtype, shape: [128], data: bias },
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NonFiniteWeightError);
      expect((error as NonFiniteWeightError).code).toBe('CHECKPOINT_NON_FINITE');
      expect((error as NonFiniteWeightError).message).toBe(
        `variant.safetensors, tensor transformer.h.1.mlp.c_fc.bias: element 7 is ${value}; expected finite weights (the file is corrupt or was saved from a diverged run)`,
      );
    },
  );
});
