// The prefixkit command lines of a run's steps, as pure functions of the plan, so --dry-run
// prints exactly what a real run executes and the tests can check them without running them.
import { join } from 'node:path';
import type { RunSpec } from '../plan/expand-runs';
import { toArguments } from '../plan/flags';
import type { Plan } from '../plan/plan-types';
import { runFiles, type Split } from './run-files';

/** How a training run starts, given what its folder already holds. */
export type TrainMode = 'new' | 'resume' | 'overwrite';

/** `prefixkit train` for a run at a learning rate. */
export function trainArguments(
  plan: Plan,
  runDir: string,
  run: RunSpec,
  mode: TrainMode,
  backend?: string,
): string[] {
  const folder = runFiles(runDir, run.dir).train;
  // A resumed run keeps its saved options; only the backend may change.
  if (mode === 'resume')
    return [
      'train',
      ...toArguments({ output: folder, resume: true }, backend ? { backend } : {}),
      '--json',
    ];
  return [
    'train',
    ...toArguments(
      plan.train,
      run.row.train,
      run.replicate?.train,
      { learningRate: run.learningRate!, output: folder },
      mode === 'overwrite' ? { overwrite: true } : {},
    ),
    '--json',
  ];
}

/** `prefixkit generate` for a run's outputs on a split (the model alone without --adapter). */
export function generateArguments(
  plan: Plan,
  runDir: string,
  run: RunSpec,
  split: Split,
): string[] {
  const files = runFiles(runDir, run.dir);
  return [
    'generate',
    ...toArguments(
      plan.decode,
      plan[split].generate,
      run.row.train ? { adapter: files.final } : {},
      { output: files.outputs(split) },
    ),
  ];
}

/** `prefixkit evaluate --json` of those outputs. */
export function evaluateArguments(
  plan: Plan,
  runDir: string,
  run: RunSpec,
  split: Split,
): string[] {
  const hypotheses = runFiles(runDir, run.dir).outputs(split);
  return ['evaluate', ...toArguments(plan[split].evaluate, { hypotheses }), '--json'];
}

/** The adapter folder a run decodes with, for messages. */
export const adapterFolder = (runDir: string, run: RunSpec) =>
  join(runDir, run.dir, 'train', 'final');
