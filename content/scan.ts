/**
 * The walk: text nodes in document order, grouped into runs ("segments")
 * that a reader sees as continuous text. A segment is the text between two
 * boundaries (block elements, <br>, form controls...) across any number of
 * inline elements, so `We<b>Chat</b>` is one segment "WeChat" made of two
 * nodes. Iterative (no recursion: 10,000-deep pages are fine) and sliced:
 * it yields to the page whenever its time budget is spent.
 */
import { NODES_PER_CLOCK_CHECK } from './limits';
import { Kind, kindOf, mayHostShadow } from './rules';
import { type Slice, yieldToPage } from './yield';

/**
 * A run of text. The walker reuses one buffer: a consumer that keeps a
 * segment must copy `nodes`/`starts` (`starts[i]` is where nodes[i] begins in `text`).
 */
export interface Segment {
  nodes: Text[];
  starts: number[];
  text: string;
}

/**
 * 'all': every segment under the start node.
 * 'own': only the start element's own runs; nested blocks are skipped (a local text change).
 * 'nested': only the runs inside nested blocks (an added inline element whose own runs belong to its parent's).
 */
export type WalkMode = 'all' | 'own' | 'nested';

export interface WalkOptions {
  mode: WalkMode;
  slice: Slice;
  /** Called once per non-empty segment, in document order. May return a promise (large work). */
  onSegment: (segment: Segment) => undefined | Promise<void>;
  /** An open shadow root was found on an element. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Checked after each yield: true stops the walk (the engine stopped or restarted). */
  isStale: () => boolean;
}

class Buffer implements Segment {
  nodes: Text[] = [];
  starts: number[] = [];
  text = '';
  push(node: Text, data: string): void {
    this.nodes.push(node);
    this.starts.push(this.text.length);
    this.text = this.nodes.length === 1 ? data : this.text + data;
  }
  clear(): void {
    this.nodes.length = 0;
    this.starts.length = 0;
    this.text = '';
  }
}

function isBreak(kind: Kind): boolean {
  return kind === Kind.Block || kind === Kind.Control;
}

/** Ancestors of `node` up to (excluding) `start`, innermost first. */
function pathTo(node: Node, start: Node): Node[] {
  const path: Node[] = [];
  for (let n: Node | null = node; n && n !== start; n = n.parentNode) path.push(n);
  return path;
}

/**
 * Walks the text under `start` (a Document, ShadowRoot or Element) and
 * reports segments. `start` itself counts as a boundary.
 */
export async function walkText(start: Node, options: WalkOptions): Promise<void> {
  const { mode, slice, onSegment, onShadowRoot, isStale } = options;
  const buf = new Buffer();
  /** Block elements entered below `start` on the current path. */
  let depth = 0;
  let visited = 0;

  /** Reports the current segment; returns a promise only when the consumer needs to wait. */
  const flush = (): Promise<void> | undefined => {
    if (buf.nodes.length === 0) return undefined;
    const pending = mode !== 'nested' || depth > 0 ? onSegment(buf) : undefined;
    if (!pending) {
      buf.clear();
      return undefined;
    }
    return pending.then(() => buf.clear());
  };

  let node: Node | null = start.firstChild;
  while (node) {
    let descend = false;
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      if (data.length > 0) buf.push(node as Text, data);
    } else if (type === 1) {
      const el = node as Element;
      const name = el.localName;
      const kind = kindOf(name);
      if (kind === Kind.Inline) {
        descend = true;
      } else if (kind === Kind.Block) {
        const pending = flush();
        if (pending) await pending;
        if (mode === 'own') {
          descend = false;
        } else {
          descend = true;
          depth++;
        }
      } else if (kind === Kind.Control) {
        const pending = flush();
        if (pending) await pending;
      }
      if (kind !== Kind.Hidden && kind !== Kind.Control && onShadowRoot && mayHostShadow(name)) {
        const shadow = el.shadowRoot;
        if (shadow) onShadowRoot(shadow);
      }
      // A block we do not descend into (mode 'own') was not counted in depth.
      if (descend && !el.firstChild && kind === Kind.Block) {
        depth--;
        descend = false;
      }
    }

    // Next node in document order, closing the blocks we climb out of.
    if (descend && node.firstChild) {
      node = node.firstChild;
    } else {
      let next: Node | null = null;
      let cur: Node | null = node;
      while (cur && cur !== start) {
        next = cur.nextSibling;
        if (next) break;
        cur = cur.parentNode;
        if (!cur || cur === start) break;
        if (cur.nodeType === 1 && isBreak(kindOf((cur as Element).localName))) {
          const pending = flush();
          if (pending) await pending;
          depth--;
        }
      }
      node = next;
    }

    if (node && ++visited % NODES_PER_CLOCK_CHECK === 0 && slice.spent()) {
      const path = pathTo(node, start);
      await yieldToPage();
      slice.reset();
      if (isStale()) return;
      const resumed = resume(path, start);
      if (resumed === undefined) return;
      if (resumed !== node) {
        // The page moved or removed our next node while we waited: restart the deepest
        // ancestor still in place. The text before it is re-read (duplicates are replaced).
        buf.clear();
        depth = 0;
        for (let n: Node | null = resumed.parentNode; n && n !== start; n = n.parentNode) {
          if (n.nodeType === 1 && isBreak(kindOf((n as Element).localName))) depth++;
        }
      }
      node = resumed;
    }
  }
  const pending = flush();
  if (pending) await pending;
}

/**
 * Where to continue after a yield. `path` is the next node and its ancestors
 * (innermost first) as they were. Returns the next node when nothing moved,
 * otherwise the first child of the deepest ancestor still attached as before,
 * or undefined when even `start` lost its place (the caller's watcher rescans).
 */
function resume(path: Node[], start: Node): Node | undefined {
  const top = path[path.length - 1];
  if (!top || top.parentNode !== start) {
    return start.firstChild ?? undefined;
  }
  for (let i = path.length - 1; i > 0; i--) {
    const child = path[i - 1] as Node;
    const parent = path[i] as Node;
    if (child.parentNode !== parent) return parent.firstChild ?? parent;
  }
  return path[0];
}
