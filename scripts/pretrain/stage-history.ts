// A continued-pretraining stage's history: the summaries of the stages that made its initial
// model (read from that folder's run/run.json), and their loss curves copied beside its own as
// loss-curve-stage-<n>.{jsonl,svg}, so the card covers every stage.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@prefixkit/errors/node';
import type { RunSummary } from './model-card';

/**
 * Refuses to continue from the output folder itself: checkpoints rewrite its weights, and the
 * earlier stage's card and curves would be lost before they were copied.
 */
export function checkInitFrom(initFrom: string, outDir: string): void {
  if (initFrom === outDir)
    throw new Error(`--init-from must be another folder than --out (both are ${outDir})`);
}

/** The earlier stages of a model continued from `initFrom`, with their curves copied to `outDir`. */
export async function inheritStages(initFrom: string, outDir: string): Promise<RunSummary[]> {
  checkInitFrom(initFrom, outDir);
  const history = await previousStages(initFrom);
  await copyStageCurves(initFrom, outDir, history.length);
  return history;
}

/** The model folder keeps its own history (run/run.json): a later --init-from reads it there. */
export async function writeModelRunSummary(outDir: string, run: RunSummary): Promise<void> {
  await mkdir(join(outDir, 'run'), { recursive: true });
  await writeFileAtomic(join(outDir, 'run', 'run.json'), `${JSON.stringify(run, null, 2)}\n`);
}

/** The stages before one that starts from `initFrom` (oldest first; [] without a run.json). */
export async function previousStages(initFrom: string): Promise<RunSummary[]> {
  const text = await readFile(join(initFrom, 'run', 'run.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  const before = JSON.parse(text) as RunSummary;
  const { previousStages: earlier = [], ...stage } = before;
  return [...earlier, stage];
}

/** Copies the initial model's loss curves to `outDir` under their stage numbers. */
export async function copyStageCurves(
  initFrom: string,
  outDir: string,
  stageCount: number,
): Promise<void> {
  for (let stage = 1; stage <= stageCount; stage++) {
    const name = stage === stageCount ? 'loss-curve' : `loss-curve-stage-${stage}`;
    for (const extension of ['jsonl', 'svg'])
      await copyFile(
        join(initFrom, `${name}.${extension}`),
        join(outDir, `loss-curve-stage-${stage}.${extension}`),
      );
  }
}
