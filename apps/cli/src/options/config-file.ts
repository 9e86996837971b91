// Reads an options file: `--config FILE.json`, or `--config NAME` for a preset in
// apps/cli/configs/NAME.json. The file is a JSON object of the command's options (camelCase keys,
// as in the schema), optionally with `"command"` naming the command it is for. Every field is
// validated against the command's schema; errors name the file and the field. Relative paths in
// path options are resolved against the file's folder, so a config can sit beside its data.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import {
  ConfigValidationError,
  describeJsonSyntaxError,
  FileNotFoundError,
} from '@prefixkit/errors';
import type { OptionsSchema } from '../command';
import { readUtf8File } from '../data/read-utf8-file';
import { presetsDir } from '../paths';
import { describeError, errorKey, validatorFor } from './ajv';
import { closest } from './closest';

export interface ConfigFile {
  path: string;
  values: Record<string, unknown>;
}

/** Names of the presets shipped in apps/cli/configs (only those for `command`, when given). */
export function listPresets(command?: string): string[] {
  if (!existsSync(presetsDir)) return [];
  return readdirSync(presetsDir)
    .filter((name) => name.endsWith('.json'))
    .filter((name) => {
      if (command === undefined) return true;
      const preset = JSON.parse(readFileSync(join(presetsDir, name), 'utf8')) as {
        command?: unknown;
      };
      return preset.command === undefined || preset.command === command;
    })
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

function locate(reference: string, cwd: string): string {
  const looksLikePath = reference.endsWith('.json') || /[\\/]/.test(reference);
  if (looksLikePath) {
    const path = resolve(cwd, reference);
    if (!existsSync(path)) {
      throw new FileNotFoundError(reference, 'Check the --config path.');
    }
    return path;
  }
  const preset = join(presetsDir, `${reference}.json`);
  if (existsSync(preset)) return preset;
  const presets = listPresets();
  const guess = closest(reference, presets);
  throw new FileNotFoundError(
    `preset '${reference}'`,
    `${guess ? `Did you mean '${guess}'? ` : ''}Presets: ${presets.join(', ') || '(none)'}; or pass a path to a .json file.`,
  );
}

/** The partial schema a config file is checked against: any subset of the options. */
function partialSchema(schema: OptionsSchema): OptionsSchema {
  const { required: _required, ...rest } = schema;
  return rest;
}

const partialCache = new WeakMap<OptionsSchema, OptionsSchema>();

/** Loads and validates the options file `reference` for `command`. */
export function readConfigFile(
  reference: string,
  command: string,
  schema: OptionsSchema,
  cwd: string,
): ConfigFile {
  const path = locate(reference, cwd);
  const text = readUtf8File(path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON.parse's message: it quotes the file's first bytes (the wrong file may be secret).
    throw new ConfigValidationError(describeJsonSyntaxError(text), { file: path });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigValidationError('must be a JSON object of options', { file: path, field: '' });
  }
  const { command: forCommand, $comment: _comment, ...values } = parsed as Record<string, unknown>;
  if (forCommand !== undefined && forCommand !== command) {
    throw new ConfigValidationError(`is for command '${String(forCommand)}', not '${command}'`, {
      file: path,
      field: '/command',
    });
  }
  let partial = partialCache.get(schema);
  if (!partial) {
    partial = partialSchema(schema);
    partialCache.set(schema, partial);
  }
  const validate = validatorFor(partial);
  // Validate a copy: defaults are applied later, once, to the merged options.
  if (!validate(structuredClone(values))) {
    const error = validate.errors![0]!;
    const key = errorKey(error);
    if (error.keyword === 'additionalProperties') {
      const guess = closest(key, Object.keys(schema.properties));
      throw new ConfigValidationError(
        `unknown option '${key}'${guess ? ` (did you mean '${guess}'?)` : ''}`,
        { file: path, field: `/${key}` },
      );
    }
    throw new ConfigValidationError(describeError(error), {
      file: path,
      field: error.instancePath,
    });
  }
  for (const [key, value] of Object.entries(values)) {
    if (schema.properties[key]?.['x-path'] && typeof value === 'string' && !isAbsolute(value)) {
      values[key] = resolve(dirname(path), value);
    }
  }
  return { path, values };
}
