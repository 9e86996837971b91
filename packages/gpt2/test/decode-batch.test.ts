// Continuous batching (DecodeBatch): rows that join at different steps, each with its own method
// inputs (two prefixes of different lengths, none, a soft prompt, an infix), and leave when done,
// get exactly the greedy tokens generate() gives each of them alone; the cache drops the
// columns of rows that left, and nothing stays allocated after dispose().
import { type Backend, noGrad, randn } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { DecodeBatch, type RowDecodingOptions } from '../src/generate/decode-batch';
import { generate } from '../src/generate/generate';
import { argmax } from '../src/generate/logits-processors';
import type { LayerKeyValue } from '../src/model/attention';
import type { Gpt2Model } from '../src/model/model';
import { backendFor, backendKinds, loadTinyModel } from './model-fixtures';

const newTokens = 6;

function randomKeyValues(model: Gpt2Model, slots: number, seed: number): LayerKeyValue[] {
  const { n_layer, n_head, n_embd } = model.config;
  const shape = [1, n_head, slots, n_embd / n_head];
  const options = { backend: model.backend, seed };
  return Array.from({ length: n_layer }, (_, layer) => ({
    key: randn(shape, { ...options, seed: seed * 100 + 2 * layer }),
    value: randn(shape, { ...options, seed: seed * 100 + 2 * layer + 1 }),
  }));
}

interface Row {
  readonly id: number;
  readonly joinAt: number;
  readonly prompt: number[];
  readonly method: RowDecodingOptions;
  /** New tokens (default newTokens). */
  readonly count?: number;
}

describe.each(backendKinds)('DecodeBatch on %s', (kind) => {
  it('gives rows joining and leaving mid-run the tokens each gets alone', async (context) => {
    const backend: Backend = await backendFor(kind, context);
    const model = await loadTinyModel(backend);
    const C = model.config.n_embd;
    const rows: Row[] = [
      { id: 0, joinAt: 0, prompt: [5, 17, 3], method: { past: randomKeyValues(model, 3, 1) } },
      { id: 1, joinAt: 0, prompt: [8, 2, 9, 9, 4, 1], method: {} },
      // Leaves early, while wider rows stay: their columns must stay too.
      { id: 6, joinAt: 0, prompt: [9], method: {}, count: 2 },
      { id: 2, joinAt: 2, prompt: [11], method: { past: randomKeyValues(model, 5, 2) } },
      {
        id: 3,
        joinAt: 3,
        prompt: [7, 7, 20, 4],
        method: { past: randomKeyValues(model, 2, 3), positionsFromZero: true },
      },
      {
        id: 4,
        joinAt: 4,
        prompt: [30, 31],
        method: { inputEmbeddingsPrefix: randn([2, C], { backend, seed: 9 }) },
      },
      {
        id: 5,
        joinAt: 7,
        prompt: [12, 95, 40],
        method: { infix: { keyValues: randomKeyValues(model, 2, 4), separatorTokenId: 95 } },
      },
    ];
    const alone = new Map<number, number[]>();
    for (const row of rows) {
      const [out] = await generate(model, [row.prompt], {
        ...row.method,
        maxNewTokens: row.count ?? newTokens,
        eosTokenId: null,
      });
      alone.set(row.id, out!.tokens);
    }

    const batch = new DecodeBatch(model);
    const generated = new Map<number, number[]>(rows.map((row) => [row.id, []]));
    let logits = new Map<number, Float32Array>();
    let widest = 0;
    for (let tick = 0; tick < 20; tick++) {
      for (const row of rows.filter((r) => r.joinAt === tick))
        logits.set(row.id, await batch.join(row.id, row.prompt, row.method));
      const tokens = new Map<number, number>();
      for (const id of batch.rows) {
        const token = argmax(logits.get(id)!);
        generated.get(id)!.push(token);
        tokens.set(id, token);
      }
      const counts = new Map(rows.map((row) => [row.id, row.count ?? newTokens]));
      batch.leave(batch.rows.filter((id) => generated.get(id)!.length === counts.get(id)));
      widest = Math.max(widest, batch.width);
      if (batch.rows.length > 0) logits = await batch.step(tokens);
      else if (rows.every((row) => row.joinAt <= tick)) break;
    }
    for (const row of rows)
      expect(generated.get(row.id), `row ${row.id}`).toEqual(alone.get(row.id));
    // The rows still together at the end hold only their own columns (padding was dropped).
    expect(batch.rows).toEqual([]);
    expect(batch.width).toBe(0);
    expect(widest).toBeGreaterThan(0);
    batch.dispose();
  });

  it('runs the prompts of rows that share an adapter together, each as it runs alone', async (context) => {
    const model = await loadTinyModel(await backendFor(kind, context));
    const past = randomKeyValues(model, 4, 7);
    const prompts = [
      [3, 9, 27, 4, 4],
      [60, 2],
      [5, 5, 5],
    ];
    const alone = await Promise.all(
      prompts.map(async (prompt, row) => {
        const [out] = await generate(model, [prompt], {
          ...(row > 0 ? { past } : {}),
          maxNewTokens: newTokens,
          eosTokenId: null,
        });
        return out!.tokens;
      }),
    );
    const batch = new DecodeBatch(model);
    const first = [await batch.join(0, prompts[0]!)];
    const rest = await batch.joinAll(
      [
        { id: 1, prompt: prompts[1]! },
        { id: 2, prompt: prompts[2]! },
      ],
      { past },
    );
    let logits = new Map([...first, ...rest].map((values, id) => [id, values]));
    const generated: number[][] = [[], [], []];
    for (let step = 0; step < newTokens; step++) {
      const tokens = new Map([0, 1, 2].map((id) => [id, argmax(logits.get(id)!)]));
      for (const [id, token] of tokens) generated[id]!.push(token);
      if (step < newTokens - 1) logits = await batch.step(tokens);
    }
    expect(generated).toEqual(alone);
    batch.dispose();
  });

  it('stepArgmax picks on the device what step and a host argmax pick, bans skipped', async (context) => {
    const model = await loadTinyModel(await backendFor(kind, context));
    const prompts = [
      [3, 9, 27, 4, 4],
      [60, 2],
      [5, 5, 5],
    ];
    const onHost = new DecodeBatch(model);
    const onDevice = new DecodeBatch(model);
    const joined = await onHost.joinAll(prompts.map((prompt, id) => ({ id, prompt })));
    await onDevice.joinAll(prompts.map((prompt, id) => ({ id, prompt })));
    let tokens = new Map(joined.map((values, id) => [id, argmax(values)]));
    for (let step = 0; step < newTokens; step++) {
      // Ban each row's host choice in odd steps: the device must skip it too.
      const logits = await onHost.step(tokens);
      const bans = new Map([0, 1, 2].map((id) => [id, step % 2 ? [argmax(logits.get(id)!)] : []]));
      const host = new Map(
        [0, 1, 2].map((id) => {
          const scores = Float32Array.from(logits.get(id)!);
          for (const banned of bans.get(id)!) scores[banned] = Number.NEGATIVE_INFINITY;
          return [id, argmax(scores)];
        }),
      );
      const device = await onDevice.stepArgmax(tokens, bans);
      expect(device, `step ${step}`).toEqual(host);
      tokens = host;
    }
    onHost.dispose();
    onDevice.dispose();
  });

  it('runs the prompts of rows with different prefixes in one pass, each as it runs alone', async (context) => {
    const model = await loadTinyModel(await backendFor(kind, context));
    const rows = [
      { id: 1, prompt: [3, 9, 27, 4, 4], past: randomKeyValues(model, 4, 11) },
      { id: 2, prompt: [60, 2] },
      { id: 3, prompt: [5, 5, 5], past: randomKeyValues(model, 2, 12), positionsFromZero: true },
      { id: 4, prompt: [8], past: randomKeyValues(model, 6, 13) },
    ];
    const alone = await Promise.all(
      rows.map(async (row) => {
        const [out] = await generate(model, [row.prompt], {
          ...(row.past ? { past: row.past } : {}),
          ...(row.positionsFromZero ? { positionsFromZero: true } : {}),
          maxNewTokens: newTokens,
          eosTokenId: null,
        });
        return out!.tokens;
      }),
    );
    const batch = new DecodeBatch(model);
    const first = await batch.join(0, [7, 7, 7, 7, 7, 7, 7], {
      past: randomKeyValues(model, 3, 14),
    });
    const joined = await batch.joinPrefixed(rows);
    let logits = new Map<number, Float32Array>([
      [0, first],
      ...rows.map((row, r) => [row.id, joined[r]!] as const),
    ]);
    const generated = new Map<number, number[]>(batch.rows.map((id) => [id, []]));
    for (let step = 0; step < newTokens; step++) {
      const tokens = new Map(batch.rows.map((id) => [id, argmax(logits.get(id)!)]));
      for (const [id, token] of tokens) generated.get(id)!.push(token);
      if (step < newTokens - 1) logits = await batch.step(tokens);
    }
    expect(rows.map((row) => generated.get(row.id))).toEqual(alone);
    batch.dispose();
  });

  it('refuses a row id already in the batch and a step without a token for every row', async (context) => {
    const model = await loadTinyModel(await backendFor(kind, context));
    const batch = new DecodeBatch(model);
    await batch.join(1, [3, 4]);
    await expect(batch.join(1, [5])).rejects.toThrow(/a row id not in the batch/);
    await expect(batch.step(new Map())).rejects.toThrow(/tokens\[1\]/);
    noGrad(() => batch.dispose());
  });
});
