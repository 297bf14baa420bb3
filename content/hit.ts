/**
 * Pointer position -> mention. The caret under the pointer names a text node
 * and offset; a per-node index (entries sorted by offset) finds the mentions
 * there by binary search; the range's own boxes confirm the point is on it
 * (a caret also lands at the nearest character when the pointer is in a margin).
 */

export interface IndexEntry<M> {
  /** Offsets of the mention's part inside this node (end exclusive). */
  start: number;
  end: number;
  mention: M;
}

export class MentionIndex<M> {
  private readonly byNode = new Map<Text, IndexEntry<M>[]>();

  get size(): number {
    return this.byNode.size;
  }

  add(node: Text, start: number, end: number, mention: M): void {
    let list = this.byNode.get(node);
    if (!list) {
      list = [];
      this.byNode.set(node, list);
    }
    const entry = { start, end, mention };
    // Mentions of one node usually arrive in order: append, else insert in place.
    let i = list.length;
    while (i > 0 && (list[i - 1] as IndexEntry<M>).start > start) i--;
    list.splice(i, 0, entry);
  }

  remove(node: Text, mention: M): void {
    const list = this.byNode.get(node);
    if (!list) return;
    const i = list.findIndex((e) => e.mention === mention);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.byNode.delete(node);
  }

  has(node: Text): boolean {
    return this.byNode.has(node);
  }

  /** Mentions whose part in `node` touches caret position `offset` (a caret sits between characters). */
  at(node: Text, offset: number): M[] {
    const list = this.byNode.get(node);
    if (!list) return [];
    // First entry whose end >= offset.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as IndexEntry<M>).end < offset) lo = mid + 1;
      else hi = mid;
    }
    const out: M[] = [];
    for (let i = lo; i < list.length; i++) {
      const e = list[i] as IndexEntry<M>;
      if (e.start > offset) break;
      out.push(e.mention);
    }
    return out;
  }

  clear(): void {
    this.byNode.clear();
  }
}

export interface Caret {
  node: Node;
  offset: number;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The caret under a viewport point, looking into the given open shadow roots where the browser can. */
export function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): Caret | null {
  const d = doc as CaretDoc;
  try {
    if (typeof d.caretPositionFromPoint === 'function') {
      const pos = shadowRoots.length ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
      return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
    }
    if (typeof d.caretRangeFromPoint === 'function') {
      const r = d.caretRangeFromPoint(x, y);
      return r ? { node: r.startContainer, offset: r.startOffset } : null;
    }
  } catch {
    // A detached or odd document: no caret.
  }
  return null;
}

/** Whether the point lies inside one of the rects (with a pixel of slack for rounding). */
export function pointInRects(rects: ArrayLike<DOMRectReadOnly>, x: number, y: number): boolean {
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i] as DOMRectReadOnly;
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/**
 * The mention under (x, y). `rectsOf` gives a mention's client rects
 * (injectable for DOMs without layout).
 */
export function hitTest<M>(
  caret: Caret | null,
  index: MentionIndex<M>,
  rectsOf: (m: M) => ArrayLike<DOMRectReadOnly>,
  x: number,
  y: number,
): M | null {
  if (caret?.node.nodeType !== 3) return null;
  for (const m of index.at(caret.node as Text, caret.offset)) {
    if (pointInRects(rectsOf(m), x, y)) return m;
  }
  return null;
}
