// Which inputs of a split `generate` decodes and `evaluate` scores: every K-th (spread over the
// whole split, e.g. both WebNLG's seen and its unseen categories, which the test file lists one
// after the other), then the first N of those. Both commands select through this one function,
// so `generate --every K --max-inputs N` and `evaluate --every K --max-inputs N` stay aligned.

export interface InputSelection {
  /** Keep the inputs at positions 0, K, 2K, ... (1: all). */
  every?: number;
  /** Then keep the first N of them. */
  maxInputs?: number;
}

export function selectInputs<T>(items: readonly T[], selection: InputSelection): T[] {
  const every = selection.every ?? 1;
  const spread = every === 1 ? [...items] : items.filter((_, position) => position % every === 0);
  return selection.maxInputs === undefined ? spread : spread.slice(0, selection.maxInputs);
}

/** How the selection reads in a message, e.g. " (every 9th, its first 100, --every 9 --max-inputs 100)". */
export function describeSelection(selection: InputSelection): string {
  const parts: string[] = [];
  const flags: string[] = [];
  if (selection.every !== undefined && selection.every !== 1) {
    parts.push(`every ${ordinal(selection.every)}`);
    flags.push(`--every ${selection.every}`);
  }
  if (selection.maxInputs !== undefined) {
    parts.push(parts.length === 0 ? 'its first ones' : `its first ${selection.maxInputs}`);
    flags.push(`--max-inputs ${selection.maxInputs}`);
  }
  return parts.length === 0 ? '' : ` (${parts.join(', ')}, ${flags.join(' ')})`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
