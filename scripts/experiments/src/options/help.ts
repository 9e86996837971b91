// --help of an experiment command, from its option table.
import type { Experiment } from '../experiments/experiment';
import type { OptionSpec, OptionTable } from './option-types';
import { kebab } from './parse-options';

function describe(spec: OptionSpec): string {
  const notes: string[] = [];
  if (spec.choices) notes.push(spec.choices.join('|'));
  if (spec.minimum !== undefined && spec.maximum !== undefined)
    notes.push(`from ${spec.minimum} to ${spec.maximum}`);
  if (spec.default !== undefined && spec.type !== 'boolean')
    notes.push(`default: ${Array.isArray(spec.default) ? spec.default.join(',') : spec.default}`);
  if (spec.selectsRows) notes.push('may change between reruns of a run folder');
  return notes.length > 0 ? `${spec.description} [${notes.join('; ')}]` : spec.description;
}

export function helpText(experiment: Experiment, table: OptionTable): string {
  const flags = Object.entries(table).map(([key, spec]) => {
    const value = spec.type === 'boolean' ? '' : ` ${spec.placeholder ?? 'VALUE'}`;
    return [`--${kebab(key)}${value}`, describe(spec)] as const;
  });
  const width = flags.reduce((widest, [flag]) => Math.max(widest, flag.length), 0) + 2;
  return [
    `${experiment.name}: ${experiment.title}`,
    '',
    `Usage: node scripts/experiments/${experiment.name}.mjs [RUN_DIR] [options]   (RUN_DIR default: runs/${experiment.name})`,
    '',
    experiment.summary,
    `Default run: ${experiment.estimate}`,
    'Rerunning the same command continues: finished steps are skipped, a stopped training resumes',
    'from its last checkpoint. Results: RUN_DIR/results.json and RUN_DIR/results.md.',
    '',
    'Options:',
    ...flags.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`),
    '',
  ].join('\n');
}
