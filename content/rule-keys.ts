/**
 * Which elements our ::highlight rules name. A universal `::highlight(x)`
 * rule, once adopted, makes Chromium restyle every element of the page (long
 * on a large page), and every later restyle costs more. A rule keyed to a tag (`p::highlight(x)`) or an id
 * (`#story::highlight(x)`) is restyled only where that tag or id is, and text
 * inside the keyed element takes its highlight style from it (highlight
 * inheritance), so one key covers every mention in a paragraph or an article.
 *
 * For each element holding a registered range we keep a key that covers it:
 * an ancestor already keyed, else the cheaper of its tag (elements of that
 * tag in the tree) and its nearest ancestor with a unique id (elements under
 * it). When the keys would restyle more than half the page anyway, one
 * universal rule replaces them.
 */

/** The key that covers every element. */
export const UNIVERSAL = '*';

/** How far up we look for a key or an id: deep enough for any article, bounded on a 10,000-level page. */
const MAX_UP = 32;

export interface KeyTree {
  querySelectorAll(selectors: string): ArrayLike<Element>;
}

/** Elements of `tag` in `tree`: the live collection's length is counted natively and cached by the browser. */
function tagCount(tree: KeyTree, tag: string): number {
  const byTag = (tree as Partial<Document>).getElementsByTagName;
  try {
    if (typeof byTag === 'function') return byTag.call(tree, tag).length;
    return tree.querySelectorAll(CSS.escape(tag)).length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function subtreeSize(el: Element): number {
  return el.getElementsByTagName('*').length + 1;
}

/** The nearest element from `el` up (within MAX_UP) whose id no other element of its tree has. */
function nearestUniqueId(el: Element, tree: KeyTree): Element | null {
  let a: Element | null = el;
  for (let up = 0; a && up < MAX_UP; up++, a = a.parentElement) {
    const id: string = a.id;
    if (!id) continue;
    try {
      if (tree.querySelectorAll(`#${CSS.escape(id)}`).length === 1) return a;
    } catch {
      // An id no selector can name: look further up.
    }
  }
  return null;
}

export class RuleKeys {
  private readonly keys = new Set<string>();
  /** Elements found covered: keys only grow until clear(), so once covered, always. */
  private covered = new WeakSet<Element>();
  /** Elements restyled by the keys chosen so far (estimated when each was chosen). */
  private cost = 0;
  /** The element behind each id key: the page may change its id later. */
  private ids = new Map<string, Element>();

  /** @param pageSize elements in the page, read when a key is added (half of it is the budget) */
  constructor(private readonly pageSize: () => number) {}

  /** The keys in force, in the order they were added. */
  list(): string[] {
    return [...this.keys];
  }

  /** Whether a key already covers `el` (itself or an ancestor within MAX_UP). */
  covers(el: Element): boolean {
    if (this.keys.has(UNIVERSAL) || this.covered.has(el)) return true;
    let a: Element | null = el;
    for (let up = 0; a && up < MAX_UP; up++, a = a.parentElement) {
      if (this.keys.has(a.localName) || (a.id && this.keys.has(`#${a.id}`))) {
        this.covered.add(el);
        return true;
      }
    }
    return false;
  }

  /**
   * Make sure `el` (in `tree`) is covered. Returns the key added, or null when
   * one already covered it. UNIVERSAL replaces every other key.
   */
  cover(el: Element, tree: KeyTree): string | null {
    if (this.covers(el)) return null;
    const tag = el.localName;
    const byTag = tagCount(tree, tag);
    const idEl = nearestUniqueId(el, tree);
    const byId = idEl ? subtreeSize(idEl) : Number.POSITIVE_INFINITY;
    this.cost += Math.min(byId, byTag);
    if (!Number.isFinite(this.cost) || this.cost > this.pageSize() / 2) return this.universal();
    const key = byId < byTag ? `#${(idEl as Element).id}` : tag;
    if (key !== tag) this.ids.set(key, idEl as Element);
    this.keys.add(key);
    return key;
  }

  /** Whether the page changed the id of an element an id key names (its rule no longer reaches it). */
  stale(): boolean {
    for (const [key, el] of this.ids) if (`#${el.id}` !== key) return true;
    return false;
  }

  /** One universal rule from now on (keys would cost as much, or a keyed rule was refused). */
  universal(): string {
    this.clear();
    this.keys.add(UNIVERSAL);
    return UNIVERSAL;
  }

  clear(): void {
    this.keys.clear();
    this.ids.clear();
    this.covered = new WeakSet();
    this.cost = 0;
  }
}

/** The selector a key stands for, before `::highlight(...)`. */
export function selectorOf(key: string): string {
  if (key === UNIVERSAL) return '';
  return key.startsWith('#') ? `#${CSS.escape(key.slice(1))}` : CSS.escape(key);
}
