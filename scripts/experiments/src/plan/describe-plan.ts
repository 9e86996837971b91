// --dry-run: the rows, how each gets its learning rate, and the exact prefixkit commands a run
// executes (the chosen rate shown as <chosen> until the sweep has picked it).
import type { Settings } from '../experiments/experiment';
import { isSelected, learningRatesOf } from '../options/resolve-settings';
import { evaluateArguments, generateArguments, trainArguments } from '../run/step-arguments';
import { finalRuns, type RunSpec, sweepRuns } from './expand-runs';
import { shellQuote } from './flags';
import type { Plan, Row } from './plan-types';

const unknownRate = Number.NaN;

function commands(plan: Plan, settings: Settings, spec: RunSpec, split: 'dev' | 'test'): string[] {
  const lines = [];
  if (spec.row.train) lines.push(trainArguments(plan, settings.runDir, spec, 'new'));
  lines.push(generateArguments(plan, settings.runDir, spec, split));
  lines.push(evaluateArguments(plan, settings.runDir, spec, split));
  return lines.map((args) => `    prefixkit ${shellQuote(args).replaceAll('NaN', '<chosen>')}`);
}

function howRateIsSet(settings: Settings, row: Row): string {
  if (!row.train) return 'not trained (the model alone)';
  if (row.learningRateFrom) return `learning rate: the one chosen for ${row.learningRateFrom}`;
  const rates = learningRatesOf(settings, row);
  if (rates.length === 1) return `learning rate ${rates[0]} (given)`;
  return `learning rates ${rates.join(', ')}, the best on the dev subset kept`;
}

export function describePlan(plan: Plan, settings: Settings): string[] {
  const rows = plan.rows.filter((row) => isSelected(settings, row));
  const lines = [`rows: ${rows.length} of ${plan.rows.length}`];
  for (const row of rows) {
    const replicates = row.replicates ? `, ${row.replicates.length} replicates` : '';
    lines.push(`  ${row.id} (${row.label}): ${howRateIsSet(settings, row)}${replicates}`);
    for (const spec of sweepRuns(row, learningRatesOf(settings, row)))
      for (const line of commands(plan, settings, spec, 'dev')) lines.push(line);
    const rates = learningRatesOf(settings, row);
    const fixed = !row.learningRateFrom && rates.length === 1 ? rates[0] : unknownRate;
    const chosen = row.train ? fixed : undefined;
    for (const spec of finalRuns(row, chosen))
      for (const line of commands(plan, settings, spec, 'test')) lines.push(line);
  }
  return lines;
}
