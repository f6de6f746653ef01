/**
 * A small seeded pseudo-random generator, so every bootstrap and simulation is reproducible: the
 * same seed on the same data gives the same interval, on any machine. Math.random cannot be seeded.
 *
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state, period 2³², passes gjrand's and
 * PractRand's tests up to its period — plenty for resampling, not for cryptography.
 */
export type Random = {
  /** Uniform on [0, 1). */
  next(): number;
  /** Uniform integer on 0…n−1. */
  int(n: number): number;
};

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

/**
 * A draw from Binomial(n, p): by inversion of n Bernoulli trials for small n, by the normal
 * approximation with continuity correction when n·p·(1−p) is large enough for it to be exact to
 * within a count (≥ 30), which is what multinomial bootstrap resampling of large counts needs.
 */
export function binomial(random: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const variance = n * p * (1 - p);
  if (variance < 30) {
    let k = 0;
    for (let i = 0; i < n; i++) if (random.next() < p) k++;
    return k;
  }
  const draw = Math.round(n * p + Math.sqrt(variance) * standardNormal(random));
  return Math.min(n, Math.max(0, draw));
}

/** A standard normal draw (Box–Muller). */
export function standardNormal(random: Random): number {
  let u = 0;
  while (u === 0) u = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** Counts of n draws over categories with the given probabilities (sequential binomials). */
export function multinomial(random: Random, n: number, probabilities: readonly number[]): number[] {
  const counts = new Array<number>(probabilities.length).fill(0);
  let left = n;
  let mass = 1;
  for (let i = 0; i < probabilities.length && left > 0; i++) {
    const p = probabilities[i]!;
    const k =
      i === probabilities.length - 1 ? left : binomial(random, left, mass > 0 ? Math.min(1, p / mass) : 0);
    counts[i] = k;
    left -= k;
    mass -= p;
  }
  return counts;
}
