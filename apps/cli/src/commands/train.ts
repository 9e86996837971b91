// The code of `prefixkit train`, loaded only when the command runs: the training loop and the
// summary it prints.
import type { CommandRun } from '../command';
import type { TrainResult } from '../train/run-training';
import { runTraining } from '../train/run-training';
import type { TrainOptions } from '../train/train-options';

function overlongLine({ overlong }: TrainResult): string {
  const count = overlong.train.overlong + overlong.dev.overlong;
  if (count === 0) return 'none longer than the context';
  const done = overlong.policy === 'drop' ? 'dropped' : 'truncated';
  return `${overlong.train.overlong} train + ${overlong.dev.overlong} dev longer than the context, ${done}`;
}

function render(result: TrainResult): string {
  const lines = [
    `run        ${result.run}`,
    `method     ${result.method} on ${result.model} (${result.backend}), task ${result.task}`,
    `parameters ${result.trainableParameters.toLocaleString('en-US')} trainable (${((100 * result.trainableParameters) / result.baseParameters).toPrecision(3)}% of ${result.baseParameters.toLocaleString('en-US')})`,
    `examples   ${result.trainExamples} train, ${result.devExamples} dev; ${overlongLine(result)}`,
    `steps      ${result.steps}/${result.totalSteps} (${result.stoppedBy}) in ${result.seconds.toFixed(1)} s`,
    `loss       train ${result.lastLoss?.toFixed(4) ?? '-'}, dev ${result.devLoss?.toFixed(4) ?? '-'} (best ${result.bestDevLoss?.toFixed(4) ?? '-'})`,
    `final      ${result.final}`,
  ];
  return `${lines.join('\n')}\n`;
}

export const trainRun: CommandRun<TrainOptions, TrainResult> = async (options, context) => {
  const result = await runTraining(options, context);
  return { value: result, text: render(result) };
};
