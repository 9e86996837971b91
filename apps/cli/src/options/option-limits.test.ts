// Every size a user can set from the command line or a --config file has a documented range:
// --help prints it (from the same schema), and it is checked before any work starts.
import { describe, expect, it } from 'vitest';
import type { OptionSchema } from '../command';
import { commands } from '../commands/index';
import { globalOptionsSchema } from '../global-options';
import { commandHelp } from '../help';
import { toFlag } from './flag-names';

const schemas = [
  ...commands.map((command) => [command.name, command.schema] as const),
  ['global', globalOptionsSchema] as const,
];

function boundedInteger(range: { minimum?: number; maximum?: number }): boolean {
  return Number.isSafeInteger(range.minimum) && Number.isSafeInteger(range.maximum);
}

describe.each(schemas)('%s options', (name, schema) => {
  const options = Object.entries(schema.properties) as [string, OptionSchema][];

  it('give every integer a safe-integer minimum and maximum', () => {
    const unbounded = options
      .filter(([, option]) => option.type === 'integer' && !boundedInteger(option))
      .map(([key]) => key);
    const unboundedItems = options
      .filter(([, option]) => option.items?.type === 'integer' && !boundedInteger(option.items))
      .map(([key]) => key);
    expect([...unbounded, ...unboundedItems]).toEqual([]);
  });

  it('give every list a maximum number of items', () => {
    const unbounded = options
      .filter(([, option]) => option.type === 'array' && !Number.isSafeInteger(option.maxItems))
      .map(([key]) => key);
    expect(unbounded).toEqual([]);
  });

  it.runIf(name !== 'global')('print each range in --help', () => {
    const command = commands.find((entry) => entry.name === name)!;
    const help = commandHelp(command);
    for (const [key, option] of options) {
      if (option.type !== 'integer') continue;
      const lines = help.split('\n');
      const line = lines.findIndex((text) => text.startsWith(`  --${toFlag(key)} `));
      const text = lines.slice(line, line + 2).join(' ');
      expect(text, key).toContain(`from ${option.minimum} to ${option.maximum}`);
    }
  });
});
