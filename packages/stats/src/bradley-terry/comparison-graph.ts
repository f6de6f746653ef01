/**
 * The structure of the comparison graph, analysed once per fit before Newton runs: whether ratings
 * of two models can be compared at all, whether the plain maximum-likelihood ratings exist, and
 * whether the position advantage is identified. Its warnings say why a rating needs care; its
 * components are what the fit anchors and the bootstrap ranks within.
 */
import { CENTRE_RATING } from "./elo-scale";
import type { OrderedPairs } from "./fit-state";
import { listNames } from "./text";
import type { BradleyTerryWarning } from "./types";

/**
 * The structure that decides whether ratings exist and mean anything:
 * - components of the comparison graph (an edge wherever two models were compared): ratings of
 *   different components are not comparable;
 * - the directed "beat" graph (i → j when i won or tied against j at least once): the plain MLE
 *   exists iff each component is strongly connected in it (Zermelo 1929; Ford 1957; Hunter 2004,
 *   Assumption 1);
 * - with position advantage, whether γ is identified: it is not when some potential f has
 *   f(left) − f(right) = 1 on every compared ordered pair (then β + c·f, γ − c fit equally well),
 *   e.g. when every pair was only ever shown one way round.
 */
export function analyse(models: string[], ordered: OrderedPairs, position: boolean) {
  const k = models.length;
  const warnings: BradleyTerryWarning[] = [];
  const neighbours: number[][] = models.map(() => []);
  const beats: number[][] = models.map(() => []);
  const wins = new Float64Array(k);
  const losses = new Float64Array(k);
  let leftSide = 0;
  let rightSide = 0;
  for (let q = 0; q < ordered.length; q++) {
    const a = ordered.left[q]!;
    const b = ordered.right[q]!;
    const leftWins = ordered.leftWins[q]! + ordered.ties[q]! / 2;
    const rightWins = ordered.rightWins[q]! + ordered.ties[q]! / 2;
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
    if (leftWins > 0) beats[a]!.push(b);
    if (rightWins > 0) beats[b]!.push(a);
    wins[a] = wins[a]! + leftWins;
    losses[b] = losses[b]! + leftWins;
    wins[b] = wins[b]! + rightWins;
    losses[a] = losses[a]! + rightWins;
    leftSide += leftWins;
    rightSide += rightWins;
  }

  const everyone = new Uint8Array(k).fill(1);
  const component = new Int32Array(k);
  const components = connectedComponents(neighbours, everyone);
  components.forEach((members, c) => members.forEach((i) => (component[i] = c)));
  const named = (groups: number[][]) => groups.map((members) => members.map((i) => models[i]!));
  if (components.length > 1) {
    warnings.push({
      kind: "disconnected",
      components: named(components),
      message: `The models fall into ${components.length} groups that were never compared with each other (${named(
        components,
      )
        .map(listNames)
        .join(
          "; ",
        )}). Ratings are comparable only within a group; each group is centred on ${CENTRE_RATING}.`,
    });
  }

  const unbeaten: number[] = [];
  const winless: number[] = [];
  for (let i = 0; i < k; i++) {
    if (losses[i] === 0) unbeaten.push(i);
    else if (wins[i] === 0) winless.push(i);
  }
  for (const i of unbeaten) {
    warnings.push({
      kind: "unbeaten",
      model: models[i]!,
      message: `${models[i]} won every comparison it was in, so the data put no upper limit on its rating: the one shown is held finite by the prior and may well be too low.`,
    });
  }
  for (const i of winless) {
    warnings.push({
      kind: "winless",
      model: models[i]!,
      message: `${models[i]} lost every comparison it was in, so the data put no lower limit on its rating: the one shown is held finite by the prior and may well be too high.`,
    });
  }

  const strong = stronglyConnectedComponents(beats, everyone);
  let mleExists = strong.length === components.length;
  if (!mleExists) {
    // Name the separations that unbeaten and winless models do not already explain.
    const rest = new Uint8Array(k).fill(1);
    for (const i of [...unbeaten, ...winless]) rest[i] = 0;
    for (const members of connectedComponents(neighbours, rest)) {
      const inGroup = new Uint8Array(k);
      for (const i of members) inGroup[i] = 1;
      const groups = stronglyConnectedComponents(beats, inGroup);
      if (groups.length < 2) continue;
      warnings.push({
        kind: "separated",
        groups: named(groups),
        message: `These groups of models never lost to a later group: ${named(groups)
          .map(listNames)
          .join(
            " > ",
          )}. How far apart the groups are is not known from the data; the gaps shown are held finite by the prior.`,
      });
    }
  }

  if (position && k >= 2) {
    if (!positionIdentified(k, ordered)) {
      mleExists = false;
      warnings.push({
        kind: "position-unidentified",
        message:
          "Left/right placement cannot be told apart from the models' strengths here (pairs were not shown both ways round), so the position advantage rests on the prior.",
      });
    }
    if (leftSide === 0 || rightSide === 0) {
      mleExists = false;
      const side = leftSide === 0 ? "right" : "left";
      warnings.push({
        kind: "position-one-sided",
        side,
        message: `Every judgment went to the ${side} side, so the position advantage could be any amount; the one shown is held finite by the prior.`,
      });
    }
  }
  return { component, components, warnings, mleExists };
}

/** Components of the undirected graph restricted to `active`, each ascending, ordered by first member. */
function connectedComponents(neighbours: number[][], active: Uint8Array): number[][] {
  const seen = new Uint8Array(neighbours.length);
  const components: number[][] = [];
  for (let start = 0; start < neighbours.length; start++) {
    if (!active[start] || seen[start]) continue;
    const members = [start];
    seen[start] = 1;
    for (let head = 0; head < members.length; head++) {
      for (const next of neighbours[members[head]!]!) {
        if (active[next] && !seen[next]) {
          seen[next] = 1;
          members.push(next);
        }
      }
    }
    components.push(members.sort((a, b) => a - b));
  }
  return components;
}

/**
 * Strongly connected components of the directed graph restricted to `active` (Tarjan, 1972), in
 * topological order of the condensation: no edge leads from a later group to an earlier one, so
 * with edges "i beat j" the strongest group comes first.
 */
function stronglyConnectedComponents(edges: number[][], active: Uint8Array): number[][] {
  const n = edges.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const groups: number[][] = [];
  let counter = 0;
  const visit = (v: number) => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    for (const w of edges[v]!) {
      if (!active[w]) continue;
      if (index[w] === -1) {
        visit(w);
        low[v] = Math.min(low[v]!, low[w]!);
      } else if (onStack[w]) {
        low[v] = Math.min(low[v]!, index[w]!);
      }
    }
    if (low[v] === index[v]) {
      const group: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        group.push(w);
      } while (w !== v);
      groups.push(group.sort((a, b) => a - b));
    }
  };
  for (let v = 0; v < n; v++) if (active[v] && index[v] === -1) visit(v);
  // Tarjan emits a group only after every group it reaches, i.e. in reverse topological order.
  return groups.reverse();
}

/** False when γ is confounded with the strengths (see `analyse`): a consistent potential exists. */
function positionIdentified(k: number, ordered: OrderedPairs): boolean {
  const edges: { to: number; shift: number }[][] = Array.from({ length: k }, () => []);
  for (let q = 0; q < ordered.length; q++) {
    const a = ordered.left[q]!;
    const b = ordered.right[q]!;
    edges[a]!.push({ to: b, shift: -1 }); // f(right) = f(left) − 1
    edges[b]!.push({ to: a, shift: 1 });
  }
  const potential = new Float64Array(k);
  const seen = new Uint8Array(k);
  for (let start = 0; start < k; start++) {
    if (seen[start]) continue;
    seen[start] = 1;
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      for (const { to, shift } of edges[v]!) {
        if (!seen[to]) {
          seen[to] = 1;
          potential[to] = potential[v]! + shift;
          queue.push(to);
        } else if (potential[to] !== potential[v]! + shift) {
          return true; // a cycle that no potential satisfies: γ is pinned down by the data
        }
      }
    }
  }
  return false;
}
