// Turns the text of one command-line value into the type its schema declares, or throws a
// UsageError that names the flag, what was expected and what was given.
import type { OptionSchema } from '../command';
import { UsageError } from '../errors';
import { closest } from './closest';

function badValue(flag: string, expected: string, got: string, hint = ''): UsageError {
  return new UsageError(
    'CLI_BAD_OPTION_VALUE',
    `--${flag}: expected ${expected}, got '${got}'${hint}`,
  );
}

function checkEnum(flag: string, value: string, allowed: readonly string[] | undefined): string {
  if (!allowed || allowed.includes(value)) return value;
  const guess = closest(value, allowed);
  const hint = guess ? ` (did you mean '${guess}'?)` : '';
  throw badValue(flag, `one of ${allowed.join(', ')}`, value, hint);
}

/** ' from 1 to 64', ' >= 0' or '': the bounds --help shows, as the error repeats them. */
export function rangeOf(schema: { minimum?: number; maximum?: number }): string {
  const { minimum, maximum } = schema;
  if (minimum !== undefined && maximum !== undefined) return ` from ${minimum} to ${maximum}`;
  if (minimum !== undefined) return ` >= ${minimum}`;
  if (maximum !== undefined) return ` <= ${maximum}`;
  return '';
}

const booleanWords: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
};

/**
 * Coerces `raw` for option `flag`. Arrays take comma-separated items and accumulate over
 * repeated flags (`previous` holds the items so far).
 */
export function coerceValue(
  flag: string,
  schema: OptionSchema,
  raw: string,
  previous: unknown,
): unknown {
  switch (schema.type) {
    case 'string':
      return checkEnum(flag, raw, schema.enum);
    case 'number':
    case 'integer': {
      const value = raw.trim() === '' ? Number.NaN : Number(raw);
      if (!Number.isFinite(value)) throw badValue(flag, `a ${schema.type}`, raw);
      // Beyond 2^53 an integer is no longer exact (1e300 passes Number.isInteger).
      if (schema.type === 'integer' && !Number.isSafeInteger(value)) {
        throw badValue(flag, `an integer${rangeOf(schema)}`, raw);
      }
      const outside =
        (schema.minimum !== undefined && value < schema.minimum) ||
        (schema.maximum !== undefined && value > schema.maximum);
      const kind = schema.type === 'integer' ? 'an integer' : 'a number';
      if (outside) throw badValue(flag, `${kind}${rangeOf(schema)}`, raw);
      return value;
    }
    case 'boolean': {
      const value = booleanWords[raw.toLowerCase()];
      if (value === undefined) throw badValue(flag, 'true or false', raw);
      return value;
    }
    case 'array': {
      const items = raw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      // An empty value is the empty list (e.g. --banned-token-ids '' bans nothing).
      if (items.length === 0 && raw.trim() !== '')
        throw badValue(flag, 'a comma-separated list', raw);
      const checked = items.map((item) => {
        if (schema.items?.type !== 'integer') return checkEnum(flag, item, schema.items?.enum);
        const value = Number(item);
        const { minimum, maximum } = schema.items;
        const outside =
          (minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum);
        if (!Number.isSafeInteger(value) || outside)
          throw badValue(flag, `a comma-separated list of integers${rangeOf(schema.items)}`, raw);
        return value;
      });
      return [...(Array.isArray(previous) ? previous : []), ...checked];
    }
    case 'object': {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        throw badValue(flag, 'a JSON object', raw);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw badValue(flag, 'a JSON object', raw);
      }
      return value;
    }
  }
}
