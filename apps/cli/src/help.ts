// --help text, generated from the same JSON schemas that validate the options, so the two
// cannot drift apart.
import type { CommandDefinition, OptionSchema, OptionsSchema } from './command';
import { globalOptionsSchema } from './global-options';
import { rangeOf } from './options/coerce-value';
import { listPresets } from './options/config-file';
import { toFlag } from './options/flag-names';

function valueName(option: OptionSchema): string {
  if (option.type === 'boolean') return '';
  if (option['x-placeholder']) return ` ${option['x-placeholder']}`;
  if (option.enum) return ` ${option.enum.join('|')}`;
  if (option.type === 'array') return ' A,B,...';
  if (option.type === 'object') return ' JSON';
  return option.type === 'string' ? ' VALUE' : ' N';
}

function optionLines(schema: OptionsSchema): string[] {
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties).map(([key, option]) => {
    const left = `${key === 'help' ? '-h, ' : ''}--${toFlag(key)}${valueName(option)}`;
    const notes: string[] = [];
    if (required.has(key)) notes.push('required');
    if (option.type === 'array' && option.items?.enum) {
      notes.push(`any of ${option.items.enum.join(', ')}`);
    }
    const range = rangeOf(option.type === 'array' ? (option.items ?? {}) : option).trim();
    if (range) notes.push(range);
    if (option.maxItems !== undefined) notes.push(`at most ${option.maxItems} items`);
    if (option.default !== undefined) notes.push(`default: ${JSON.stringify(option.default)}`);
    const tail = notes.length > 0 ? ` [${notes.join('; ')}]` : '';
    return [left, `${option.description}${tail}`] as const;
  });
  const width = Math.min(34, rows.reduce((widest, [left]) => Math.max(widest, left.length), 0) + 2);
  return rows.map(([left, right]) =>
    left.length + 2 > width
      ? `  ${left}\n  ${' '.repeat(width)}${right}`
      : `  ${left.padEnd(width)}${right}`,
  );
}

/** Help for one command. */
export function commandHelp(command: CommandDefinition): string {
  const positional = command.positional
    ? ` [${command.schema.properties[command.positional]?.['x-placeholder'] ?? 'VALUE'}]`
    : '';
  const lines = [
    `prefixkit ${command.name}: ${command.summary}`,
    '',
    `Usage: prefixkit ${command.name}${positional} [options]`,
  ];
  if (command.description) lines.push('', command.description);
  lines.push('', 'Options:');
  for (const line of optionLines(command.schema)) lines.push(line);
  lines.push('', 'Global options:');
  for (const line of optionLines(globalOptionsSchema)) lines.push(line);
  const presets = listPresets(command.name);
  if (presets.length > 0) lines.push('', `Presets (--config NAME): ${presets.join(', ')}`);
  if (command.examples?.length) {
    lines.push('', 'Examples:');
    for (const example of command.examples) lines.push(`  ${example}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Help for `prefixkit` itself: the commands and the global options. */
export function rootHelp(commands: readonly CommandDefinition[], version: string): string {
  const width = commands.reduce((widest, command) => Math.max(widest, command.name.length), 0) + 2;
  return [
    `prefixkit ${version}: prefix-tuning for GPT-2 on WebGPU`,
    '',
    'Usage: prefixkit <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    '',
    'Global options:',
    ...optionLines(globalOptionsSchema),
    '',
    'Run `prefixkit <command> --help` for the options of a command.',
    'Results go to stdout only with --json; everything else is written to stderr.',
    '',
  ].join('\n');
}
