// generate() options on the tiny model (CPU backend): banned ids, min new tokens / min length,
// no-repeat n-grams, eos handling, stop strings, seeded sampling, positions from 0 with a
// prefix, and typed errors for bad options. Expectations are properties of the output (or
// comparisons with a direct forward), not recorded outputs.
import { CpuBackend, embedding, tensor } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate/generate';
import { GenerateOptionsError } from '../src/generate/generate-errors';
import { argmax } from '../src/generate/logits-processors';
import { positionRoom } from '../src/generate/position-budget';
import { goldenFloats, goldens, loadTinyModel } from './model-fixtures';
import { prefixFrom } from './model-prefix';

const backend = new CpuBackend();
const model = await loadTinyModel(backend);
const eos = goldens.eos_token_id;
const prompts = goldens.greedy.prompts;

function hasRepeatedNgram(tokens: readonly number[], n: number): boolean {
  const seen = new Set<string>();
  for (let from = 0; from + n <= tokens.length; from++) {
    const key = tokens.slice(from, from + n).join();
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

describe('generate options', () => {
  it('never emits banned tokens', async () => {
    const plain = await generate(model, prompts, { maxNewTokens: 8 });
    const banned = [...new Set(plain.flatMap((row) => row.tokens))].filter((id) => id !== eos);
    expect(banned.length).toBeGreaterThan(0);
    for (const row of await generate(model, prompts, { maxNewTokens: 8, bannedTokenIds: banned })) {
      expect(row.tokens.some((id) => banned.includes(id))).toBe(false);
    }
    for (const row of await generate(model, prompts, {
      maxNewTokens: 6,
      numBeams: 3,
      bannedTokenIds: banned,
    })) {
      expect(row.tokens.some((id) => banned.includes(id))).toBe(false);
    }
  });

  it('holds eos back for minNewTokens / minLength, and runs to maxNewTokens without an eos id', async () => {
    // The golden's first prompt ends at once by eos; it must now run at least 4 tokens.
    const [first] = await generate(model, [prompts[0]!], { maxNewTokens: 10 });
    expect(first!.tokens).toEqual([eos]);
    const [held] = await generate(model, [prompts[0]!], { maxNewTokens: 10, minNewTokens: 4 });
    expect(held!.tokens.slice(0, 4)).not.toContain(eos);
    const [long] = await generate(model, [prompts[0]!], {
      maxNewTokens: 10,
      minLength: prompts[0]!.length + 3,
    });
    expect(long!.tokens.slice(0, 3)).not.toContain(eos);
    const [endless] = await generate(model, [prompts[0]!], { maxNewTokens: 7, eosTokenId: null });
    expect(endless!.tokens.length).toBe(7);
    expect(endless!.finishReason).toBe('length');
  });

  it('no-repeat n-grams: no bigram twice in prompt + output (greedy repeats one otherwise)', async () => {
    const plain = await generate(model, prompts, { maxNewTokens: 12, eosTokenId: null });
    expect(
      plain.some((row, index) => hasRepeatedNgram([...prompts[index]!, ...row.tokens], 2)),
    ).toBe(true);
    for (const numBeams of [1, 3]) {
      const rows = await generate(model, prompts, {
        maxNewTokens: 12,
        eosTokenId: null,
        noRepeatNgramSize: 2,
        numBeams,
      });
      rows.forEach((row, index) => {
        expect(hasRepeatedNgram([...prompts[index]!, ...row.tokens], 2)).toBe(false);
      });
    }
  });

  it('stops a row at a stop string, keeping the greedy tokens up to there', async () => {
    const decode = (tokens: readonly number[]) =>
      tokens.map((id) => String.fromCharCode(65 + (id % 26))).join('');
    const [plain] = await generate(model, [prompts[2]!], { maxNewTokens: 12, eosTokenId: null });
    const stop = decode(plain!.tokens.slice(3, 5));
    const [stopped] = await generate(model, [prompts[2]!], {
      maxNewTokens: 12,
      eosTokenId: null,
      stopStrings: [stop],
      decode,
    });
    expect(stopped!.finishReason).toBe('stop-string');
    expect(decode(stopped!.tokens).endsWith(stop)).toBe(true);
    expect(plain!.tokens.slice(0, stopped!.tokens.length)).toEqual(stopped!.tokens);
    expect(stopped!.tokens.length).toBeLessThan(plain!.tokens.length);
  });

  it('samples reproducibly from a seed; top-k 1 is greedy', async () => {
    const options = { maxNewTokens: 10, doSample: true, temperature: 3, eosTokenId: null } as const;
    const a = await generate(model, prompts, { ...options, seed: 5 });
    const b = await generate(model, prompts, { ...options, seed: 5 });
    expect(a).toEqual(b);
    const others = await Promise.all(
      [6, 7, 8].map((seed) => generate(model, prompts, { ...options, seed })),
    );
    expect(others.some((rows) => JSON.stringify(rows) !== JSON.stringify(a))).toBe(true);
    const greedy = await generate(model, prompts, { maxNewTokens: 10, eosTokenId: null });
    expect(await generate(model, prompts, { ...options, topK: 1, seed: 9 })).toEqual(greedy);
  });

  it('checks up front that prompt, prefix and new tokens fit n_positions', async () => {
    const N = model.config.n_positions;
    const prompt = Array.from({ length: N - 6 }, (_, index) => (index * 7) % 90);
    const exact = { eosTokenId: null, maxNewTokens: 7 }; // positions 0 .. N - 1, all used
    for (const numBeams of [1, 2]) {
      const [row] = await generate(model, [prompts[0]!, prompt], { ...exact, numBeams });
      expect(row!.tokens).toHaveLength(7);
    }
    const tooLong = generate(model, [prompts[0]!, prompt], { ...exact, maxNewTokens: 8 });
    await expect(tooLong).rejects.toBeInstanceOf(GenerateOptionsError);
    await expect(tooLong).rejects.toThrow(
      `generate: option maxNewTokens: expected at most 7: prompt row 1 has ${N - 6} tokens, and the model has n_positions ${N}, got 8`,
    );
    // A prefix's positions come first, unless the prompt's positions start from 0.
    const prefixKv = await (await goldenFloats())('prefix_kv');
    const past = prefixFrom(tensor(prefixKv.data, prefixKv.shape, { backend }));
    const P = prefixKv.shape[4]!; // [L, 2, 1, NH, P, HS]
    await expect(generate(model, [prompt], { ...exact, past })).rejects.toThrow(
      `expected at most ${7 - P}: prompt row 0 has ${N - 6} tokens after a prefix of ${P} positions`,
    );
    const [fromZero] = await generate(model, [prompt], { ...exact, past, positionsFromZero: true });
    expect(fromZero!.tokens).toHaveLength(7);
    const whole = Array.from({ length: N + 1 }, () => 5);
    await expect(generate(model, [whole], { maxNewTokens: 1 })).rejects.toThrow(
      `expected a prompt that fits the model: prompt row 0 has ${N + 1} tokens`,
    );
    // positionRoom is the same budget for callers that check it themselves (the server).
    expect(positionRoom([prompt], { past }, model.config)).toEqual({
      room: 7 - P,
      row: 0,
      longest: N - 6,
      before: `a prefix of ${P}`,
    });
    expect(positionRoom([prompt], { past, positionsFromZero: true }, model.config).room).toBe(7);
  });

  it('positionsFromZero starts the prompt at position 0 after a prefix', async () => {
    const prefixKv = await (await goldenFloats())('prefix_kv');
    const past = prefixFrom(tensor(prefixKv.data, prefixKv.shape, { backend }));
    for (const fromZero of [false, true]) {
      const [row] = await generate(model, [prompts[1]!], {
        maxNewTokens: 1,
        eosTokenId: null,
        past,
        positionsFromZero: fromZero,
      });
      const logits = await model
        .forward([prompts[1]!], {
          past,
          ...(fromZero ? { positionOffset: 0 } : {}),
          logitsFor: 'last',
        })
        .logits.data();
      expect(row!.tokens).toEqual([argmax(logits)]);
    }
  });

  it('a soft prompt of token embeddings generates like those tokens prepended; identity hooks change nothing', async () => {
    const lead = [7, 19];
    const wte = model.parameters.get('transformer.wte.weight')!;
    const soft = embedding(tensor(Int32Array.from(lead), [2], { backend, dtype: 'i32' }), wte);
    const options = { maxNewTokens: 8, eosTokenId: null } as const;
    const expected = await generate(
      model,
      prompts.map((prompt) => [...lead, ...prompt]),
      options,
    );
    expect(await generate(model, prompts, { ...options, inputEmbeddingsPrefix: soft })).toEqual(
      expected,
    );
    const hooks = {
      afterAttention: (_: number, output: typeof soft) => output,
      afterMlp: (_: number, output: typeof soft) => output,
    };
    // Without hooks a decoding step runs the block's tail as one kernel, with hooks as the
    // separate ops: the same tokens, scores equal to rounding.
    const plain = await generate(model, prompts, { ...options, numBeams: 2 });
    const hooked = await generate(model, prompts, { ...options, numBeams: 2, hooks });
    expect(hooked.map(({ tokens, finishReason }) => ({ tokens, finishReason }))).toEqual(
      plain.map(({ tokens, finishReason }) => ({ tokens, finishReason })),
    );
    for (const [index, row] of hooked.entries())
      expect(row.score).toBeCloseTo(plain[index]!.score!, 5);
    soft.dispose();
  });

  it('frees every buffer it made (cache, logits, gathers): live buffers unchanged', async () => {
    const prefixKv = await (await goldenFloats())('prefix_kv');
    const leaf = tensor(prefixKv.data, prefixKv.shape, { backend });
    const past = prefixFrom(leaf);
    const before = backend.liveBufferCount();
    await generate(model, prompts, { maxNewTokens: 6, numBeams: 3, past });
    await generate(model, prompts, { maxNewTokens: 6, past, doSample: true });
    await generate(model, prompts, { maxNewTokens: 6, past }); // pipelined greedy
    expect(backend.liveBufferCount()).toBe(before);
  });

  it('reports every greedy step (onStep), stops greedy and beam decoding on abort, and frees what it made', async () => {
    const steps: number[][][] = [];
    const [row] = await generate(model, [prompts[0]!], {
      maxNewTokens: 5,
      eosTokenId: null,
      onStep: (generated) => steps.push(generated.map((tokens) => [...tokens])),
    });
    expect(steps.map((step) => step[0])).toEqual(
      row!.tokens.map((_, n) => row!.tokens.slice(0, n + 1)),
    );
    const before = backend.liveBufferCount();
    for (const numBeams of [1, 3]) {
      const controller = new AbortController();
      let calls = 0;
      const stopped = generate(model, [prompts[0]!], {
        maxNewTokens: 20,
        numBeams,
        eosTokenId: null,
        signal: controller.signal,
        // Beam search has no onStep: it is aborted below, once it has started.
        ...(numBeams === 1
          ? { onStep: () => ++calls === 2 && controller.abort(new Error('stop')) }
          : {}),
      });
      if (numBeams > 1) controller.abort(new Error('stop'));
      await expect(stopped).rejects.toThrow('stop');
    }
    // Stopped mid-way, greedy decoding (two steps' ids in flight) frees what it made.
    expect(backend.liveBufferCount()).toBe(before);
  });

  it('rejects bad options and prompts with GenerateOptionsError naming them', async () => {
    const cases: [object, string, number[][]?][] = [
      [{ numBeams: 0 }, 'numBeams'],
      [{ maxNewTokens: 5, minNewTokens: 6 }, 'minNewTokens'],
      [{ numBeams: 65 }, 'numBeams'],
      [{ maxNewTokens: 2 ** 60 }, 'maxNewTokens'],
      [{ bannedTokenIds: [-1] }, 'bannedTokenIds[0]'],
      [{ stopStrings: [''], decode: () => '' }, 'stopStrings[0]'],
      [{ numBeams: 2, doSample: true }, 'doSample'],
      [{ topP: 0 }, 'topP'],
      [{ temperature: 0 }, 'temperature'],
      [{ maxNewTokens: 0 }, 'maxNewTokens'],
      [{ stopStrings: ['x'] }, 'decode'],
      [{ bannedTokenIds: [model.config.vocab_size] }, 'bannedTokenIds[0]'],
      [{}, 'prompts[0]', [[]]],
      [{}, 'prompts[1][0]', [[1], [-1]]],
    ];
    for (const [options, option, rows] of cases) {
      const error = await generate(model, rows ?? prompts, options).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(GenerateOptionsError);
      expect((error as GenerateOptionsError).option).toBe(option);
    }
  });
});
