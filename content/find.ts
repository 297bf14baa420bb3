/**
 * From a segment of page text to located matches: match the text, keep only
 * what a reader can see, and map string offsets back to (text node, offset)
 * pairs. Pure apart from the injected visibility check.
 */
import { findMatches, hasCandidate } from '@/utils/match';
import type { EntityId, TextMatch } from '@/utils/types';
import { MATCH_WINDOW } from './limits';
import type { Segment } from './scan';
import type { VisibilityCheck } from './visibility';

/** A segment copied out of the walker's buffer. */
export interface TextBlock {
  nodes: Text[];
  starts: number[];
  text: string;
}

export interface Located {
  match: TextMatch;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/** Candidate blocks up to this many nodes have every node's visibility checked; longer ones only around matches. */
const FULL_CHECK_NODES = 64;

/** Characters that never occur inside an alias: safe places to cut a huge text into windows. */
const SAFE_CUT = /[。，、；：！？,;:!?()（）"“”]/;

export function copySegment(seg: Segment): TextBlock {
  return { nodes: seg.nodes.slice(), starts: seg.starts.slice(), text: seg.text };
}

/** Window boundaries for `text`: [0, c1, c2, ..., text.length]. */
export function windows(text: string, size = MATCH_WINDOW): number[] {
  const cuts = [0];
  let at = 0;
  while (text.length - at > size) {
    let cut = at + size;
    const floor = cut - Math.min(4096, size >> 2);
    let p = cut;
    while (p > floor && !SAFE_CUT.test(text.charAt(p - 1))) p--;
    if (p > floor) cut = p;
    else {
      p = cut;
      while (p > floor && !/\s/.test(text.charAt(p - 1))) p--;
      if (p > floor) cut = p;
    }
    cuts.push(cut);
    at = cut;
  }
  cuts.push(text.length);
  return cuts;
}

/** Matches in text.slice(from, to), with offsets into `text`; appended to `out`. */
export function matchWindow(
  text: string,
  from: number,
  to: number,
  entities: readonly EntityId[],
  out: TextMatch[],
): void {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  if (!hasCandidate(part, entities)) return;
  for (const m of findMatches(part, entities)) out.push(from ? { ...m, start: m.start + from, end: m.end + from } : m);
}

/** Matches in `text`, window by window (each window prefiltered first). */
export function matchText(text: string, entities: readonly EntityId[]): TextMatch[] {
  const out: TextMatch[] = [];
  const cuts = text.length <= MATCH_WINDOW ? [0, text.length] : windows(text);
  for (let i = 0; i + 1 < cuts.length; i++) matchWindow(text, cuts[i] as number, cuts[i + 1] as number, entities, out);
  return out;
}

/** Index of the node containing text position `pos` (the last node starting at or before it). */
function nodeAt(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The element whose style decides whether a text node is seen (a shadow root's host at the top of a shadow tree). */
export function styleElementOf(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === 1) return parent as Element;
  if (parent.nodeType === 11) return (parent as ShadowRoot).host ?? null;
  return null;
}

function nodeVisible(node: Text, isVisible: VisibilityCheck): boolean {
  const el = styleElementOf(node);
  return !!el && isVisible(el);
}

/** Maps a match to node offsets; `end` is placed at the end of the node holding its last character. */
export function locate(block: TextBlock, match: TextMatch): Located {
  const si = nodeAt(block.starts, match.start);
  const ei = nodeAt(block.starts, match.end - 1);
  return {
    match,
    startNode: block.nodes[si] as Text,
    startOffset: match.start - (block.starts[si] as number),
    endNode: block.nodes[ei] as Text,
    endOffset: match.end - (block.starts[ei] as number),
  };
}

/** The block without the given nodes. */
function without(block: TextBlock, keep: (i: number) => boolean): TextBlock {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let i = 0; i < block.nodes.length; i++) {
    if (!keep(i)) continue;
    const node = block.nodes[i] as Text;
    const end = i + 1 < block.nodes.length ? (block.starts[i + 1] as number) : block.text.length;
    nodes.push(node);
    starts.push(text.length);
    text += block.text.slice(block.starts[i] as number, end);
  }
  return { nodes, starts, text };
}

/**
 * What a reader sees of `block`, matched: invisible nodes are left out of the
 * text before matching (a name split by hidden text is still a name).
 */
export function findInBlock(
  block: TextBlock,
  entities: readonly EntityId[],
  isVisible: VisibilityCheck,
  matches: TextMatch[] = matchText(block.text, entities),
): { block: TextBlock; found: Located[] } {
  if (matches.length === 0) return { block, found: [] };
  const n = block.nodes.length;
  const check = new Uint8Array(n);
  if (n <= FULL_CHECK_NODES) check.fill(1);
  else {
    // Only around the matches: a long run of tiny nodes must not cost a style query each.
    for (const m of matches) {
      const a = Math.max(0, nodeAt(block.starts, m.start) - 1);
      const b = Math.min(n - 1, nodeAt(block.starts, m.end - 1) + 1);
      for (let i = a; i <= b; i++) check[i] = 1;
    }
  }
  let hidden = false;
  const seen = new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    if (check[i] && !nodeVisible(block.nodes[i] as Text, isVisible)) {
      seen[i] = 0;
      hidden = true;
    }
  }
  if (!hidden) return { block, found: matches.map((m) => locate(block, m)) };
  const visible = without(block, (i) => seen[i] === 1);
  if (visible.nodes.length === 0) return { block: visible, found: [] };
  return { block: visible, found: matchText(visible.text, entities).map((m) => locate(visible, m)) };
}
