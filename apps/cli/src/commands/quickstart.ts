// The code of `prefixkit quickstart`, loaded only when the command runs.
import type { CommandRun } from '../command';
import type { QuickstartOptions } from '../quickstart/quickstart-options';
import type { QuickstartResult } from '../quickstart/quickstart-result';
import { renderQuickstart } from '../quickstart/render-table';
import { runQuickstart } from '../quickstart/run-quickstart';

export const quickstartRun: CommandRun<QuickstartOptions, QuickstartResult> = async (
  options,
  context,
) => {
  const result = await runQuickstart(options, context);
  return { value: result, text: renderQuickstart(result) };
};
