// Validates records against their JSON Schema with ajv, turning the first violation into a
// DataRecordError that names the file, line and field (docs/reference/STYLE.md: every record is a JSON Schema
// validated at the boundary).
import { Ajv, type ValidateFunction } from 'ajv';
import { DataRecordError, describeValue } from '../errors';

const ajv = new Ajv({ allErrors: false, strict: true });
const compiled = new WeakMap<object, ValidateFunction>();

/** Compiles (once per schema object) and returns the validator. */
export function recordValidator(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

function valueAt(record: unknown, pointer: string): unknown {
  let value = record;
  for (const part of pointer.split('/').slice(1)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Returns the error for the first schema violation of `record`, or undefined when valid. */
export function checkRecord(
  schema: object,
  record: unknown,
  where: { file: string; line: number; fieldNames?: Record<string, string> },
): DataRecordError | undefined {
  const validate = recordValidator(schema);
  if (validate(record)) return undefined;
  const issue = validate.errors?.[0];
  if (!issue) return undefined;
  let pointer = issue.instancePath;
  if (issue.keyword === 'required' || issue.keyword === 'additionalProperties') {
    const property =
      (issue.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ??
      (issue.params as { additionalProperty?: string }).additionalProperty;
    pointer = `${pointer}/${property}`;
  }
  const key = pointer.slice(1);
  const field = where.fieldNames?.[key] ?? (key || '(record)');
  const got =
    issue.keyword === 'required' ? 'nothing' : describeValue(valueAt(record, pointer), 80);
  return new DataRecordError(
    { file: where.file, line: where.line, field },
    `a value that ${issue.message ?? 'matches the schema'}`,
    got,
  );
}
