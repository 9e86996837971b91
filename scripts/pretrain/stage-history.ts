// A continued-pretraining stage's history: the summaries of the stages that made its initial
// model (read from that folder's run/run.json), and their loss curves copied beside its own as
// loss-curve-stage-<n>.{jsonl,svg}, so the card covers every stage.
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSummary } from './model-card';

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
