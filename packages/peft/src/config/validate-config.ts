// JSON-schema validation of every peft config with ajv (STYLE.md Configuration): defaults are
// filled in from the schema, and the first error names the file and the field (JSON pointer).
import { ConfigValidationError } from '@prefixkit/errors';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

const ajv = new Ajv({ allErrors: false, strict: false, useDefaults: true });
// Compiled once per schema $id (schema builders may return fresh but equal objects).
const compiled = new Map<string, ValidateFunction>();

function describe(error: ErrorObject): string {
  if (error.keyword === 'enum' || error.keyword === 'const') {
    const params = error.params as { allowedValues?: unknown[]; allowedValue?: unknown };
    return `expected one of ${JSON.stringify(params.allowedValues ?? [params.allowedValue])}`;
  }
  if (error.keyword === 'additionalProperties') {
    const params = error.params as { additionalProperty: string };
    return `unknown field "${params.additionalProperty}"`;
  }
  return `expected a value that ${error.message ?? error.keyword}`;
}

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const part of pointer.split('/').slice(1)) {
    value = (value as Record<string, unknown> | undefined)?.[
      part.replace(/~1/g, '/').replace(/~0/g, '~')
    ];
  }
  return value;
}

/**
 * Validates `json` against `schema` (a copy is checked, defaults filled in) and returns it
 * typed; throws ConfigValidationError naming `file` and the offending field.
 */
export function validateConfig<T>(schema: object, json: unknown, file: string): T {
  const id = (schema as { $id?: string }).$id ?? JSON.stringify(schema);
  let validate = compiled.get(id);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(id, validate);
  }
  const copy = structuredClone(json);
  if (!validate(copy)) {
    const error = validate.errors![0]!;
    const field = error.instancePath;
    const got =
      error.keyword === 'required' || error.keyword === 'additionalProperties'
        ? ''
        : `, got ${JSON.stringify(valueAt(copy, field))}`;
    const what =
      error.keyword === 'required'
        ? `missing required field "${(error.params as { missingProperty: string }).missingProperty}"`
        : describe(error);
    throw new ConfigValidationError(`${what}${got}`, { file, field });
  }
  return copy as T;
}
