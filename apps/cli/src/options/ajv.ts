// The one ajv instance of the CLI: defaults filled in from the schemas, and the two annotation
// keywords our option schemas carry (`x-path`, `x-placeholder`) declared so strict mode accepts them.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { OptionsSchema } from '../command';

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true });
ajv.addKeyword({ keyword: 'x-path', schemaType: 'boolean' });
ajv.addKeyword({ keyword: 'x-placeholder', schemaType: 'string' });

const cache = new WeakMap<object, ValidateFunction>();

/** A compiled validator for `schema` (compiled once per schema object). */
export function validatorFor(schema: OptionsSchema | object): ValidateFunction {
  let validate = cache.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    cache.set(schema, validate);
  }
  return validate;
}

/** The top-level option an ajv error is about (`/metrics/0` -> `metrics`). */
export function errorKey(error: ErrorObject): string {
  if (error.keyword === 'required') return String(error.params.missingProperty);
  if (error.keyword === 'additionalProperties') return String(error.params.additionalProperty);
  return error.instancePath.split('/')[1] ?? '';
}

/** ajv's message, with the allowed values spelled out for enums. */
export function describeError(error: ErrorObject): string {
  if (error.keyword === 'enum') {
    return `must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
  }
  return error.message ?? error.keyword;
}
