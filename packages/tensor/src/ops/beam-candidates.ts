// One beam-search step's selection on the device: log_softmax of every beam's logits, the
// beams' running scores added, banned ids at -Infinity, and the best 2K (score, beam * V +
// token) pairs of each prompt row, so a step reads back 2K pairs per row instead of K rows of
// vocabulary logits. Semantics: kernels/beam-candidates/beam-candidates.reference.ts.

import { tensor } from '../create';
import { InvalidArgumentError, ShapeMismatchError } from '../errors';
import { MAX_BEAM_CANDIDATES, MAX_BEAMS } from '../kernels/beam-candidates/beam-candidates.wgsl';
import type { Tensor } from '../tensor';
import { exclusionTable } from './exclusion-table';
import { checkFloat, commonBackend, newOutput, runKernel } from './op-utils';

export { MAX_BEAM_CANDIDATES, MAX_BEAMS };

export interface BeamCandidatesOptions {
  /** K: beams per prompt row (logits rows r * K .. r * K + K - 1 belong to row r); <= 8. */
  readonly beams: number;
  /** How many candidates per prompt row (2K in HF's beam search); <= 16. */
  readonly count: number;
  /** Per beam (row of logits), its running score (summed log-probabilities). */
  readonly beamScores: readonly number[];
  /** Per beam, ids that may not come next (scored -Infinity). */
  readonly exclude?: readonly (readonly number[])[];
}

export interface BeamCandidates {
  /** [rows, count] f32: best first. */
  readonly scores: Tensor;
  /** [rows, count] i32: beam * V + token (-1 where fewer candidates exist). */
  readonly flat: Tensor;
}

/** logits [rows * K, V] (f32) -> the best `count` continuations of each of the rows. */
export function beamCandidates(logits: Tensor, options: BeamCandidatesOptions): BeamCandidates {
  const op = 'beamCandidates';
  const backend = commonBackend(op, { logits });
  checkFloat(op, 'logits', logits);
  if (logits.rank !== 2) throw new ShapeMismatchError(op, 'logits', '[rows * K, V]', logits.shape);
  const [beamRows, cols] = logits.shape as [number, number];
  const { beams, count, beamScores } = options;
  if (!Number.isInteger(beams) || beams < 1 || beams > MAX_BEAMS || beamRows % beams !== 0)
    throw new InvalidArgumentError(op, 'beams', `1..${MAX_BEAMS}, dividing ${beamRows}`, beams);
  if (!Number.isInteger(count) || count < 1 || count > MAX_BEAM_CANDIDATES)
    throw new InvalidArgumentError(op, 'count', `1..${MAX_BEAM_CANDIDATES}`, count);
  if (beamScores.length !== beamRows)
    throw new InvalidArgumentError(op, 'beamScores', `${beamRows} scores`, beamScores.length);
  const { table: exclude, excludeCount } = exclusionTable(
    op,
    options.exclude,
    { rows: beamRows, cols, rowName: 'beam' },
    backend,
  );
  const rows = beamRows / beams;
  const scoresIn = tensor(Float32Array.from(beamScores), [beamRows], { backend });
  const scores = newOutput(backend, [rows, count], 'f32');
  const flat = newOutput(backend, [rows, count], 'i32');
  if (rows > 0)
    runKernel(
      op,
      'beamCandidates',
      [logits, scoresIn, exclude],
      [scores, flat],
      { rows, beams, cols, excludeCount, count, negativeInfinity: Number.NEGATIVE_INFINITY },
      { count },
    );
  scoresIn.dispose();
  exclude.dispose();
  return { scores, flat };
}
