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
  /** Called once per non-empty segment, in document order. Synchronous: long work goes to `drain`. */
  onSegment: (segment: Segment) => void;
  /** Awaited between slices: the consumer's deferred work (huge segments matched window by window). */
  drain?: () => Promise<void> | undefined;
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
    this.starts.push(this.text.length);
    this.text = this.nodes.length === 0 ? data : this.text + data;
    this.nodes.push(node);
  }
  clear(): void {
    this.nodes.length = 0;
    this.starts.length = 0;
    this.text = '';
  }
}

/** Ancestors of `node` up to (excluding) `start`, innermost first. */
function pathTo(node: Node, start: Node): Node[] {
  const path: Node[] = [];
  for (let n: Node | null = node; n && n !== start; n = n.parentNode) path.push(n);
  return path;
}

function isBreakElement(n: Node): boolean {
  if (n.nodeType !== 1) return false;
  const kind = kindOf((n as Element).localName);
  return kind === Kind.Block || kind === Kind.Control;
}

/**
 * The walk's state between slices. `run` is synchronous (V8 optimises a
 * plain loop far better than an async one); the driver below yields.
 */
class Walker {
  private readonly buf = new Buffer();
  /** Block elements entered below `start` on the current path. */
  private depth = 0;
  node: Node | null;

  constructor(
    private readonly start: Node,
    private readonly options: WalkOptions,
  ) {
    this.node = start.firstChild;
  }

  private flush(): void {
    const buf = this.buf;
    if (buf.nodes.length === 0) return;
    if (this.options.mode !== 'nested' || this.depth > 0) this.options.onSegment(buf);
    buf.clear();
  }

  /** Walks until the slice is spent (false) or the end (true). */
  run(slice: Slice): boolean {
    const { mode, onShadowRoot } = this.options;
    const start = this.start;
    const buf = this.buf;
    let node = this.node;
    let visited = 0;
    while (node) {
      let descend = false;
      const type = node.nodeType;
      if (type === 3) {
        const data = (node as Text).data;
        if (data.length > 0) buf.push(node as Text, data);
      } else if (type === 1) {
        const name = (node as Element).localName;
        const kind = kindOf(name);
        if (kind === Kind.Inline) {
          descend = true;
        } else if (kind === Kind.Block) {
          this.flush();
          if (mode !== 'own' && node.firstChild) {
            descend = true;
            this.depth++;
          }
        } else if (kind === Kind.Control) {
          this.flush();
        }
        if (onShadowRoot && (kind === Kind.Block || kind === Kind.Inline) && mayHostShadow(name)) {
          const shadow = (node as Element).shadowRoot;
          if (shadow) onShadowRoot(shadow);
        }
      }

      // Next node in document order, closing the blocks we climb out of.
      if (descend && node.firstChild) {
        node = node.firstChild;
      } else {
        let cur: Node | null = node;
        node = null;
        while (cur && cur !== start) {
          const next: Node | null = cur.nextSibling;
          if (next) {
            node = next;
            break;
          }
          cur = cur.parentNode;
          if (!cur || cur === start) break;
          if (isBreakElement(cur)) {
            this.flush();
            this.depth--;
          }
        }
      }
      if (node && ++visited % NODES_PER_CLOCK_CHECK === 0 && slice.spent()) {
        this.node = node;
        return false;
      }
    }
    this.node = null;
    this.flush();
    return true;
  }

  /** Where we are, to check after a yield whether the page moved it. */
  savePath(): Node[] {
    return this.node ? pathTo(this.node, this.start) : [];
  }

  /**
   * After a yield: continue at the saved node when nothing moved, else
   * restart inside the deepest ancestor still attached as before (text before
   * it is read again; the engine replaces duplicates). False when `start`
   * itself lost its place (the engine's watcher rescans then).
   */
  resume(path: Node[]): boolean {
    const start = this.start;
    const top = path[path.length - 1];
    let at: Node | undefined;
    if (!top || top.parentNode !== start) {
      at = start.firstChild ?? undefined;
      if (!start.isConnected) return false;
    } else {
      at = path[0];
      for (let i = path.length - 1; i > 0; i--) {
        const child = path[i - 1] as Node;
        const parent = path[i] as Node;
        if (child.parentNode !== parent) {
          at = parent.firstChild ?? parent;
          break;
        }
      }
    }
    if (!at) return false;
    if (at !== this.node) {
      this.buf.clear();
      this.depth = 0;
      for (let n: Node | null = at.parentNode; n && n !== start; n = n.parentNode) if (isBreakElement(n)) this.depth++;
    }
    this.node = at;
    return true;
  }
}

/**
 * Walks the text under `start` (a Document, ShadowRoot or Element) and
 * reports segments, yielding to the page whenever the slice is spent.
 * `start` itself counts as a boundary.
 */
export async function walkText(start: Node, options: WalkOptions): Promise<void> {
  const { slice, isStale, drain, onShadowRoot } = options;
  // The start node may itself be a shadow host (an added component).
  if (onShadowRoot && start.nodeType === 1 && options.mode !== 'own') {
    const shadow = (start as Element).shadowRoot;
    if (shadow) onShadowRoot(shadow);
  }
  const walker = new Walker(start, options);
  for (;;) {
    const done = walker.run(slice);
    const pending = drain?.();
    if (pending) await pending;
    if (done || isStale()) return;
    if (!slice.spent()) continue;
    const path = walker.savePath();
    await yieldToPage();
    slice.reset();
    if (isStale() || !walker.resume(path)) return;
  }
}
