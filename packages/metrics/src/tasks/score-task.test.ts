// scoreTask: the registry decides the metrics, their order, labels and scales; E2E METEOR sees the
// corpus-wide COCO tokens; bad requests fail with a typed error naming the task and the metric.
import { PrefixkitError } from '@prefixkit/errors';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateWebNLG } from '../drivers/evaluate-webnlg';
import { MetricInputError } from '../errors';
import { loadMeteorSynonyms } from '../meteor/load-resources.node';
import { meteor } from '../meteor/meteor';
import type { SynonymDictionary } from '../meteor/synonym-dictionary';
import { tokenizeCoco } from '../tokenize/ptb-coco';
import { TASK_METRICS, TASK_NAMES } from './official-metrics';
import { scoreTask } from './score-task';

let synonyms: SynonymDictionary;
beforeAll(() => {
  synonyms = loadMeteorSynonyms();
});

// Line 1 ends in `no.` and line 2 starts with a capital: in one PTB stream (the official
// wrapper's batch) `no.` is returned as `no` + `.`; tokenised alone it stays `no.`.
const e2e = {
  hypotheses: ['The Mill is at no.', 'The Eagle is cheap.'],
  references: [['The Mill is at no'], ['The Eagle is cheap .', 'Cheap food at The Eagle.']],
};

describe('scoreTask', () => {
  it("reports each task's official metrics in the registry's order, labels and scales", async () => {
    const scores = await scoreTask('e2e', e2e, { meteor: { synonyms } });
    expect(Object.keys(scores)).toEqual(TASK_METRICS.e2e.map((metric) => metric.name));
    expect(Object.values(scores).map((score) => [score?.label, score?.scale])).toEqual(
      TASK_METRICS.e2e.map((metric) => [metric.label, metric.scale]),
    );
    expect(scores.bleu?.segments).toBeUndefined();
  });

  it('gives E2E METEOR the COCO tokens of the whole corpus, not of each line alone', async () => {
    const scores = await scoreTask('e2e', e2e, {
      metrics: ['meteor'],
      meteor: { synonyms },
      segments: true,
    });
    const corpusWide = meteor(
      ['the mill is at no', 'the eagle is cheap'],
      e2e.references.map((group) => group.map((r) => tokenizeCoco(r).join(' '))),
      { synonyms },
    );
    const lineByLine = meteor(
      e2e.hypotheses.map((h) => tokenizeCoco(h).join(' ')),
      e2e.references.map((group) => group.map((r) => tokenizeCoco(r).join(' '))),
      { synonyms },
    );
    expect(Object.keys(scores)).toEqual(['meteor']);
    expect(scores.meteor?.score).toBe(corpusWide.score);
    expect(scores.meteor?.segments).toEqual(corpusWide.segments);
    expect(lineByLine.segments[0]).toBeLessThan(corpusWide.segments[0] as number);
  });

  it('prints WebNLG BLEU as multi-bleu.perl does (0-100) and keeps requested metrics only', async () => {
    const input = {
      hypotheses: ['Alan Bean was born in Wheeler, Texas.', 'Aarhus Airport serves Aarhus.'],
      references: [
        ['Alan Bean was born in Wheeler , Texas .'],
        ['Aarhus is served by Aarhus Airport.'],
      ],
    };
    const scores = await scoreTask('webnlg', input, { metrics: ['ter', 'bleu'], segments: true });
    const driver = await evaluateWebNLG(input.hypotheses, input.references, {
      rawReferences: true,
      meteor: false,
    });
    expect(Object.keys(scores)).toEqual(['bleu', 'ter']);
    expect(scores.bleu).toMatchObject({ label: 'BLEU', scale: '0-100' });
    expect(scores.bleu?.score).toBeCloseTo(driver.BLEU.score * 100, 12);
    expect(scores.bleu?.segments).toEqual(driver.BLEU.segments.map((value) => value * 100));
    expect(scores.ter?.score).toBe(driver.TER?.score);
  });

  it('scores XSum with rouge_score ROUGE-1/2/L', async () => {
    const scores = await scoreTask('xsum', {
      hypotheses: ['the cat sat'],
      references: [['the cat sat on the mat']],
    });
    expect(Object.keys(scores)).toEqual(['rouge-1', 'rouge-2', 'rouge-l']);
    // P 3/3, R 3/6: F1 2/3.
    expect(scores['rouge-1']?.score).toBeCloseTo(2 / 3, 12);
    expect(scores['rouge-1']?.label).toBe('rouge1');
  });

  it('rejects an unknown task, a metric the task does not report and METEOR without data', async () => {
    const input = { hypotheses: ['a'], references: [['a']] };
    const unknown = scoreTask('e2f' as never, input);
    await expect(unknown).rejects.toBeInstanceOf(MetricInputError);
    await expect(unknown).rejects.toThrow(
      `scoreTask: task: expected one of ${TASK_NAMES.join(', ')}, got e2f`,
    );
    await expect(scoreTask('xsum', input, { metrics: ['cider'] })).rejects.toThrow(
      'xsum: metric: expected some of rouge-1, rouge-2, rouge-l, got cider',
    );
    const noData = scoreTask('webnlg', input);
    await expect(noData).rejects.toSatisfy(
      (error) => PrefixkitError.isInstance(error) && error.code === 'METRIC_INPUT',
    );
    await expect(noData).rejects.toThrow(/webnlg: METEOR resources: expected WordNet synonyms/);
  });
});
