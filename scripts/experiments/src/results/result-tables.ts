// The tables of results.md, from results.json's rows:
//   rowsTable   a row per table row: learning rate, parameters, test scores (mean ± sd over
//               replicates), dev loss, time; WebNLG's scores as seen / unseen / all columns;
//   pivotTables one table per metric, rows x columns by the rows' cells (low-data: method x size);
//   sweepTable  every learning rate tried, its dev BLEU and dev loss, and the one kept.
import type { MetricScore } from '../run/run-files';
import { formatScore, formatSeconds, formatShare, formatSpread } from './format';
import { markdownTable } from './markdown-table';
import type { RowResult, RunResult } from './results-types';
import { spread } from './statistics';

/** A score column: a metric, on the whole test set or one of its official subsets. */
interface Column {
  readonly metric: string;
  readonly subset?: string;
  readonly header: string;
}

/** The score columns, from the first scored run (metrics in the order evaluate reports them). */
export function scoreColumns(rows: readonly RowResult[]): Column[] {
  const test = rows.flatMap((row) => row.runs).find((run) => run.test)?.test;
  if (!test) return [];
  const subsets = Object.keys(test.subsets ?? {});
  return Object.entries(test.scores).flatMap(([metric, score]) =>
    subsets.length === 0
      ? [{ metric, header: score.label }]
      : [...subsets, 'all'].map((subset) => ({
          metric,
          ...(subset === 'all' ? {} : { subset }),
          header: `${score.label} ${subset}`,
        })),
  );
}

function scoreOf(run: RunResult, column: Column): MetricScore | undefined {
  const scores = column.subset ? run.test?.subsets?.[column.subset]?.scores : run.test?.scores;
  return scores?.[column.metric];
}

/** Mean ± sd of a column over runs; "-" when none has it. */
export function cellOf(runs: readonly RunResult[], column: Column): string {
  const scores = runs.flatMap((run) => scoreOf(run, column) ?? []);
  if (scores.length === 0) return '-';
  return formatSpread(spread(scores.map((score) => score.score)), scores[0]!.scale);
}

function learningRateCell(row: RowResult): string {
  const rate = row.learningRate;
  if (!rate) return '-';
  if (rate.chosen === undefined) return 'not chosen yet';
  if (rate.how === 'row') return `${rate.chosen} (${rate.from}'s)`;
  if (rate.how === 'fixed') return `${rate.chosen} (given)`;
  return `${rate.chosen}${rate.atGridEdge ? ' (grid end)' : ''}`;
}

/** Every second spent on a row: its sweep and its final runs (training counted once). */
export function rowSeconds(row: RowResult): number {
  const sweepDirs = new Set(row.sweep.map((run) => run.dir));
  const runSeconds = (run: RunResult, countTrain: boolean) =>
    (countTrain ? (run.train?.seconds ?? 0) : 0) +
    (run.dev?.seconds ?? 0) +
    (run.test?.seconds ?? 0);
  return (
    row.sweep.reduce((sum, run) => sum + runSeconds(run, true), 0) +
    row.runs.reduce((sum, run) => sum + runSeconds(run, !sweepDirs.has(run.dir)), 0)
  );
}

function devLossCell(runs: readonly RunResult[]): string {
  const losses = runs.flatMap((run) =>
    typeof run.train?.devLoss === 'number' ? [run.train.devLoss] : [],
  );
  if (losses.length === 0) return '-';
  const { mean, sd, n } = spread(losses);
  return n > 1 ? `${mean.toFixed(3)} ± ${sd.toFixed(3)}` : mean.toFixed(3);
}

export function rowsTable(rows: readonly RowResult[]): string {
  const columns = scoreColumns(rows);
  const header = [
    'row',
    'learning rate',
    'trained params',
    'kept params (of the model)',
    ...columns.map((column) => column.header),
    'dev loss',
    'time',
  ];
  const lines = rows
    .filter((row) => row.runs.length > 0)
    .map((row) => {
      const train = row.runs[0]!.train;
      const replicates = row.runs.length > 1 ? ` (n=${row.runs.length})` : '';
      return [
        `${row.label}${replicates}`,
        learningRateCell(row),
        train ? formatShare(train.trainableParameters, null) : '0',
        train ? formatShare(train.keptParameters, train.baseParameters) : '0',
        ...columns.map((column) => cellOf(row.runs, column)),
        devLossCell(row.runs),
        formatSeconds(rowSeconds(row)),
      ];
    });
  return markdownTable(header, lines);
}

const distinct = <T>(values: readonly T[]) => [...new Set(values)];

/** One table per score column: rows x columns by the rows' `cells`. */
export function pivotTables(rows: readonly RowResult[], rowKey: string, columnKey: string): string {
  const scored = rows.filter((row) => row.runs.length > 0 && row.cells);
  const rowValues = distinct(scored.map((row) => row.cells![rowKey]!));
  const columnValues = distinct(scored.map((row) => row.cells![columnKey]!));
  const pivotHeader = [rowKey, ...columnValues.map((value) => `${columnKey} ${value}`)];
  const find = (rowValue: unknown, columnValue: unknown) =>
    scored.find((row) => row.cells![rowKey] === rowValue && row.cells![columnKey] === columnValue);
  const tables = scoreColumns(scored).map((column) => {
    const lines = rowValues.map((rowValue) => [
      String(rowValue),
      ...columnValues.map((columnValue) => {
        const row = find(rowValue, columnValue);
        return row ? cellOf(row.runs, column) : '-';
      }),
    ]);
    return `**${column.header}** (mean ± sd over the runs of each cell)\n\n${markdownTable(
      pivotHeader,
      lines,
    )}`;
  });
  const rates = rowValues.map((rowValue) => [
    String(rowValue),
    ...columnValues.map((columnValue) => {
      const row = find(rowValue, columnValue);
      return row ? learningRateCell(row) : '-';
    }),
  ]);
  tables.push(
    `**learning rate** (chosen on the dev subset)\n\n${markdownTable(pivotHeader, rates)}`,
  );
  return tables.join('\n\n');
}

export function sweepTable(rows: readonly RowResult[]): string {
  const lines: string[][] = [];
  for (const row of rows) {
    const rate = row.learningRate;
    if (!rate) continue;
    if (rate.how !== 'sweep') {
      const how = rate.how === 'row' ? `taken from ${rate.from}` : 'given (one rate)';
      lines.push([row.label, String(rate.chosen ?? '-'), '-', '-', how]);
      continue;
    }
    for (const run of row.sweep) {
      const bleu = run.dev?.scores.bleu;
      const kept =
        run.learningRate === rate.chosen ? `chosen${rate.atGridEdge ? ' (grid end)' : ''}` : '';
      lines.push([
        row.label,
        String(run.learningRate),
        bleu ? formatScore(bleu.score, bleu.scale) : '-',
        typeof run.train?.devLoss === 'number' ? run.train.devLoss.toFixed(3) : '-',
        kept,
      ]);
    }
    const untried = rate.tried.filter(
      (tried) => !row.sweep.some((run) => run.learningRate === tried),
    );
    for (const tried of untried) lines.push([row.label, String(tried), '-', '-', 'not run yet']);
  }
  return markdownTable(['row', 'learning rate', 'dev BLEU', 'dev loss', ''], lines);
}
