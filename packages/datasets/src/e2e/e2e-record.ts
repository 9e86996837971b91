// The E2E record type; its JSON Schema is e2e-record.schema.json (formats: e2e/SOURCE.md,
// e2e-cleaned/SOURCE.md).
import schema from './e2e-record.schema.json';

export interface E2EAttribute {
  /** One of the 8 E2E attributes, spelled as in the CSV (`eatType`, `customer rating`, ...). */
  key: string;
  value: string;
}

export interface E2ERecord {
  /** The MR exactly as in the CSV. */
  mr: string;
  /** The human reference; absent in testset.csv. */
  ref?: string;
  /** The MR parsed, in CSV order. */
  attributes: E2EAttribute[];
  /** Cleaned E2E only: whether cleaning changed the MR. */
  fixed?: boolean;
  /** Cleaned E2E only: the original release's MR. */
  originalMr?: string;
  /** 1-based line the CSV row starts on. */
  line: number;
}

export const e2eRecordSchema: object = schema;
