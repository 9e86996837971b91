// The options a command runs with: schema defaults, then the config file (--config), then the
// command-line flags, validated together with ajv. An invalid value is reported against where it
// came from: the flag (usage error) or the config file and field (config error).
import { ConfigValidationError } from '@prefixkit/errors';
import type { OptionsSchema } from '../command';
import { UsageError } from '../errors';
import { describeError, errorKey, validatorFor } from './ajv';
import type { ConfigFile } from './config-file';
import { toFlag } from './flag-names';

export interface ResolveInput {
  schema: OptionsSchema;
  /** Values from the command line, by key. */
  cli: Record<string, unknown>;
  config?: ConfigFile;
}

/** Merges and validates; returns the options with defaults filled in. */
export function resolveOptions({ schema, cli, config }: ResolveInput): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...config?.values, ...cli };
  const validate = validatorFor(schema);
  if (validate(merged)) return merged;
  const error = validate.errors![0]!;
  const key = errorKey(error);
  const option = schema.properties[key];
  const flag = toFlag(key);
  if (error.keyword === 'required') {
    const placeholder = option?.['x-placeholder'] ?? 'VALUE';
    const about = option ? ` (${option.description})` : '';
    throw new UsageError(
      'CLI_MISSING_OPTION',
      `missing --${flag} ${placeholder}${about}; pass it on the command line or in --config`,
    );
  }
  if (config && key in config.values && !(key in cli)) {
    throw new ConfigValidationError(describeError(error), {
      file: config.path,
      field: error.instancePath,
    });
  }
  throw new UsageError('CLI_BAD_OPTION_VALUE', `--${flag}: ${describeError(error)}`);
}
