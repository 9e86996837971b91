// Options every command takes. They are parsed with the command's own options (one schema for
// the parser) but are not part of what the command's schema validates or a config file holds.
import type { OptionsSchema } from './command';

export interface GlobalOptions {
  help?: boolean;
  json?: boolean;
  verbose?: boolean;
  config?: string;
}

export const globalOptionsSchema: OptionsSchema = {
  type: 'object',
  properties: {
    config: {
      type: 'string',
      description:
        'Options from a JSON file, or the name of a preset in apps/cli/configs; flags override it.',
      'x-placeholder': 'FILE|PRESET',
    },
    json: {
      type: 'boolean',
      description: 'Print exactly one JSON result on stdout (human output stays on stderr).',
    },
    verbose: { type: 'boolean', description: 'More detail, and stack traces on errors.' },
    help: {
      type: 'boolean',
      description: 'Show this help (with --json: the options as a JSON schema).',
    },
  },
  additionalProperties: false,
};

export const globalKeys = new Set(Object.keys(globalOptionsSchema.properties));

/** The schema the argv parser uses: the command's options plus the global ones. */
export function withGlobalOptions(schema: OptionsSchema): OptionsSchema {
  return {
    ...schema,
    properties: { ...schema.properties, ...globalOptionsSchema.properties },
  };
}
