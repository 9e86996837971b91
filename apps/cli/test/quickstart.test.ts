// `prefixkit quickstart` through the real binary, sized down (few steps, 2 MRs, short outputs)
// so it runs in well under a minute: the table's structure, and the point of the exercise — the
// trained prefix's held-out loss is below the same model's loss without a prefix.
import { describe, expect, it } from 'vitest';
import { parseJsonOutput, runPrefixkit } from './run-cli';

type Row = {
  name: string;
  trainableParameters: number;
  percentOfBase: number;
  scores: Record<string, number>;
  devLoss: number;
  seconds: number;
  outputs: string[];
};

describe.concurrent('prefixkit quickstart', () => {
  it('prefix-tunes the default model and prints the paper-style table (--json)', async () => {
    const run = await runPrefixkit(
      ['quickstart', '--json', '--eval-mrs', '2', '--max-steps', '8', '--warmup-steps', '1'].concat(
        [
          '--learning-rate',
          '0.01',
          '--batch-size',
          '3',
          '--num-beams',
          '2',
          '--max-new-tokens',
          '6',
        ],
      ),
    );
    expect(run.code, run.stderr).toBe(0);
    const result = parseJsonOutput(run).result as {
      model: { kind: string; parameters: number };
      data: { train: number; evalMrs: number };
      rows: Row[];
      signatures: Record<string, string>;
      training: { steps: number };
    };
    expect(result.data).toMatchObject({ train: 202, evalMrs: 2 });
    expect(result.training.steps).toBe(8);
    expect(['embedded', 'stand-in']).toContain(result.model.kind);
    const [base, tuned] = result.rows;
    expect(Object.keys(base!.scores)).toEqual(['bleu', 'nist', 'meteor', 'rouge-l', 'cider']);
    expect(Object.keys(tuned!.scores)).toEqual(['bleu', 'nist', 'meteor', 'rouge-l', 'cider']);
    expect(base!.trainableParameters).toBe(0);
    expect(tuned!.trainableParameters).toBeGreaterThan(0);
    expect(tuned!.percentOfBase).toBeCloseTo(
      (100 * tuned!.trainableParameters) / result.model.parameters,
      10,
    );
    expect(base!.outputs).toHaveLength(2);
    expect(tuned!.outputs).toHaveLength(2);
    expect(result.signatures.bleu).toMatch(/^BLEU\|impl:mteval-v13a/);
    expect(tuned!.devLoss).toBeLessThan(base!.devLoss);
    // With --json the table is only in the JSON; stderr holds the progress lines.
    expect(run.stderr).toMatch(/prefix-tuning step 8\/8/);
  });

  it('falls back to a stand-in pretrained on the spot, and says so', async () => {
    const run = await runPrefixkit(
      [
        'quickstart',
        '--json',
        '--stand-in',
        '--stand-in-layers',
        '1',
        '--stand-in-width',
        '16',
      ].concat(
        ['--stand-in-steps', '3', '--eval-mrs', '1', '--max-steps', '2', '--batch-size', '2'],
        ['--num-beams', '1', '--max-new-tokens', '3', '--prefix-length', '2', '--mid-dim', '8'],
      ),
    );
    expect(run.code, run.stderr).toBe(0);
    const result = parseJsonOutput(run).result as {
      model: { kind: string; name: string };
      rows: Row[];
    };
    expect(result.model.kind).toBe('stand-in');
    expect(result.model.name).toMatch(/^stand-in GPT-2 1x16 \(pretrained here, 3 steps/);
    expect(result.rows.map((row) => row.name)).toEqual([
      'stand-in, no prefix',
      'stand-in + prefix',
    ]);
    expect(run.stderr).toMatch(/--stand-in: pretraining a stand-in GPT-2 \(1 layers x 16/);
  });
});
