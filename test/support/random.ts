/**
 * The seeded pseudo-random numbers of the tests, the VS Code harness and the benchmark: the same seed gives the same
 * sequence on every machine, so a generated input (a corpus, a fuzz case, a damaged cache) is the same each run.
 *
 * Two sequences, one interface. mulberry32 is the generator for new code. The linear congruential generator is kept
 * because the unit tests' and the VS Code harness's synthetic corpora and several tests' inputs were drawn from it:
 * moving them to mulberry32 would change what those tests read (see `lcg`).
 */

/** A seeded sequence and what tests draw from it. Methods are bound: `random.float` can be passed on alone. */
export class Random {
  private constructor(private readonly step: () => number) {}

  /** mulberry32 (Tommy Ettinger's): 32 bits of state, a full period of 2^32, good enough for tests and benchmarks. */
  static mulberry32(seed: number): Random {
    let state = seed >>> 0;
    return new Random(() => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    });
  }

  /**
   * The linear congruential generator with the C library's constants (state × 1103515245 + 12345, mod 2^32). Its
   * low bits cycle quickly: draw with `float` or `below`, which use the high bits. Kept for the sequences existing
   * tests and corpora were made with; new code takes `mulberry32`.
   */
  static lcg(seed: number): Random {
    let state = seed >>> 0;
    return new Random(() => (state = (Math.imul(state, 1103515245) + 12345) >>> 0));
  }

  /** The next 32-bit unsigned integer (the generator's output, or for `lcg` its whole state). */
  readonly uint32 = (): number => this.step();

  /** The next number in [0, 1). */
  readonly float = (): number => this.step() / 4294967296;

  /** The next integer in [0, n), from the high 24 bits (n well under 2^24). */
  readonly below = (n: number): number => (this.step() >>> 8) % n;

  /** An element of a non-empty list, drawn with `float`. */
  readonly pick = <T>(list: readonly T[]): T => list[Math.floor(this.float() * list.length)]!;
}

/** mulberry32 seeded with `seed`: the generator for new tests. */
export const seeded = (seed: number): Random => Random.mulberry32(seed);
