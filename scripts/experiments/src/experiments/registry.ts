// Every experiment command, by name (each has a launcher scripts/experiments/<name>.mjs).
import { ExperimentUsageError } from '../errors';
import { dart } from './dart';
import type { Experiment } from './experiment';
import { lowData } from './low-data';
import { prefixLength } from './prefix-length';
import { webnlgExtrapolation } from './webnlg-extrapolation';

export const experiments: readonly Experiment[] = [
  webnlgExtrapolation,
  dart,
  lowData,
  prefixLength,
];

export function experimentByName(name: string): Experiment {
  const experiment = experiments.find((candidate) => candidate.name === name);
  if (!experiment)
    throw new ExperimentUsageError(
      `unknown experiment '${name}'; expected one of ${experiments.map((e) => e.name).join(', ')}`,
    );
  return experiment;
}
