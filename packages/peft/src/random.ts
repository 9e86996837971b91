// Seeded host random numbers for initialisations and data order (mulberry32 + Box-Muller).
// The generator's whole state is one 32-bit integer, so a checkpoint can store and restore it.

/** A uniform [0, 1) generator whose state can be read and set (for checkpoints). */
export class SeededRandom {
  state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Standard normal (Box-Muller, one value per call). */
  normal(): number {
    const u1 = Math.max(this.next(), 1e-300);
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Fisher-Yates shuffle of a copy of `items`. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let index = out.length - 1; index > 0; index--) {
      const other = Math.floor(this.next() * (index + 1));
      [out[index], out[other]] = [out[other]!, out[index]!];
    }
    return out;
  }
}

/** `count` values from N(0, std^2). */
export function normalValues(random: SeededRandom, count: number, std = 1): Float32Array {
  return Float32Array.from({ length: count }, () => random.normal() * std);
}

/** `count` values from U(-bound, bound) (torch's default Linear init uses bound 1/sqrt(fan_in)). */
export function uniformValues(random: SeededRandom, count: number, bound: number): Float32Array {
  return Float32Array.from({ length: count }, () => (2 * random.next() - 1) * bound);
}
