// Shared input checks: every metric takes N hypotheses and N reference groups.
import { MetricInputError } from './errors';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value;
}

/**
 * Checks that `hypotheses` is a string array and `references` an array of string arrays of the
 * same length. `minRefs` is the fewest references a segment may have (0 allows none).
 */
export function validateCorpus(
  metric: string,
  hypotheses: readonly unknown[],
  references: readonly (readonly unknown[])[],
  minRefs = 1,
): void {
  if (!Array.isArray(hypotheses)) {
    throw new MetricInputError(metric, 'hypotheses', {
      expected: 'an array of strings',
      got: describe(hypotheses),
    });
  }
  if (!Array.isArray(references) || references.length !== hypotheses.length) {
    throw new MetricInputError(metric, 'references', {
      expected: `an array of ${hypotheses.length} reference groups (one per hypothesis)`,
      got: describe(references),
    });
  }
  for (let i = 0; i < hypotheses.length; i++) {
    if (typeof hypotheses[i] !== 'string') {
      throw new MetricInputError(metric, 'hypothesis', {
        segment: i,
        expected: 'a string',
        got: describe(hypotheses[i]),
      });
    }
    const group = references[i];
    if (!Array.isArray(group)) {
      throw new MetricInputError(metric, 'reference group', {
        segment: i,
        expected: 'an array of strings',
        got: describe(group),
      });
    }
    if (group.length < minRefs) {
      throw new MetricInputError(metric, 'reference group', {
        segment: i,
        expected: `at least ${minRefs} reference(s)`,
        got: `${group.length}`,
      });
    }
    for (const ref of group) {
      if (typeof ref !== 'string') {
        throw new MetricInputError(metric, 'reference', {
          segment: i,
          expected: 'a string',
          got: describe(ref),
        });
      }
    }
  }
}

/** `refs:N` or `refs:MIN-MAX` for signatures. */
export function refCountLabel(references: readonly (readonly unknown[])[]): string {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const group of references) {
    min = Math.min(min, group.length);
    max = Math.max(max, group.length);
  }
  if (references.length === 0) return '0';
  return min === max ? `${max}` : `${min}-${max}`;
}
