/**
 * The XOR masks a multi-index probe walks: every non-zero mask of at most t set bits over b bits,
 * grouped by its highest set bit. Grouping lets a self-join visit each pair of buckets once: from
 * bucket v it takes only the groups whose top bit is 0 in v, so v ^ mask > v — the top bit it flips
 * goes 0 → 1 and no bit above it changes.
 */
import { ballSize } from "./substring-plan";

/** Group h is `masks[groupStarts[h] … groupStarts[h + 1])`: the masks whose highest set bit is h. */
export type MaskGroups = { readonly masks: Uint32Array; readonly groupStarts: Uint32Array };

export function masksWithin(bits: number, t: number): MaskGroups {
  const weight = Math.min(t, bits);
  const masks = new Uint32Array(weight > 0 ? ballSize(bits, weight) - 1 : 0);
  const groupStarts = new Uint32Array(bits + 1);
  let length = 0;
  // Depth-first: the mask so far, the bits still free (all below `below`), how many more may be set.
  const extend = (mask: number, below: number, remaining: number): void => {
    masks[length++] = mask;
    if (remaining === 0) return;
    for (let bit = below - 1; bit >= 0; bit--) extend(mask | (1 << bit), bit, remaining - 1);
  };
  for (let h = 0; h < bits; h++) {
    groupStarts[h] = length;
    if (weight > 0) extend(1 << h, h, weight - 1);
  }
  groupStarts[bits] = length;
  return { masks, groupStarts };
}
