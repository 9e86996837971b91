import { describe, expect, it } from 'vitest';
import { scoreCorpus } from './corpus';
import { evaluateE2E } from './drivers/evaluate-e2e';
import { MetricInputError } from './errors';
import { parseE2EReferences, parseE2ESystemOutputs } from './io/e2e-files';

describe('scoreCorpus', () => {
  it('returns JSON with corpus and per-segment scores for each metric, Unicode included', () => {
    const out = scoreCorpus(
      {
        hypotheses: ['Café Rouge is cheap.', 'Ünïcode ✓'],
        references: [['Café Rouge is cheap.'], ['Ünïcode ✓', 'x']],
      },
      ['bleu-mteval', 'rouge-l-coco', 'rouge1'],
    );
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
    expect(out['bleu-mteval']?.segments[0]).toBeCloseTo(1, 12);
    expect(out['rouge-l-coco']?.segments).toEqual([1, 1]);
    expect(out.rouge1?.signature).toMatch(/^rouge1\|/);
  });
  it('rejects an unknown metric and a non-string hypothesis', () => {
    expect(() =>
      scoreCorpus({ hypotheses: ['a'], references: [['a']] }, ['nope' as 'rouge1']),
    ).toThrow(MetricInputError);
    expect(() =>
      scoreCorpus({ hypotheses: [1 as unknown as string], references: [['a']] }, ['rouge1']),
    ).toThrow(/segment 0/);
  });
});

describe('E2E files and driver', () => {
  it('groups references by consecutive MR and keeps quotes around TSV outputs', async () => {
    const refs = parseE2EReferences(
      'mr,ref\n"name[A], food[B]","A serves B."\n"name[A], food[B]",A has B.\nname[C],"It, cheap."\n',
    );
    expect(refs.mrs).toEqual(['name[A], food[B]', 'name[C]']);
    expect(refs.references).toEqual([['A serves B.', 'A has B.'], ['It, cheap.']]);
    const sys = parseE2ESystemOutputs(
      'MR\toutput\r\n"name[A], food[B]"\t"A serves B, cheap."\r\nname[C]\tIt is cheap.\r\n',
    );
    expect(sys.outputs).toEqual(['"A serves B, cheap."', 'It is cheap.']);
    const scores = await evaluateE2E(sys.outputs, refs.references, { meteor: false });
    expect(Object.keys(scores).sort()).toEqual(['BLEU', 'CIDEr', 'NIST', 'ROUGE_L']);
    // [it, is, cheap] vs [it, cheap]: LCS 2, P 2/3, R 1, beta 1.2.
    expect(scores.ROUGE_L.segments[1]).toBeCloseTo((2.44 * (2 / 3) * 1) / (1 + 1.44 * (2 / 3)), 12);
  });
  it('calls a supplied METEOR scorer with the COCO-tokenised texts, as the official wrapper does', async () => {
    const seen: string[][][] = [];
    const scores = await evaluateE2E(['A bee, cat.'], [['A bee!', 'Cat (dog).']], {
      meteor: (h, r) => {
        seen.push([h, ...r]);
        return { score: 0.5, segments: [0.5], signature: 'METEOR|stub' };
      },
    });
    expect(seen).toEqual([[['a bee cat'], ['a bee', 'cat -lrb- dog -rrb-']]]);
    expect(scores.METEOR?.score).toBe(0.5);
  });
});
