// The human (stderr) rendering of `prefixkit inspect`: a header per thing found, then a tensor
// table for safetensors files (the first `maxTensors`; --json has them all).
import { relative } from 'node:path';
import { formatBytes } from '../render';
import type { Summary } from './inspect-path';
import type { SafetensorsSummary } from './summarize-safetensors';

const count = (value: number) => value.toLocaleString('en-US');

// The fields of a model's config.json that say what the model is; the rest is in --json.
const modelFields = [
  'model_type',
  'n_layer',
  'n_head',
  'n_embd',
  'n_positions',
  'vocab_size',
  'torch_dtype',
];

function scalarFields(config: Record<string, unknown>, only?: readonly string[]): string {
  return Object.entries(config)
    .filter(
      ([key, value]) =>
        (value === null || typeof value !== 'object') && (!only || only.includes(key)),
    )
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(', ');
}

function renderTensors(summary: SafetensorsSummary, maxTensors: number, indent: string): string[] {
  const dtypes = Object.entries(summary.dtypes)
    .map(([dtype, n]) => `${dtype} x${n}`)
    .join(', ');
  const lines = [
    `${indent}${summary.tensors.length} tensors (${dtypes || 'none'}), ${count(summary.parameters)} parameters, ${formatBytes(summary.bytes)}`,
  ];
  if (Object.keys(summary.metadata).length > 0)
    lines.push(`${indent}metadata: ${scalarFields(summary.metadata)}`);
  const shown = summary.tensors.slice(0, maxTensors);
  if (shown.length === 0) return lines;
  const rows = shown.map((tensor) => [
    tensor.name,
    tensor.dtype,
    `[${tensor.shape.join(', ')}]`,
    count(tensor.parameters),
    formatBytes(tensor.bytes),
  ]);
  const header = ['name', 'dtype', 'shape', 'parameters', 'size'];
  const widths = header.map((title, column) =>
    rows.reduce((widest, row) => Math.max(widest, row[column]!.length), title.length),
  );
  const format = (row: string[]) =>
    indent +
    row
      .map((cell, column) =>
        column >= 3 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  lines.push(format(header));
  for (const row of rows) lines.push(format(row));
  const hidden = summary.tensors.length - shown.length;
  if (hidden > 0)
    lines.push(
      `${indent}... ${hidden} more (--max-tensors ${summary.tensors.length} or --json lists all)`,
    );
  return lines;
}

function renderOne(
  summary: Summary,
  parent: string | undefined,
  maxTensors: number,
  indent: string,
  shownAs?: string,
): string[] {
  const name = shownAs ?? (parent === undefined ? summary.path : relative(parent, summary.path));
  switch (summary.kind) {
    case 'safetensors':
      return [
        `${indent}${name}: safetensors`,
        ...renderTensors(summary, maxTensors, `${indent}  `),
      ];
    case 'adapter':
    case 'model': {
      const title =
        summary.kind === 'adapter' ? 'prefix/adapter (PEFT layout)' : 'model (Hugging Face layout)';
      return [
        `${indent}${name}: ${title}`,
        `${indent}  config: ${scalarFields(summary.config, summary.kind === 'model' ? modelFields : undefined)}`,
        ...renderTensors(summary.weights, maxTensors, `${indent}  `),
      ];
    }
    case 'log':
      return [
        `${indent}${name}: JSONL log, ${summary.records} records; last: ${JSON.stringify(summary.last)}`,
      ];
    case 'file':
      return [`${indent}${name}: ${formatBytes(summary.bytes)}`];
    case 'folder':
    case 'run':
      return [
        `${indent}${name}/: ${summary.kind === 'run' ? 'run folder' : 'folder'}, ${summary.entries.length} entries`,
        ...summary.entries.flatMap((entry) =>
          renderOne(entry, summary.path, maxTensors, `${indent}  `),
        ),
      ];
  }
}

/** The text `prefixkit inspect` prints for `summary`; the top path is shown as `shownAs`. */
export function renderSummary(summary: Summary, maxTensors: number, shownAs: string): string {
  return `${renderOne(summary, undefined, maxTensors, '', shownAs).join('\n')}\n`;
}
