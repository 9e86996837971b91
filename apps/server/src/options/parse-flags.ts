// The bin's command line: one --kebab-case flag per serverOptionsSchema property, typed by it.
import { ConfigValidationError } from '@prefixkit/errors';
import { serverOptionsSchema } from './server-options';

type Properties = typeof serverOptionsSchema.properties;

const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Flags -> a raw options object (parseServerOptions validates it). */
export function parseServerFlags(argv: readonly string[]): Record<string, unknown> {
  const byFlag = new Map(
    Object.keys(serverOptionsSchema.properties).map((key) => [flagName(key), key]),
  );
  const options: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const key = byFlag.get(flag);
    if (!key)
      throw new ConfigValidationError(
        `unknown flag; the flags are ${[...byFlag.keys()].join(', ')}`,
        {
          field: flag,
        },
      );
    const type = (serverOptionsSchema.properties[key as keyof Properties] as { type: string }).type;
    if (type === 'boolean' && inline === undefined) {
      options[key] = true;
      continue;
    }
    const raw = inline ?? argv[++i];
    if (raw === undefined) throw new ConfigValidationError('expected a value', { field: flag });
    if (type === 'integer') {
      const value = Number(raw);
      if (!Number.isSafeInteger(value))
        throw new ConfigValidationError(`expected an integer, got ${JSON.stringify(raw)}`, {
          field: flag,
        });
      options[key] = value;
    } else if (type === 'boolean') options[key] = raw === 'true';
    else options[key] = raw;
  }
  return options;
}
