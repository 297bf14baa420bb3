/**
 * Painting with the CSS Custom Highlight API: one Highlight per entity,
 * registered as `eight-reasons-<entity>`, styled by one constructed sheet.
 * The sheet's rules name only the elements that hold registered ranges
 * (rule-keys.ts), added one key at a time, so the browser restyles those
 * elements only. The sheet is adopted by the document, or a scanned open
 * shadow root, only once a mention in that tree is painted. Adopting rules
 * early (at document_start, while the tree is empty) was tried and dropped:
 * once a ::highlight rule for every element is in force, every later restyle
 * of the page costs more. No element is added
 * and no page node is touched. The registry is shared with the page, so
 * everything is re-asserted (never trusted) on each paint.
 *
 * Past WINDOW_FROM_RANGES ranges, only those within a screen of the viewport
 * are registered (near-view.ts): each change the page makes to its DOM then
 * costs the browser the same small amount however many mentions it holds.
 */

import { HIGHLIGHT_ALPHA } from '@/utils/highlight';
import type { EntityId } from '@/utils/types';
import { adoptSheet, unadoptSheet } from './adopted-sheets';
import { WINDOW_FROM_RANGES } from './limits';
import { type NearView, nearView } from './near-view';
import { RuleKeys, selectorOf, UNIVERSAL } from './rule-keys';

export const HIGHLIGHT_PREFIX = 'eight-reasons-';
export const FLASH_NAME = 'eight-reasons-flash';
/** The reader's kept passages, registered like an entity's highlight under this key. */
const KEPT = 'kept';
export const KEPT_NAME = HIGHLIGHT_PREFIX + KEPT;

type Registry = Map<string, Highlight>;

function registry(): Registry | null {
  try {
    const css = (globalThis as { CSS?: { highlights?: Registry } }).CSS;
    return css?.highlights ?? null;
  } catch {
    return null;
  }
}

/** "#rrggbb" -> "r g b" (for rgb() with alpha); falls back to a neutral amber. */
function rgb(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '245 158 11';
  return `${parseInt(m[1] as string, 16)} ${parseInt(m[2] as string, 16)} ${parseInt(m[3] as string, 16)}`;
}

type Colors = Readonly<Partial<Record<EntityId, string>>>;

/**
 * A translucent wash keeps the page's own text colour (readable on light and
 * dark pages alike). No text-decoration: an underline in ::highlight more than
 * doubles the paint cost of every registered range on each frame. One rule
 * per key (rule-keys.ts) and highlight: the entities' and the flash, or only
 * those among `names` (full highlight names).
 */
export function highlightRules(colors: Colors, key: string, names?: ReadonlySet<string>): string[] {
  const sel = selectorOf(key);
  const rules: string[] = [];
  for (const [id, hex] of Object.entries(colors)) {
    if (!hex || (names && !names.has(HIGHLIGHT_PREFIX + id))) continue;
    rules.push(`${sel}::highlight(${HIGHLIGHT_PREFIX}${id}){background-color:rgb(${rgb(hex)} / ${HIGHLIGHT_ALPHA});}`);
  }
  if (!names || names.has(FLASH_NAME)) {
    rules.push(`${sel}::highlight(${FLASH_NAME}){background-color:rgb(250 204 21 / 0.9);color:#111;}`);
  }
  // A passage the reader kept: a grey over its wash and, where ::highlight takes decorations (not Firefox 140), a
  // dotted underline (few ranges, so the decoration's paint cost is small).
  if (!names || names.has(KEPT_NAME)) {
    rules.push(
      `${sel}::highlight(${KEPT_NAME}){background-color:rgb(128 128 128/.35);text-decoration:underline dotted 2px;}`,
    );
  }
  return rules;
}

/** The whole sheet for `keys` (by default one universal rule per highlight). */
export function highlightCss(
  colors: Colors,
  keys: readonly string[] = [UNIVERSAL],
  names?: ReadonlySet<string>,
): string {
  return keys.flatMap((k) => highlightRules(colors, k, names)).join('\n');
}

/**
 * Chromium passes a ::highlight style down to the text inside the element it
 * names (highlight inheritance), so rules there name only the elements that
 * hold mentions. Elsewhere (Firefox) the rules stay universal.
 */
const KEYED_RULES = !import.meta.env?.FIREFOX;

interface Item {
  entity: EntityId;
  range: AbstractRange;
  /** The document or shadow root holding the range. */
  tree: Document | ShadowRoot;
  /** The element holding the range's start: what the near-view observer watches. */
  el: Element | null;
}

/** The node itself when it is an element, else its parent element. */
function elementAt(node: Node): Element | null {
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

function elementOf(range: AbstractRange): Element | null {
  return elementAt(range.startContainer);
}

/** The element holding the whole range: a rule keyed there (or above) covers all of its text. */
function holderOf(range: AbstractRange): Element | null {
  return elementAt((range as Range).commonAncestorContainer ?? range.startContainer);
}

export class Painter {
  /** Every painted range, registered or not. */
  private readonly items = new Map<AbstractRange, Item>();
  /** Set once the page holds many ranges: from then on only ranges near the viewport are registered. */
  private near: NearView<Item> | null = null;
  private readonly highlights = new Map<EntityId | typeof KEPT, Highlight>();
  private readonly flash: Highlight | null;
  private readonly sheet: CSSStyleSheet | null;
  private readonly targets = new Set<DocumentOrShadowRoot>();
  /**
   * Trees (document, shadow roots) where a range was painted: only these get the sheet. It stays
   * adopted when their mentions go, since dropping and adopting it again would restyle twice.
   */
  private readonly painted = new Set<DocumentOrShadowRoot>();
  private colors: Colors = {};
  private colorsKey = '';
  /** Which elements the rules name; null where rules are universal. */
  private readonly keys: RuleKeys | null;
  /**
   * Highlight names painted so far (the flash once used): with keyed rules only these get rules, because the
   * restyle Chromium runs when rules arrive grows with the highlight names they name.
   */
  private readonly inUse = new Set<string>();

  constructor(private readonly doc: Document) {
    let sheet: CSSStyleSheet | null = null;
    try {
      const view = doc.defaultView as (Window & typeof globalThis) | null;
      const Sheet = view?.CSSStyleSheet ?? globalThis.CSSStyleSheet;
      sheet = Sheet ? new Sheet() : null;
    } catch {
      sheet = null;
    }
    this.sheet = sheet;
    this.flash = typeof Highlight === 'function' ? new Highlight() : null;
    if (this.flash) this.flash.priority = 1;
    this.targets.add(doc);
    this.keys = KEYED_RULES ? new RuleKeys(() => doc.getElementsByTagName('*').length) : null;
  }

  /** Whether this browser can paint at all (Highlight API present). */
  get supported(): boolean {
    return this.flash !== null && registry() !== null;
  }

  setColors(colors: Colors): void {
    const key = JSON.stringify(colors);
    if (key === this.colorsKey) return;
    this.colors = { ...colors };
    this.colorsKey = key;
    this.rewrite();
  }

  /** The whole sheet again (new colours, or one universal rule instead of keys): restyles what it names. */
  private rewrite(): void {
    if (!this.sheet) return;
    try {
      this.sheet.replaceSync(
        this.keys ? highlightCss(this.colors, this.keys.list(), this.inUse) : highlightCss(this.colors),
      );
    } catch {
      // A sheet the page cannot break; a failed replace keeps the previous rules.
    }
  }

  /**
   * Name the element holding a newly registered range in our rules, unless a
   * rule already covers it. Rules are inserted, not rewritten: Chromium then
   * restyles only the elements the new rule names.
   */
  private cover(item: Item): void {
    if (!this.keys || !this.sheet) return;
    const el = holderOf(item.range);
    if (!el) return;
    const key = this.keys.cover(el, item.tree);
    if (key === null) return;
    if (key === UNIVERSAL) {
      this.rewrite();
      return;
    }
    this.insert([key], this.inUse);
  }

  /** A highlight name's first range (or the first flash): with keyed rules, its rules under every key in force. */
  private use(name: string): void {
    if (this.inUse.has(name)) return;
    this.inUse.add(name);
    if (this.keys) this.insert(this.keys.list(), new Set([name]));
  }

  private insert(keys: readonly string[], names: ReadonlySet<string>): void {
    const sheet = this.sheet;
    if (!sheet || !this.keys) return;
    try {
      for (const key of keys)
        for (const rule of highlightRules(this.colors, key, names)) sheet.insertRule(rule, sheet.cssRules.length);
    } catch {
      // A selector this browser refuses: one universal rule covers everything instead.
      this.keys.universal();
      this.rewrite();
    }
  }

  /** Style a shadow root too, once it holds a painted range (document sheets do not reach into shadow trees). */
  addRoot(root: ShadowRoot): void {
    this.targets.add(root);
  }

  /** A shadow root whose host left the page: forget it (our sheet goes with it). */
  removeRoot(root: ShadowRoot): void {
    this.targets.delete(root);
    this.painted.delete(root);
  }

  private adopt(target: DocumentOrShadowRoot): void {
    if (this.sheet) adoptSheet(target, this.sheet);
  }

  private unadopt(target: DocumentOrShadowRoot): void {
    if (this.sheet) unadoptSheet(target, this.sheet);
  }

  private highlightFor(entity: EntityId | typeof KEPT): Highlight | null {
    let h = this.highlights.get(entity);
    if (!h && typeof Highlight === 'function') {
      h = new Highlight();
      this.highlights.set(entity, h);
    }
    return h ?? null;
  }

  /** Paint `range`; `tree` is the document or shadow root holding it (defaults to the document). */
  add(entity: EntityId, range: AbstractRange, tree: Document | ShadowRoot = this.doc): void {
    const h = this.highlightFor(entity);
    if (!h) return;
    this.use(HIGHLIGHT_PREFIX + entity);
    this.painted.add(tree);
    const item: Item = { entity, range, tree, el: elementOf(range) };
    this.items.set(range, item);
    if (!this.near && this.items.size > WINDOW_FROM_RANGES) this.startWindow();
    if (!this.near || !item.el || this.near.add(item.el, item)) {
      this.cover(item);
      h.add(range);
    }
  }

  delete(entity: EntityId, range: AbstractRange): void {
    this.highlights.get(entity)?.delete(range);
    const item = this.items.get(range);
    if (!item) return;
    this.items.delete(range);
    if (this.near && item.el) this.near.delete(item.el, item);
  }

  /** How many ranges are painted, and how many of them are registered right now (the rest are far from view). */
  counts(): { painted: number; registered: number } {
    let registered = 0;
    for (const [key, h] of this.highlights) if (key !== KEPT) registered += h.size;
    return { painted: this.items.size, registered };
  }

  /**
   * From now on register only ranges near the viewport. Ranges registered so
   * far stay until the observer's first report on their element, or until
   * near-view.ts judges their element away (far from everything it watches).
   */
  private startWindow(): void {
    const near = nearView<Item>(this.doc.defaultView as (Window & typeof globalThis) | null, (come, gone) => {
      for (const i of gone) this.highlights.get(i.entity)?.delete(i.range);
      for (const i of come) {
        this.cover(i);
        this.highlightFor(i.entity)?.add(i.range);
      }
      // Registered, not adopted: the engine adopts our sheet when a scan or a batch of changes ends. Adopting it
      // here, while a scan still ran, made the scan's next visibility check pay the page's whole restyle in our
      // script instead of in the frame after the scan.
      if (come.length) this.register();
    });
    if (!near.available) return;
    this.near = near;
    for (const item of this.items.values()) if (item.el) near.add(item.el, item);
  }

  /** Underline the reader's kept passages (these painted ranges); none clears the marks. */
  setKept(ranges: readonly AbstractRange[]): void {
    const h = this.highlightFor(KEPT);
    if (!h) return;
    h.clear();
    if (ranges.length) this.use(KEPT_NAME);
    for (const r of ranges) h.add(r);
    this.assert();
  }

  /** Flash a range (reveal); null clears the flash. */
  setFlash(range: AbstractRange | null): void {
    if (!this.flash) return;
    this.flash.clear();
    if (range) {
      this.use(FLASH_NAME);
      // A range far from view may not be named by a rule yet, nor watched for coming near.
      const item = this.items.get(range);
      if (item) this.cover(item);
      if (item?.el) this.near?.focus(item.el);
      this.flash.add(range);
    }
    this.assert();
  }

  /**
   * Make sure our highlights and sheets are where they belong. The page can
   * clear the registry, register our names or drop adopted sheets; a cheap
   * check on each paint, mutation batch and hover puts ours back.
   */
  assert(): void {
    if (this.keys?.stale()) {
      // An id key lost its element: name the elements of the registered ranges afresh.
      this.keys.clear();
      this.rewrite();
      for (const h of this.highlights.values()) {
        for (const r of h) {
          const item = this.items.get(r);
          if (item) this.cover(item);
        }
      }
    }
    this.register();
    for (const t of this.targets) if (this.painted.has(t)) this.adopt(t);
  }

  /** Our highlights in the page's registry: the non-empty ones registered, the empty ones taken out. */
  private register(): void {
    const reg = registry();
    if (reg) {
      try {
        for (const [entity, h] of this.highlights) {
          const name = HIGHLIGHT_PREFIX + entity;
          if (h.size === 0) {
            if (reg.get(name) === h) reg.delete(name);
          } else if (reg.get(name) !== h) reg.set(name, h);
        }
        if (this.flash) {
          if (this.flash.size === 0) {
            if (reg.get(FLASH_NAME) === this.flash) reg.delete(FLASH_NAME);
          } else if (reg.get(FLASH_NAME) !== this.flash) reg.set(FLASH_NAME, this.flash);
        }
      } catch {
        // A hostile registry must not stop the engine.
      }
    }
  }

  /** Remove every highlight we registered and every sheet we adopted. */
  clear(): void {
    this.near?.clear();
    this.near = null;
    this.items.clear();
    const reg = registry();
    for (const [entity, h] of this.highlights) {
      h.clear();
      try {
        if (reg && reg.get(HIGHLIGHT_PREFIX + entity) === h) reg.delete(HIGHLIGHT_PREFIX + entity);
      } catch {
        // ignore
      }
    }
    this.highlights.clear();
    if (this.flash) {
      this.flash.clear();
      try {
        if (reg && reg.get(FLASH_NAME) === this.flash) reg.delete(FLASH_NAME);
      } catch {
        // ignore
      }
    }
    for (const t of this.targets) this.unadopt(t);
    this.inUse.clear();
    if (this.keys) {
      // Not adopted anywhere now: rewriting restyles nothing.
      this.keys.clear();
      this.rewrite();
    }
    this.painted.clear();
    this.targets.clear();
    this.targets.add(this.doc);
  }
}
