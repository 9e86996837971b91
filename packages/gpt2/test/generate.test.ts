// generate() against the PyTorch goldens of test/make-fixtures.py: batched greedy decoding of
// left-padded prompts (with and without a prefix) gives identical tokens; beam search (K = 5,
// HF <= 4.35 rules) gives identical tokens and the same scores, on CPU and WebGPU.
import { tensor } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate/generate';
import type { Gpt2Model } from '../src/model/model';
import { backendFor, backendKinds, goldenFloats, goldens, loadTinyModel } from './model-fixtures';
import { prefixFrom } from './model-prefix';

/** Pads each row with eos to `width`, as the golden (HF) output of a finished row. */
function padRows(rows: readonly (readonly number[])[], width: number, pad: number): number[][] {
  return rows.map((row) => [...row, ...new Array<number>(width - row.length).fill(pad)]);
}

describe.each(backendKinds)('generate on %s vs PyTorch', (kind) => {
  let model: Gpt2Model | undefined;
  const setup = async (context: { skip(note?: string): void }) => {
    const backend = await backendFor(kind, context);
    model ??= await loadTinyModel(backend);
    const prefixKv = await (await goldenFloats())('prefix_kv');
    const leaf = tensor(prefixKv.data, prefixKv.shape, { backend });
    return { model, prefix: prefixFrom(leaf), leaf };
  };

  for (const withPrefix of [false, true]) {
    it(`greedy, batched left-padded prompts${withPrefix ? ', with a prefix' : ''}: identical tokens`, async (context) => {
      const { model, prefix, leaf } = await setup(context);
      const { prompts, max_new_tokens: maxNewTokens } = goldens.greedy;
      const expected = withPrefix ? goldens.greedy.tokens_with_prefix : goldens.greedy.tokens;
      const rows = await generate(model, prompts, {
        maxNewTokens,
        ...(withPrefix ? { past: prefix } : {}),
      });
      const eos = goldens.eos_token_id;
      expect(
        padRows(
          rows.map((row) => row.tokens),
          expected[0]!.length,
          eos,
        ),
      ).toEqual(expected);
      rows.forEach((row) => {
        expect(row.finishReason).toBe(row.tokens.at(-1) === eos ? 'eos' : 'length');
      });
      // The prefix is the caller's: generation must not have disposed it.
      expect(prefix[0]!.key.isDisposed).toBe(false);
      for (const layer of prefix) {
        layer.key.dispose();
        layer.value.dispose();
      }
      leaf.dispose();
    });

    it(`beam search K=5${withPrefix ? ', with a prefix' : ''}: identical tokens and scores`, async (context) => {
      const { model, prefix, leaf } = await setup(context);
      const { num_beams: numBeams, max_new_tokens: maxNewTokens } = goldens.beam;
      const prompts = goldens.beam.rows.map((row) => row.prompt);
      // All rows in one batch (left-padded), and each row alone: both must match the goldens.
      const batched = await generate(model, prompts, {
        numBeams,
        maxNewTokens,
        ...(withPrefix ? { past: prefix } : {}),
      });
      for (const [index, golden] of goldens.beam.rows.entries()) {
        const expected = withPrefix ? golden.with_prefix : golden.plain;
        const [alone] = await generate(model, [golden.prompt], {
          numBeams,
          maxNewTokens,
          ...(withPrefix ? { past: prefix } : {}),
        });
        for (const row of [alone!, batched[index]!]) {
          expect([...golden.prompt, ...row.tokens]).toEqual(expected.tokens);
          expect(Math.abs(row.score! - expected.score)).toBeLessThan(1e-5);
        }
      }
      leaf.dispose();
    });
  }
});
