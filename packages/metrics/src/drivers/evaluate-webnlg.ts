// The WebNLG 2017 evaluation as the Prefix-Tuning paper runs it (webnlg-automatic-evaluation):
// hypotheses normalised like evaluation.py, the first 3 references (missing ones are empty
// lines), BLEU as `multi-bleu.perl -lc`, TER as tercom 0.7.25 and METEOR 1.5 on the same
// normalised texts (the package's own scorers unless others are supplied).

import { multiBleu } from '../bleu/multi-bleu';
import { MetricInputError } from '../errors';
import { meteor } from '../meteor/meteor';
import { ter } from '../ter/ter';
import { normalizeWebNLGHypothesis, normalizeWebNLGReference } from '../tokenize/webnlg';
import type { CorpusResult } from '../types';
import type { CorpusScorer } from './external';

export interface WebNLGScores {
  BLEU: CorpusResult;
  TER?: Pick<CorpusResult, 'score' | 'segments' | 'signature'>;
  METEOR?: Pick<CorpusResult, 'score' | 'segments' | 'signature'>;
}

export interface EvaluateWebNLGOptions {
  /** References are raw lexicalisations to normalise (default false: gold-*.lex lines). */
  rawReferences?: boolean;
  /** How many references per entry (default 3, as the official scripts). */
  maxReferences?: number;
  /** TER scorer; default: the package's tercom-compatible `ter`. `false` leaves TER out. */
  ter?: CorpusScorer | false;
  /** Options passed to the TER scorer. */
  terOptions?: Record<string, unknown>;
  /** METEOR scorer; default: the package's METEOR 1.5 (`meteor`). `false` leaves METEOR out. */
  meteor?: CorpusScorer | false;
  /** Options passed to the METEOR scorer (e.g. `{ synonyms: loadMeteorSynonyms() }`). */
  meteorOptions?: Record<string, unknown>;
}

/** Scores raw system output lines against per-entry references. */
export async function evaluateWebNLG(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: EvaluateWebNLGOptions = {},
): Promise<WebNLGScores> {
  if (references.length !== hypotheses.length) {
    throw new MetricInputError('WebNLG', 'references', {
      expected: `${hypotheses.length} entries`,
      got: `${references.length}`,
    });
  }
  const k = options.maxReferences ?? 3;
  const hyps = hypotheses.map(normalizeWebNLGHypothesis);
  const refs = references.map((group) => {
    const norm = group
      .slice(0, k)
      .map((r) => (options.rawReferences ? normalizeWebNLGReference(r) : r));
    while (norm.length < k) norm.push(''); // multi-bleu reads an empty line for a missing reference
    return norm;
  });
  const scores: WebNLGScores = { BLEU: multiBleu(hyps, refs, { lowercase: true }) };
  scores.BLEU.signature += '|norm:webnlg2017';
  // TER and METEOR see the same normalised texts; missing references are dropped for them.
  const present = refs.map((g) => g.filter((r, i) => i === 0 || r !== ''));
  if (options.ter !== false) {
    scores.TER = await (options.ter ?? defaultTer)(hyps, present, options.terOptions);
  }
  if (options.meteor !== false) {
    scores.METEOR = await (options.meteor ?? defaultMeteor)(hyps, present, options.meteorOptions);
  }
  return scores;
}

const defaultTer: CorpusScorer = (h, r, o) => ter(h, r, o ?? {});
const defaultMeteor: CorpusScorer = (h, r, o) => meteor(h, r, o ?? {});
