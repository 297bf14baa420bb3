/**
 * DOM mutations -> the least work that makes the mentions right again. A
 * local change rescans only the text run it touched: added subtrees are
 * walked, changed text re-reads its own block's runs (not nested blocks),
 * and removed nodes only drop what they held. Pure planning; the engine
 * executes the plan in slices.
 */
import { blockOf, INLINE_TAGS, Kind, kindOf } from './rules';
import type { WalkMode } from './scan';

export interface RescanPlan {
  /** Subtrees to walk, with the mode to walk them in. */
  walks: Map<Node, WalkMode>;
  /** Some nodes were removed: drop mentions whose nodes left the page. */
  removed: boolean;
}

export const OBSERVE_OPTIONS: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  // Attributes that show or hide text, or make it editable; class/style changes are not followed (too frequent).
  // An id names an element in our rules (rule-keys.ts): a change is only checked against them, nothing is read.
  attributes: true,
  attributeFilter: ['hidden', 'open', 'contenteditable', 'id'],
};

function isWhitespaceText(node: Node | null): boolean {
  return !!node && node.nodeType === 3 && !/\S/.test((node as Text).data);
}

/** Text or an inline element: something that joins the run around it. */
function flowsInline(node: Node | null): boolean {
  if (!node) return false;
  if (node.nodeType === 3) return !isWhitespaceText(node);
  return node.nodeType === 1 && INLINE_TAGS.has((node as Element).localName);
}

export function emptyPlan(): RescanPlan {
  return { walks: new Map(), removed: false };
}

/** Adds a walk, keeping the widest mode for a node ('all' covers 'own' and 'nested'). */
function addWalk(plan: RescanPlan, node: Node | null, mode: WalkMode): void {
  if (!node) return;
  const had = plan.walks.get(node);
  if (had === 'all' || had === mode) return;
  plan.walks.set(node, had ? 'all' : mode);
}

/** The run around `node` changed: re-read its block's own runs. */
function touchRun(plan: RescanPlan, node: Node): void {
  const block = blockOf(node);
  if (block) addWalk(plan, block, 'own');
}

/**
 * Adds what `records` require to `plan`. `isOurs` tells our own host element
 * (its changes are ignored).
 */
export function planRescan(records: readonly MutationRecord[], plan: RescanPlan, isOurs: (n: Node) => boolean): void {
  for (const r of records) {
    const target = r.target;
    if (isOurs(target)) continue;
    if (r.type === 'characterData') {
      touchRun(plan, target);
      continue;
    }
    if (r.type === 'attributes') {
      if (target.nodeType !== 1 || r.attributeName === 'id') continue;
      const kind = kindOf((target as Element).localName);
      if (kind === Kind.Inline) {
        touchRun(plan, target);
        addWalk(plan, target, 'nested');
      } else if (kind === Kind.Block) {
        // Its runs may now be seen or not: re-read them all (and the parent's runs around an inline-level change).
        addWalk(plan, target, 'all');
      }
      continue;
    }
    // childList
    let runChanged = false;
    // Records from some DOMs lack the siblings; for added nodes the live ones are as good.
    const beside = (n: Node) =>
      flowsInline(r.previousSibling ?? n.previousSibling) || flowsInline(r.nextSibling ?? n.nextSibling);
    for (const n of r.addedNodes) {
      if (isOurs(n)) continue;
      if (n.nodeType === 3) runChanged = true;
      else if (n.nodeType === 1) {
        const kind = kindOf((n as Element).localName);
        if (kind === Kind.Inline) {
          runChanged = true;
          addWalk(plan, n, 'nested');
        } else if (kind === Kind.Block) {
          addWalk(plan, n, 'all');
          if (beside(n)) runChanged = true;
        } else if (kind === Kind.Control) {
          if (beside(n)) runChanged = true;
        }
      }
    }
    for (const n of r.removedNodes) {
      if (isOurs(n)) continue;
      if (n.nodeType === 3) {
        plan.removed = true;
        runChanged = true;
      } else if (n.nodeType === 1) {
        plan.removed = true;
        const kind = kindOf((n as Element).localName);
        if (kind === Kind.Inline) runChanged = true;
        else if (kind !== Kind.Hidden && (flowsInline(r.previousSibling) || flowsInline(r.nextSibling)))
          runChanged = true;
      }
    }
    if (runChanged) touchRun(plan, target);
  }
}

/**
 * Drops walks made redundant by an 'all' walk of an ancestor, and walks of
 * nodes no longer on the page. Ancestor checks stop at `maxDepth` steps so a
 * 10,000-deep page costs bounded time per walk.
 */
export function prunePlan(plan: RescanPlan, maxDepth = 2000): [Node, WalkMode][] {
  const out: [Node, WalkMode][] = [];
  for (const [node, mode] of plan.walks) {
    if (!node.isConnected) continue;
    let covered = false;
    let steps = 0;
    for (let p = node.parentNode; p && steps < maxDepth; p = p.parentNode, steps++) {
      if (plan.walks.get(p) === 'all') {
        covered = true;
        break;
      }
    }
    if (!covered) out.push([node, mode]);
  }
  return out;
}
