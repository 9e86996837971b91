// Plan flags -> CLI arguments: `{ maxSteps: 10, methodOptions: { r: 4 }, subsets: true }` ->
// `--max-steps 10 --method-options {"r":4} --subsets`. Later objects override earlier ones key by
// key, so every flag appears once (the CLI would take a repeated option as a list or refuse it).
import type { Flags, FlagValue } from './plan-types';

const kebab = (key: string) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

function formatValue(value: Exclude<FlagValue, boolean>): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The flags of `layers` merged left to right, as arguments. */
export function toArguments(...layers: readonly (Flags | undefined)[]): string[] {
  const merged: Record<string, FlagValue> = {};
  for (const layer of layers) Object.assign(merged, layer);
  const args: string[] = [];
  for (const [key, value] of Object.entries(merged)) {
    if (value === true) args.push(`--${kebab(key)}`);
    else if (value === false) args.push(`--no-${kebab(key)}`);
    else args.push(`--${kebab(key)}`, formatValue(value));
  }
  return args;
}

/** Arguments as a shell would need them quoted, for the commands printed and recorded. */
export function shellQuote(args: readonly string[]): string {
  return args
    .map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`))
    .join(' ');
}
