/**
 * The first scan of a tree, text first: the browser's own TreeWalker hands
 * us every text node, and their texts are tested a batch at a time (utils/match
 * candidateNodes: one regex over the joined batch, plain string work at each
 * node's end) to pick the few nodes that may hold a name. Only the blocks
 * around those nodes are then read by the exact walker (scan.ts), so a page
 * without mentions costs little more than reading its text. Open shadow
 * roots are found by one native query per tree.
 */
import type { BatchTest } from '@/utils/match';
import { MATCH_WINDOW } from './limits';
import { blockOf, insideSkipped, Kind, kindOf, mayHostShadow } from './rules';
import { type Slice, yieldToPage } from './yield';

export type Tree = Document | ShadowRoot;
export type BlockRoot = Element | Document | ShadowRoot;

export interface FirstPass {
  /** Blocks whose own runs hold a candidate node, each once, in the order of their first candidate. */
  blocks: BlockRoot[];
  /** Text nodes read. */
  nodes: number;
}

const SHOW_TEXT = 4;
/** A batch is tested, and the clock read, after this many nodes or characters, whichever comes first. */
const BATCH_NODES = 512;
const BATCH_CHARS = 32 * 1024;

/** Long nodes under these are never page text (scripts, styles): not worth a regex over their source. */
function underHidden(node: Text): boolean {
  const parent = node.parentNode;
  return !!parent && parent.nodeType === 1 && kindOf((parent as Element).localName) === Kind.Hidden;
}

/**
 * The candidate blocks of `tree`, read in slices. Null when the page moved
 * the node the walk stood on while we yielded: the caller then reads the
 * tree the thorough way.
 */
export async function firstPass(
  tree: Tree,
  test: BatchTest,
  slice: Slice,
  isStale: () => boolean,
): Promise<FirstPass | null> {
  const doc = tree.nodeType === 9 ? (tree as Document) : (tree.ownerDocument as Document);
  const walker = doc.createTreeWalker(tree, SHOW_TEXT);
  const seen = new Set<BlockRoot>();
  const blocks: BlockRoot[] = [];
  const take = (node: Text) => {
    const block = blockOf(node);
    if (block && !seen.has(block) && !(block.nodeType === 1 && insideSkipped(block))) {
      seen.add(block);
      blocks.push(block);
    }
  };
  const batch: Text[] = [];
  const texts: string[] = [];
  const skipped = (i: number) => insideSkipped(batch[i] as Text);
  /**
   * Tests the batch. With `keepLast`, the last node is only read (to see how a name at the end of the one before
   * could go on) and stays as the first of the next batch.
   */
  const flush = (keepLast: boolean) => {
    const judged = keepLast ? batch.length - 1 : batch.length;
    if (judged > 0) for (const i of test(texts, judged, skipped)) take(batch[i] as Text);
    if (keepLast && judged > 0) {
      batch.splice(0, judged);
      texts.splice(0, judged);
    } else if (!keepLast) {
      batch.length = 0;
      texts.length = 0;
    }
  };
  let nodes = 0;
  let work = 0;
  let chars = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes++;
    work++;
    const data = node.data;
    if (data.length === 0) {
      // Nothing to read, and the walker joins across it.
    } else if (data.length > 256 && underHidden(node)) {
      // skipped: script or style source
    } else if (data.length > MATCH_WINDOW) {
      // A huge node is left to the windowed matcher, which yields between windows.
      flush(false);
      take(node);
    } else {
      batch.push(node);
      texts.push(data);
      chars += data.length;
    }
    if (work >= BATCH_NODES || chars >= BATCH_CHARS) {
      flush(true);
      work = 0;
      chars = texts.length ? (texts[0] as string).length : 0;
      if (slice.spent()) {
        await yieldToPage();
        slice.reset();
        if (isStale()) return { blocks: [], nodes };
        if (walker.currentNode.getRootNode() !== tree) return null;
      }
    }
  }
  flush(false);
  return { blocks, nodes };
}

/**
 * Open shadow roots of elements in `tree` that the walker would read (the
 * same rule as scan.ts: a block or inline element that may host one, not
 * inside skipped content).
 */
export async function shadowRootsIn(tree: Tree, slice: Slice): Promise<ShadowRoot[]> {
  const all = tree.querySelectorAll('*');
  const out: ShadowRoot[] = [];
  for (let i = 0; i < all.length; i++) {
    const el = all[i] as Element;
    const root = el.shadowRoot;
    if (root) {
      const name = el.localName;
      const kind = kindOf(name);
      if ((kind === Kind.Block || kind === Kind.Inline) && mayHostShadow(name) && !insideSkipped(el)) out.push(root);
    }
    if ((i & 1023) === 1023 && slice.spent()) {
      await yieldToPage();
      slice.reset();
    }
  }
  return out;
}
