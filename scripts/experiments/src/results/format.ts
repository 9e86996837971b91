// How numbers read in the driver's lines and tables: scores on their official scale (0-100 with 2
// decimals, else 4, as the scripts print them), parameters with their share of the model, times.
import type { Spread } from './statistics';

/** 75.2 -> "1:15"; 3725 -> "1:02:05". */
export function formatSeconds(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const decimals = (scale: string) => (scale === '0-100' ? 2 : 4);

export function formatScore(score: number, scale: string): string {
  return score.toFixed(decimals(scale));
}

/** "0.5123" for one value, "0.5123 ± 0.0101" for several (sample sd). */
export function formatSpread(spread: Spread, scale: string): string {
  const mean = formatScore(spread.mean, scale);
  return spread.n > 1 ? `${mean} ± ${spread.sd.toFixed(decimals(scale))}` : mean;
}

/** "10,240 (0.141%)"; "-" when unknown. */
export function formatShare(
  count: number | null | undefined,
  of: number | null | undefined,
): string {
  if (count === null || count === undefined) return '-';
  const text = count.toLocaleString('en-US');
  if (count === 0 || !of) return text;
  return `${text} (${((100 * count) / of).toPrecision(3)}%)`;
}
