// results.md: what was run (commands, flags, data, the machine, times), the results table(s),
// the learning-rate sweep and the experiment's notes; ready to go into docs/experiments/.
import { shellQuote, toArguments } from '../plan/flags';
import { formatSeconds } from './format';
import { formatMachine } from './machine';
import { pivotTables, rowSeconds, rowsTable, sweepTable } from './result-tables';
import type { ExperimentResults } from './results-types';

export function renderMarkdown(results: ExperimentResults): string {
  const { plan, settings } = results;
  const runs = results.rows.reduce((sum, row) => sum + row.runs.length, 0);
  const seconds = results.rows.reduce((sum, row) => sum + rowSeconds(row), 0);
  const commands = [...new Set(results.sessions.map((session) => session.command))];
  const lines = [
    `# ${results.title}`,
    '',
    results.summary,
    '',
    `- status: ${results.status === 'complete' ? 'complete' : `partial (${runs} scored runs so far; rerun the command to continue)`}`,
    `- command${commands.length > 1 ? 's' : ''}: ${commands.map((command) => `\`${command}\``).join('; ')}`,
    `- model: ${settings.model}; data: ${settings.data}`,
    `- every training: \`${shellQuote(toArguments(plan.train))}\` (row flags in results.json)`,
    `- every decoding: \`${shellQuote(toArguments(plan.decode))}\``,
    `- learning rate of each row: best BLEU on ${plan.dev}; test: ${plan.test}`,
    `- compute time: ${formatSeconds(seconds)} (training, decoding and scoring, all rows)`,
    ...results.sessions.map(
      (session) =>
        `- session ${session.started} to ${session.updated}: ${formatMachine(session.machine)}`,
    ),
    '',
    '## Results',
    '',
    ...(plan.table.kind === 'pivot'
      ? [pivotTables(results.rows, plan.table.rows, plan.table.columns), '', '### Every row', '']
      : []),
    rowsTable(results.rows),
    '',
    '## Learning rates tried',
    '',
    sweepTable(results.rows),
  ];
  const notes = results.notes.map((note) => `- ${note}`);
  const sections = notes.length > 0 ? [...lines, '', '## Notes', '', ...notes] : lines;
  return `${sections.join('\n')}\n`;
}
