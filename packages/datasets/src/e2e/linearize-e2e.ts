// E2E source linearisation exactly as the paper's data (docs/reference/LINEARIZATION.md, "E2E"):
// `key : value` pairs joined by ` | ` in CSV order, with three keys renamed.
//
// One correction to docs/reference/LINEARIZATION.md, found by comparing all 9,365 rows of the paper's
// src1_valid.txt / src1_test.txt with the CSVs: values are *not* quite verbatim. The paper's
// preprocessing tokenised them, splitting off every character that is neither a letter, digit,
// underscore nor space: `£20-25` -> `£ 20 - 25`, `less than £20` -> `less than £ 20`. Only the
// three price values contain such characters (`Café` keeps its letter `é`).
import type { E2EAttribute } from './e2e-record';

/** The paper's key renaming; the other five keys are kept as they are. */
export const e2eKeyNames: Readonly<Record<string, string>> = {
  eatType: 'Type',
  familyFriendly: 'family friendly',
  priceRange: 'price',
};

export interface E2ELinearizeOptions {
  keyNames?: Readonly<Record<string, string>>;
  pairSeparator?: string;
  keySeparator?: string;
  /** Tokenise values as the paper's files do (default true); false copies them verbatim. */
  tokenizeValues?: boolean;
}

/** Splits off non-word characters as the paper's MR values: `£20-25` -> `£ 20 - 25`. */
export function tokenizeE2EValue(value: string): string {
  return value
    .replace(/[^\p{L}\p{N}_\s]/gu, ' $& ')
    .split(/\s+/)
    .filter((token) => token.length > 0)
    .join(' ');
}

/**
 * Linearises an MR the paper's way.
 *
 * @example
 * linearizeE2E([{ key: 'name', value: 'Alimentum' }, { key: 'priceRange', value: '£20-25' }]);
 * // 'name : Alimentum | price : £ 20 - 25'
 */
export function linearizeE2E(
  attributes: readonly E2EAttribute[],
  options: E2ELinearizeOptions = {},
): string {
  const keyNames = options.keyNames ?? e2eKeyNames;
  const keySeparator = options.keySeparator ?? ' : ';
  const tokenize = options.tokenizeValues ?? true;
  return attributes
    .map(({ key, value }) => {
      const text = tokenize ? tokenizeE2EValue(value) : value;
      return `${keyNames[key] ?? key}${keySeparator}${text}`;
    })
    .join(options.pairSeparator ?? ' | ');
}
