// Scores hypotheses for one task the way that task's official evaluation does, through
// @prefixkit/metrics' drivers and scorers:
//   e2e     evaluateE2E (tuetschek/e2e-metrics: mteval BLEU 0-1 and NIST, COCO ROUGE_L, CIDEr-D;
//           METEOR 1.5 on PTB/COCO-tokenised texts, as the script feeds it)
//   webnlg  evaluateWebNLG (the paper's WebNLG 2017 scripts: normalised, first 3 references,
//           multi-bleu -lc printed 0-100 as multi-bleu.perl prints it, tercom TER, METEOR)
//   dart    evaluateWebNLG as well (the WebNLG 2017 conventions; see the README)
//   xsum    rougeScore (Google's rouge_score: Porter stemming, best reference, mean F1)
// METEOR uses the WordNet synonyms shipped with @prefixkit/metrics and, when given, a
// user-supplied paraphrase table (the official one is not redistributable); its signature says which.
import {
  type CorpusResult,
  type CorpusScorer,
  evaluateE2E,
  evaluateWebNLG,
  meteor,
  type ParaphraseTable,
  rougeScore,
  ter,
  tokenizeCoco,
} from '@prefixkit/metrics';
import { loadMeteorSynonyms } from '@prefixkit/metrics/node';
import type { EvaluateTask } from './read-references';
import { chooseMetrics, type MetricName, taskMetrics } from './task-metrics';

export interface MetricScore {
  /** The name the official script prints (`BLEU`, `ROUGE_L`, `rouge1`). */
  label: string;
  /** On the official script's scale: see `scale`. */
  score: number;
  /** The scale the official script prints: E2E BLEU 0-1, multi-bleu.perl (WebNLG, DART) 0-100. */
  scale: '0-1' | '0-100' | 'unbounded';
  signature: string;
  /** Per-segment scores, only with --segments. */
  segments?: number[];
}

export interface ScoreTaskInput {
  task: EvaluateTask;
  /** Metrics as chosen by the user (undefined: the task's official set). */
  requested: readonly MetricName[] | undefined;
  hypotheses: readonly string[];
  references: readonly (readonly string[])[];
  segments: boolean;
  /** METEOR's paraphrase table, when the user supplied one. */
  paraphrases?: ParaphraseTable;
}

type Scored = Pick<CorpusResult, 'score' | 'segments' | 'signature'>;
type Official = [label: string, result: Scored, scale: MetricScore['scale']];

/** multi-bleu.perl prints percentages; @prefixkit/metrics returns fractions. */
function percent(result: Scored): Scored {
  return {
    ...result,
    score: result.score * 100,
    segments: result.segments.map((value) => value * 100),
  };
}

/** METEOR 1.5 (-l en -norm) with WordNet synonyms and the optional paraphrase table. */
function meteorScorer(
  paraphrases: ParaphraseTable | undefined,
  tokenize?: (text: string) => string,
): CorpusScorer {
  return (hypotheses, references) => {
    const prepare = tokenize ?? ((text: string) => text);
    return meteor(
      hypotheses.map(prepare),
      references.map((group) => group.map(prepare)),
      { synonyms: loadMeteorSynonyms(), ...(paraphrases ? { paraphrases } : {}) },
    );
  };
}

// The E2E script runs METEOR on CoreNLP-PTB-tokenised, lower-cased texts without punctuation.
const cocoTokens = (text: string) => tokenizeCoco(text).join(' ');

async function officialScores(
  input: ScoreTaskInput,
): Promise<Partial<Record<MetricName, Official>>> {
  const { task, hypotheses, references } = input;
  switch (task) {
    case 'e2e': {
      const wanted = input.requested ?? taskMetrics.e2e;
      const scores = await evaluateE2E(hypotheses, references, {
        ...(wanted.includes('meteor')
          ? { meteor: meteorScorer(input.paraphrases, cocoTokens) }
          : {}),
      });
      return {
        bleu: ['BLEU', scores.BLEU, '0-1'],
        nist: ['NIST', scores.NIST, 'unbounded'],
        ...(scores.METEOR ? { meteor: ['METEOR', scores.METEOR, '0-1'] as Official } : {}),
        'rouge-l': ['ROUGE_L', scores.ROUGE_L, '0-1'],
        cider: ['CIDEr', scores.CIDEr, 'unbounded'],
      };
    }
    case 'webnlg':
    case 'dart': {
      // References straight from XML/JSON or a text file are raw lexicalisations: normalise them
      // as the official scripts normalised their gold files.
      const wanted = input.requested ?? taskMetrics[task];
      const scores = await evaluateWebNLG(hypotheses, references, {
        rawReferences: true,
        ...(wanted.includes('ter') ? { ter: (h, r) => ter(h, r, { normalize: 'webnlg' }) } : {}),
        ...(wanted.includes('meteor') ? { meteor: meteorScorer(input.paraphrases) } : {}),
      });
      return {
        bleu: ['BLEU', percent(scores.BLEU), '0-100'],
        ...(scores.TER ? { ter: ['TER', scores.TER, '0-1'] as Official } : {}),
        ...(scores.METEOR ? { meteor: ['METEOR', scores.METEOR, '0-1'] as Official } : {}),
      };
    }
    case 'xsum':
      return {
        'rouge-1': ['rouge1', rougeScore('rouge1', hypotheses, references), '0-1'],
        'rouge-2': ['rouge2', rougeScore('rouge2', hypotheses, references), '0-1'],
        'rouge-l': ['rougeL', rougeScore('rougeL', hypotheses, references), '0-1'],
      };
  }
}

/** Computes the chosen metrics for the task, in the task's reporting order. */
export async function scoreTask(
  input: ScoreTaskInput,
): Promise<Partial<Record<MetricName, MetricScore>>> {
  const metrics = chooseMetrics(input.task, input.requested);
  const computed = await officialScores(input);
  const scores: Partial<Record<MetricName, MetricScore>> = {};
  for (const metric of taskMetrics[input.task].filter((name) => metrics.includes(name))) {
    const [label, result, scale] = computed[metric]!;
    scores[metric] = {
      label,
      score: result.score,
      scale,
      signature: result.signature,
      ...(input.segments ? { segments: result.segments } : {}),
    };
  }
  return scores;
}
