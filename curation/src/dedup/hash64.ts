/**
 * 64-bit perceptual hashes (pHash, dHash, aHash all give 64 bits) without BigInt: a hash is two
 * unsigned 32-bit halves, and a whole set is one `Uint32Array` with the halves interleaved
 * (`[hi₀, lo₀, hi₁, lo₁, …]`, 8 bytes an item). Numbers stay in V8's small-integer and typed-array
 * fast paths, where BigInt arithmetic would allocate on every XOR; a million hashes take 8 MB.
 *
 * Bit k of the hash is bit k of `lo` for k < 32 and bit k − 32 of `hi` above, so the 16-digit hex
 * form is `hi` then `lo`, most significant digit first — the form imagehash's `str(hash)` prints
 * for an 8×8 hash and the one perceptual-hash columns in corpora usually carry.
 */

/** One 64-bit hash: `hi` holds bits 63…32, `lo` bits 31…0, both as unsigned 32-bit integers. */
export type Hash64 = { readonly hi: number; readonly lo: number };

const HEX16 = /^[0-9a-fA-F]{16}$/;

/** Parses exactly 16 hex digits (either case, no prefix); anything else throws, naming the input. */
export function parseHash64(hex: string): Hash64 {
  if (!HEX16.test(hex)) throw new Error(`not a 64-bit hash (16 hex digits expected): ${JSON.stringify(hex)}`);
  return { hi: parseInt(hex.slice(0, 8), 16) >>> 0, lo: parseInt(hex.slice(8), 16) >>> 0 };
}

/** 16 lowercase hex digits, zero-padded. */
export function formatHash64(hash: Hash64): string {
  return (hash.hi >>> 0).toString(16).padStart(8, "0") + (hash.lo >>> 0).toString(16).padStart(8, "0");
}

/** The hash as an unsigned BigInt, for callers whose hashing library hands out BigInts. */
export function hash64ToBigInt(hash: Hash64): bigint {
  return (BigInt(hash.hi >>> 0) << 32n) | BigInt(hash.lo >>> 0);
}

/** From an unsigned BigInt below 2⁶⁴; anything outside that range throws. */
export function hash64FromBigInt(value: bigint): Hash64 {
  if (value < 0n || value >= 1n << 64n) throw new RangeError(`not a 64-bit unsigned value: ${value}`);
  return { hi: Number(value >> 32n), lo: Number(value & 0xffffffffn) };
}

/**
 * The number of set bits in a 32-bit integer, branch-free: the "counting bits set, in parallel"
 * method of Sean Eron Anderson's Bit Twiddling Hacks
 * (https://graphics.stanford.edu/~seander/bithacks.html#CountBitsSetParallel): sum bit pairs, then
 * nibbles, then let one multiply add the four byte counts into the top byte. `Math.imul` keeps the
 * multiply in 32-bit integer arithmetic (a plain `*` would go through a double and lose the low bits).
 */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Hamming distance between two hashes: the set bits of their XOR, 0…64. */
export function hammingDistance(a: Hash64, b: Hash64): number {
  return popcount32(a.hi ^ b.hi) + popcount32(a.lo ^ b.lo);
}

/** Hamming distance between items i and j of an interleaved set (see `packHashes`). */
export function hammingDistanceAt(hashes: Uint32Array, i: number, j: number): number {
  return popcount32(hashes[2 * i]! ^ hashes[2 * j]!) + popcount32(hashes[2 * i + 1]! ^ hashes[2 * j + 1]!);
}

/** Packs hashes into one interleaved `Uint32Array` (`[hi₀, lo₀, hi₁, lo₁, …]`). */
export function packHashes(hashes: readonly Hash64[]): Uint32Array {
  const packed = new Uint32Array(2 * hashes.length);
  for (let i = 0; i < hashes.length; i++) {
    packed[2 * i] = hashes[i]!.hi;
    packed[2 * i + 1] = hashes[i]!.lo;
  }
  return packed;
}

/**
 * Parses a column of 16-digit hex hashes into an interleaved set. The first bad value throws with
 * its position, so an import can name the offending row instead of failing somewhere later.
 */
export function parsePackedHashes(hexes: readonly string[]): Uint32Array {
  const packed = new Uint32Array(2 * hexes.length);
  for (let i = 0; i < hexes.length; i++) {
    let hash: Hash64;
    try {
      hash = parseHash64(hexes[i]!);
    } catch (error) {
      throw new Error(`hash ${i}: ${(error as Error).message}`);
    }
    packed[2 * i] = hash.hi;
    packed[2 * i + 1] = hash.lo;
  }
  return packed;
}

/** Item i of an interleaved set. */
export function hashAt(hashes: Uint32Array, i: number): Hash64 {
  return { hi: hashes[2 * i]!, lo: hashes[2 * i + 1]! };
}

/** The number of items in an interleaved set; an odd length (a torn hash) throws. */
export function hashCount(hashes: Uint32Array): number {
  if (hashes.length % 2 !== 0)
    throw new RangeError(
      `an interleaved hash set has an even length (hi, lo per item); got ${hashes.length}`,
    );
  return hashes.length / 2;
}
