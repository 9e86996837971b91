// Splits a command's arguments into option values typed by its schema.
//   --key=value   --key value   --flag (boolean true)   --no-flag (false)   --list a,b --list c
//   a bare argument fills the command's positional option; `--` ends the options.
// Unknown flags fail at once, naming the flag and suggesting the closest known one.
import type { OptionsSchema } from '../command';
import { UsageError } from '../errors';
import { closest } from './closest';
import { coerceValue } from './coerce-value';
import { toFlag, toKey } from './flag-names';

export interface ParsedArgv {
  /** Values given on the command line, keyed by schema key, already coerced. */
  values: Record<string, unknown>;
  /** The flag spelling each key was given with, for error messages. */
  flags: Map<string, string>;
}

function unknownOption(spelled: string, schema: OptionsSchema): UsageError {
  const known = Object.keys(schema.properties).map(toFlag);
  const guess = closest(spelled.replace(/^-+/, ''), known);
  const hint = guess ? ` Did you mean --${guess}?` : ' Run with --help to list the options.';
  return new UsageError('CLI_UNKNOWN_OPTION', `unknown option ${spelled}.${hint}`);
}

/** Parses `argv` (the tokens after the command name) against `schema`. */
export function parseArgv(
  argv: readonly string[],
  schema: OptionsSchema,
  positional?: string,
): ParsedArgv {
  const values: Record<string, unknown> = {};
  const flags = new Map<string, string>();
  const set = (key: string, flag: string, raw: string) => {
    values[key] = coerceValue(flag, schema.properties[key]!, raw, values[key]);
    flags.set(key, flag);
  };
  const takePositional = (token: string) => {
    if (positional && !flags.has(positional)) return set(positional, toFlag(positional), token);
    throw new UsageError(
      'CLI_UNEXPECTED_ARGUMENT',
      `unexpected argument '${token}': options are written --name=value (see --help)`,
    );
  };

  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]!;
    if (token === '--') {
      for (const rest of argv.slice(index + 1)) takePositional(rest);
      break;
    }
    if (token === '-h') {
      set('help', 'help', 'true');
      continue;
    }
    if (!token.startsWith('--')) {
      if (token.startsWith('-') && token.length > 1 && Number.isNaN(Number(token))) {
        throw unknownOption(token, schema);
      }
      takePositional(token);
      continue;
    }
    const equals = token.indexOf('=');
    const spelled = equals === -1 ? token : token.slice(0, equals);
    const name = spelled.slice(2);
    let key = toKey(name);
    let negated = false;
    if (!(key in schema.properties) && name.startsWith('no-')) {
      const positive = toKey(name.slice(3));
      if (schema.properties[positive]?.type === 'boolean') {
        key = positive;
        negated = true;
      }
    }
    const option = schema.properties[key];
    if (!option) throw unknownOption(spelled, schema);
    const flag = toFlag(key);
    if (negated) {
      if (equals !== -1) throw unknownOption(token, schema);
      set(key, flag, 'false');
    } else if (equals !== -1) {
      set(key, flag, token.slice(equals + 1));
    } else if (option.type === 'boolean') {
      set(key, flag, 'true');
    } else {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) {
        const placeholder = option['x-placeholder'] ?? 'VALUE';
        throw new UsageError(
          'CLI_BAD_OPTION_VALUE',
          `--${flag}: missing value; write --${flag} ${placeholder}`,
        );
      }
      set(key, flag, next);
      index++;
    }
  }
  return { values, flags };
}
