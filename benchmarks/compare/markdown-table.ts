// The README's comparison table from a compare document: one row per case with each side's
// median, the speed ratio and its target; notes carry token agreement, mixed/single and errors.
import type { SideSummary } from './case-summary';

interface TableSide extends Partial<SideSummary> {
  readonly error?: { readonly code: string; readonly message: string };
  readonly mixedToSingle?: number;
}

export interface TableCase {
  readonly name: string;
  readonly kind: 'decode' | 'train' | 'mixed';
  readonly target?: number;
  readonly mixedTarget?: number;
  readonly ratio: number | null;
  readonly sameTokens?: boolean | null;
  readonly prefixkit: TableSide;
  readonly pytorch: TableSide;
  readonly pytorchBf16Autocast?: TableSide;
}

function milliseconds(ms: number): string {
  return ms >= 10_000 ? `${Number((ms / 1000).toPrecision(3))} s` : `${ms} ms`;
}

function figure(kind: TableCase['kind'], side: TableSide | undefined): string {
  if (!side) return '-';
  if (side.error) return `error \`${side.error.code}\``;
  if (side.msPerStep === undefined || side.tokensPerSecond === undefined) return '-';
  const per = kind === 'mixed' ? 'forward' : 'step';
  return `${milliseconds(side.msPerStep)}/${per} (${side.tokensPerSecond} tok/s)`;
}

function notes(row: TableCase): string {
  const parts: string[] = [];
  if (row.sameTokens !== undefined && row.sameTokens !== null)
    parts.push(row.sameTokens ? 'same tokens' : 'tokens differ');
  if (row.kind === 'mixed') {
    for (const [label, side] of [
      ['prefixkit', row.prefixkit],
      ['PyTorch', row.pytorch],
    ] as const)
      if (side.mixedToSingle !== undefined)
        parts.push(`${label} mixed/single ${side.mixedToSingle}`);
    if (row.mixedTarget !== undefined) parts.push(`target mixed/single >= ${row.mixedTarget}`);
  }
  if (row.pytorchBf16Autocast)
    parts.push(`PyTorch bf16 autocast ${figure(row.kind, row.pytorchBf16Autocast)}`);
  for (const side of [row.prefixkit, row.pytorch])
    if (side.error) parts.push(`${side.error.code}: ${side.error.message}`);
  return parts.join('; ');
}

export function markdownTable(cases: readonly TableCase[]): string {
  const lines = [
    '| case | prefixkit | PyTorch | ratio | target | notes |',
    '| ---- | --------- | ------- | ----- | ------ | ----- |',
  ];
  for (const row of cases) {
    const cells = [
      `\`${row.name}\``,
      figure(row.kind, row.prefixkit),
      figure(row.kind, row.pytorch),
      row.ratio === null ? '-' : `${row.ratio}x`,
      row.target === undefined ? '-' : `>= ${row.target}x`,
      notes(row).replaceAll('|', '\\|'),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
