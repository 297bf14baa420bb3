/**
 * Document order across shadow trees: a node inside a shadow root sorts
 * where its host is (after the host's own start), so mentions in web
 * components fall in reading order among the rest.
 */

/** `node`, then the host of each shadow root above it, innermost first. */
function hostChain(node: Node): Node[] {
  const chain: Node[] = [node];
  let root = node.getRootNode();
  while (root.nodeType === 11 && (root as ShadowRoot).host) {
    const host = (root as ShadowRoot).host;
    chain.push(host);
    root = host.getRootNode();
  }
  return chain;
}

/** Negative when a comes first, positive when b does, 0 when the same or unrelated. */
export function compareOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  const ca = hostChain(a);
  const cb = hostChain(b);
  for (let i = 0; i < ca.length; i++) {
    const x = ca[i] as Node;
    const rx = x.getRootNode();
    for (let j = 0; j < cb.length; j++) {
      const y = cb[j] as Node;
      if (y.getRootNode() !== rx) continue;
      if (x === y) return i === 0 ? -1 : j === 0 ? 1 : i - j;
      const pos = x.compareDocumentPosition(y);
      if (pos & 4) return -1; // y follows x
      if (pos & 2) return 1; // y precedes x
      return 0;
    }
  }
  return 0;
}

/**
 * Where an entry holding `node` goes in `list` (kept in document order by
 * `nodeOf`): after every entry not after it. One comparison with the last
 * entry (entries mostly arrive in order), else a binary search.
 */
export function orderIndex<T>(list: readonly T[], node: Node, nodeOf: (entry: T) => Node): number {
  const last = list[list.length - 1];
  if (last === undefined || compareOrder(nodeOf(last), node) <= 0) return list.length;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareOrder(nodeOf(list[mid] as T), node) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
