// erf / erfc in double precision for the CPU reference of the exact GELU (JavaScript's Math has
// no erf). |x| < 3: the everywhere-convergent series with positive terms
//   erf(x) = 2/sqrt(pi) exp(-x^2) sum_n 2^n x^(2n+1) / (1 * 3 * ... * (2n+1))
// (Abramowitz & Stegun 7.1.6), which has no cancellation; |x| >= 3: the continued fraction
//   erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))   (A&S 7.1.14),
// which converges fast there and keeps erfc's relative accuracy in the far tail.

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const SERIES_LIMIT = 3;
const FRACTION_DEPTH = 80;

function erfSeries(x: number): number {
  let term = x;
  let total = x;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(total); n++) {
    term *= (2 * x * x) / (2 * n + 1);
    total += term;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * total;
}

/** erfc(x) for x >= SERIES_LIMIT by the continued fraction, evaluated from the tail up. */
function erfcFraction(x: number): number {
  let denominator = x;
  for (let k = FRACTION_DEPTH; k >= 1; k--) denominator = x + k / 2 / denominator;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / denominator;
}

/** The error function, to about 1e-15 (absolute) in double. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return x;
  if (Math.abs(x) < SERIES_LIMIT) return erfSeries(x);
  return Math.sign(x) * (1 - erfcFraction(Math.abs(x)));
}

/** The complementary error function 1 - erf(x), relatively accurate for large positive x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x >= SERIES_LIMIT) return erfcFraction(x);
  if (x <= -SERIES_LIMIT) return 2 - erfcFraction(-x);
  return 1 - erfSeries(x);
}
