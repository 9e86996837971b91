// argv -> option values, checked against an option table: `--name value`, `--name=value`,
// `--flag`, comma-separated lists, one positional RUN_DIR. Every refusal names the flag, what it
// expects and what it got.
import { parseArgs } from 'node:util';
import { ExperimentUsageError } from '../errors';
import type { OptionSpec, OptionTable, OptionValue, OptionValues } from './option-types';

export const kebab = (key: string) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

export interface ParsedCommandLine {
  /** The positional RUN_DIR, when given. */
  readonly runDir?: string;
  readonly values: OptionValues;
}

function range(spec: OptionSpec): string {
  if (spec.minimum !== undefined && spec.maximum !== undefined)
    return ` from ${spec.minimum} to ${spec.maximum}`;
  if (spec.minimum !== undefined) return ` >= ${spec.minimum}`;
  return '';
}

function parseNumber(flag: string, spec: OptionSpec, raw: string, integer: boolean): number {
  const value = Number(raw);
  const ok =
    raw.trim() !== '' &&
    Number.isFinite(value) &&
    (!integer || Number.isSafeInteger(value)) &&
    (spec.minimum === undefined || value >= spec.minimum) &&
    (spec.maximum === undefined || value <= spec.maximum);
  if (!ok)
    throw new ExperimentUsageError(
      `--${flag}: expected ${integer ? 'an integer' : 'a number'}${range(spec)}, got '${raw}'`,
    );
  return value;
}

function coerce(flag: string, spec: OptionSpec, raw: string): OptionValue {
  switch (spec.type) {
    case 'integer':
    case 'number':
      return parseNumber(flag, spec, raw, spec.type === 'integer');
    case 'integers':
    case 'numbers':
    case 'strings': {
      const items = raw.split(',').map((item) => item.trim());
      if (items.some((item) => item === ''))
        throw new ExperimentUsageError(`--${flag}: expected a comma-separated list, got '${raw}'`);
      if (spec.type === 'strings') return items;
      return items.map((item) => parseNumber(flag, spec, item, spec.type === 'integers'));
    }
    case 'string':
      if (spec.choices && !spec.choices.includes(raw))
        throw new ExperimentUsageError(
          `--${flag}: expected one of ${spec.choices.join(', ')}, got '${raw}'`,
        );
      return raw;
    case 'boolean':
      return raw === 'true';
  }
}

/** Edit distance between two short strings (for "did you mean"). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}

/** The known name nearest to `name`, if it is a plausible typo (at most 2 edits). */
function closest(name: string, known: readonly string[]): string | undefined {
  const scored = known.map((candidate) => ({ candidate, cost: distance(name, candidate) }));
  const best = scored.sort((a, b) => a.cost - b.cost)[0];
  return best && best.cost <= 2 ? best.candidate : undefined;
}

/** Parses `argv` against `table`; defaults fill what is not given. */
export function parseCommandLine(argv: readonly string[], table: OptionTable): ParsedCommandLine {
  const options = Object.fromEntries(
    Object.entries(table).map(([key, spec]) => [
      kebab(key),
      {
        type: spec.type === 'boolean' ? ('boolean' as const) : ('string' as const),
        ...(spec.repeatable ? { multiple: true } : {}),
        ...(key === 'help' ? { short: 'h' } : {}),
      },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /^Unknown option '(-{1,2}[^']*)'/.exec(message)?.[1];
    if (unknown === undefined)
      throw new ExperimentUsageError(`${message.split('\n')[0]} (--help lists the options)`);
    const guess = closest(unknown.replace(/^-+/, ''), Object.keys(options));
    throw new ExperimentUsageError(
      `unknown option '${unknown}'${guess ? `; did you mean --${guess}?` : ''} (--help lists the options)`,
    );
  }
  if (parsed.positionals.length > 1)
    throw new ExperimentUsageError(
      `expected at most one RUN_DIR, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}`,
    );
  const values: Record<string, OptionValue | undefined> = {};
  for (const [key, spec] of Object.entries(table)) {
    const raw = parsed.values[kebab(key)];
    if (raw === undefined) values[key] = spec.default;
    else if (typeof raw === 'boolean') values[key] = raw;
    else if (Array.isArray(raw))
      values[key] = raw.map((item) => String(coerce(kebab(key), spec, String(item))));
    else values[key] = coerce(kebab(key), spec, String(raw));
  }
  const runDir = parsed.positionals[0];
  return { ...(runDir === undefined ? {} : { runDir }), values };
}

/** `--lr ROW=1e-4,3e-4` values -> { ROW: [1e-4, 3e-4] }. */
export function parseLearningRates(items: readonly string[]): Record<string, number[]> {
  const rates: Record<string, number[]> = {};
  for (const item of items) {
    const equals = item.indexOf('=');
    const key = item.slice(0, equals).trim();
    const spec: OptionSpec = { type: 'numbers', description: '', minimum: 0 };
    if (equals < 1 || item.slice(equals + 1).trim() === '')
      throw new ExperimentUsageError(
        `--lr: expected ROW=RATE[,RATE...] such as prefix=1e-4,3e-4, got '${item}'`,
      );
    const list = coerce('lr', spec, item.slice(equals + 1)) as number[];
    if (list.some((rate) => rate <= 0))
      throw new ExperimentUsageError(`--lr: learning rates must be above 0, got '${item}'`);
    rates[key] = [...new Set(list)].sort((a, b) => a - b);
  }
  return rates;
}
