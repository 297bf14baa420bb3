/**
 * The page engine: scan -> match -> link -> paint, kept right as the page
 * changes, with hit-testing and reveal. Knows the DOM, no extension API.
 * Every entry point is guarded: an error in our code never reaches the page,
 * and a failed job leaves the engine ready for the next one.
 */
import { sameEntities } from '@/utils/entities';
import { type CueIndex, contextAround, indexCues, linkMention, linkMentionIn } from '@/utils/link';
import { candidateNodes, hasCandidate } from '@/utils/match';
import type { EntityId, FrameSummary, MentionInfo, TextMatch } from '@/utils/types';
import { copySegment, findInBlock, type Located, matchWindow, type TextBlock, windows } from './find';
import { firstPass, shadowRootsIn, type Tree } from './first-pass';
import { caretAt, hitTest, MentionIndex } from './hit';
import {
  MATCH_WINDOW,
  MAX_MENTIONS,
  MAX_SENTENCE,
  MAX_TITLE,
  MUTATION_DEBOUNCE_MS,
  MUTATION_MAX_WAIT_MS,
  PARAGRAPH_CONTEXT,
  SUMMARY_DEBOUNCE_MS,
} from './limits';
import { orderIndex } from './order';
import { Painter } from './paint';
import { flash, prefersReducedMotion, type StepFilter, scrollToRange, stepIndex } from './reveal';
import { HOST_TAG } from './rules';
import { type Segment, type WalkMode, walkText } from './scan';
import type { Engine, EngineOptions, PageLayout, PageMention } from './types';
import { cachedVisibility, defaultVisibility } from './visibility';
import { emptyPlan, OBSERVE_OPTIONS, planRescan, prunePlan, type RescanPlan } from './watch';
import { Slice, yieldToPage } from './yield';

/** A run of text that holds at least one match. */
interface Block {
  nodes: Text[];
  mentions: Mention[];
  /** Matches found beyond the cap: counted, not painted. */
  extra: number;
}

interface Mention extends PageMention {
  block: Block;
  /** Indices into block.nodes of the first and last node the mention covers. */
  first: number;
  last: number;
}

function report(error: unknown): void {
  // Quiet: the page's console is not ours. Visible with verbose logging for debugging.
  try {
    console.debug('[eight-reasons]', error);
  } catch {
    // ignore
  }
}

class PageEngine implements Engine {
  private entities: readonly EntityId[];
  private readonly painter: Painter;
  private readonly index = new MentionIndex<Mention>();
  private readonly blocks = new Set<Block>();
  private readonly blockOfNode = new Map<Text, Block>();
  private readonly byId = new Map<number, Mention>();
  private readonly roots = new Set<ShadowRoot>();
  private readonly layout: PageLayout;
  private readonly visibility: ReturnType<typeof cachedVisibility>;
  private observer: MutationObserver | null = null;
  private plan: RescanPlan = emptyPlan();
  private nextId = 1;
  /** Text runs read since creation, plus text nodes read by first passes (tests check that a local change reads little). */
  private segmentsRead = 0;
  private painted = 0;
  private total = 0;
  /** Bumped on stop/restart: running walks notice and end. */
  private generation = 0;
  private running = false;
  /** Scans and rescans run one at a time. */
  private job: Promise<void> = Promise.resolve();
  /** Blocks with mentions in reading order: appended during an in-order walk, else inserted by binary search. */
  private order: Block[] = [];
  private ordered: Mention[] | null = null;
  private lastRevealed: number | null = null;
  private cancelFlash: (() => void) | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private firstPending = 0;
  private changeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly options: EngineOptions,
  ) {
    this.entities = [...options.entities];
    this.painter = new Painter(doc);
    this.painter.setColors(options.colors);
    this.layout = {
      isVisible: options.layout?.isVisible ?? defaultVisibility,
      caretAt: options.layout?.caretAt ?? ((x, y) => caretAt(doc, x, y, [...this.roots])),
      rectsOf: options.layout?.rectsOf ?? ((r) => r.getClientRects()),
    };
    this.visibility = cachedVisibility(this.layout.isVisible);
    options.signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  // ---- lifecycle -------------------------------------------------------

  start(): Promise<void> {
    if (this.running || this.options.signal.aborted) return this.job;
    this.running = true;
    try {
      const Observer = this.doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
      this.observer = new Observer((records) => this.onMutations(records));
      this.observer.observe(this.doc, OBSERVE_OPTIONS);
    } catch (e) {
      report(e);
    }
    return this.enqueue(() => this.scanAll());
  }

  stop(): void {
    try {
      this.running = false;
      this.generation++;
      this.observer?.disconnect();
      this.observer = null;
      this.plan = emptyPlan();
      if (this.flushTimer) clearTimeout(this.flushTimer);
      if (this.changeTimer) clearTimeout(this.changeTimer);
      this.flushTimer = this.changeTimer = null;
      this.releaseAll();
      this.roots.clear();
      this.painter.clear();
    } catch (e) {
      report(e);
    }
  }

  update(next: Pick<EngineOptions, 'entities' | 'colors'>): void {
    try {
      this.painter.setColors(next.colors);
      if (sameEntities(this.entities, next.entities)) return;
      this.entities = [...next.entities];
      if (!this.running) return;
      this.generation++;
      void this.enqueue(async () => {
        this.releaseAll();
        await this.scanAll();
      });
    } catch (e) {
      report(e);
    }
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.job = this.job.then(work).catch(report);
    return this.job;
  }

  // ---- scanning --------------------------------------------------------

  /**
   * The whole document, then each open shadow root found in it (and in them):
   * text first (first-pass.ts), then the exact walker over only the blocks
   * that may hold a name.
   */
  private async scanAll(): Promise<void> {
    if (!this.running) return;
    const gen = ++this.generation;
    const slice = new Slice();
    this.visibility.clear();
    const trees: Tree[] = [this.doc];
    for (let i = 0; i < trees.length; i++) {
      if (gen !== this.generation) return;
      await this.scanTree(trees[i] as Tree, gen, slice, trees);
    }
    if (gen !== this.generation) return;
    this.painter.assert();
    this.emitChange(true);
  }

  private async scanTree(tree: Tree, gen: number, slice: Slice, trees: Tree[]): Promise<void> {
    const pass = await firstPass(tree, candidateNodes(this.entities), slice, () => gen !== this.generation);
    if (gen !== this.generation) return;
    if (!pass) {
      // The page moved the walk's place while we yielded: read this tree node by node.
      const queue: ShadowRoot[] = [];
      await this.walk(tree, 'all', gen, slice, false, queue);
      trees.push(...queue);
      return;
    }
    this.segmentsRead += pass.nodes;
    if (pass.blocks.length > 0) {
      // The first block with a name runs the matcher and linker for the first time on this page (several
      // milliseconds of cold code): start it in a task of its own rather than at the end of the first pass's slice.
      await yieldToPage();
      slice.reset();
      if (gen !== this.generation) return;
    }
    for (const block of pass.blocks) {
      if (gen !== this.generation) return;
      if (!block.isConnected) continue;
      await this.walk(block, 'own', gen, slice, false, null);
      await slice.maybeYield();
    }
    for (const root of await shadowRootsIn(tree, slice)) {
      if (gen !== this.generation) return;
      if (this.watchRoot(root)) trees.push(root);
    }
  }

  /** Registers an open shadow root (styled, observed); false when it is known or ours. */
  private watchRoot(root: ShadowRoot): boolean {
    if (this.roots.has(root) || root.host.localName === HOST_TAG) return false;
    this.roots.add(root);
    this.painter.addRoot(root);
    try {
      this.observer?.observe(root, OBSERVE_OPTIONS);
    } catch (e) {
      report(e);
    }
    return true;
  }

  private walk(
    start: Node,
    mode: WalkMode,
    gen: number,
    slice: Slice,
    incremental: boolean,
    queue: ShadowRoot[] | null,
  ) {
    const deferred: TextBlock[] = [];
    return walkText(start, {
      drain: () => (deferred.length ? this.drainBig(deferred, gen, slice) : undefined),
      mode,
      slice,
      isStale: () => gen !== this.generation,
      onShadowRoot: queue
        ? (root) => {
            if (this.watchRoot(root)) queue.push(root);
          }
        : undefined,
      onSegment: (seg) => this.onSegment(seg, incremental, deferred),
    });
  }

  private onSegment(seg: Segment, incremental: boolean, deferred: TextBlock[]): void {
    this.segmentsRead++;
    if (incremental) {
      for (const node of seg.nodes) {
        const b = this.blockOfNode.get(node);
        if (b) this.dropBlock(b);
      }
    }
    const text = seg.text;
    if (text.length > MATCH_WINDOW) {
      deferred.push(copySegment(seg));
      return;
    }
    if (!hasCandidate(text, this.entities)) return;
    const block = copySegment(seg);
    const { block: seen, found } = findInBlock(block, this.entities, this.visibility);
    this.addBlock(seen, found);
  }

  private async drainBig(deferred: TextBlock[], gen: number, slice: Slice): Promise<void> {
    for (let block = deferred.shift(); block; block = deferred.shift()) {
      if (gen !== this.generation) return;
      await this.bigSegment(block, gen, slice);
    }
  }

  /** A huge run (megabytes in one node): matched window by window with yields in between. */
  private async bigSegment(block: TextBlock, gen: number, slice: Slice): Promise<void> {
    const entities = this.entities;
    const matches: TextMatch[] = [];
    const cuts = windows(block.text);
    for (let i = 0; i + 1 < cuts.length; i++) {
      matchWindow(block.text, cuts[i] as number, cuts[i + 1] as number, entities, matches);
      if (slice.spent()) {
        await yieldToPage();
        slice.reset();
        if (gen !== this.generation) return;
      }
    }
    if (matches.length === 0) return;
    const { block: seen, found } = findInBlock(block, entities, this.visibility, matches);
    this.addBlock(seen, found);
  }

  // ---- mentions --------------------------------------------------------

  private addBlock(block: TextBlock, found: Located[]): void {
    if (found.length === 0) return;
    const b: Block = { nodes: block.nodes, mentions: [], extra: 0 };
    const text = block.text;
    // The document or shadow root the block lies in: our sheet is adopted there once a mention is painted.
    const tree = (block.nodes[0] as Text).getRootNode() as Document | ShadowRoot;
    // Cue words are found once per block (when a paragraph is needed at all), not once per mention.
    const cues = text.length <= MATCH_WINDOW ? indexCues(text) : null;
    for (const loc of found) {
      this.total++;
      if (this.painted >= MAX_MENTIONS) {
        b.extra++;
        continue;
      }
      const m = this.createMention(b, text, loc, tree, cues);
      if (m) b.mentions.push(m);
      else this.total--;
    }
    this.blocks.add(b);
    for (const node of b.nodes) this.blockOfNode.set(node, b);
    this.place(b);
    this.ordered = null;
    this.scheduleChange();
  }

  private createMention(
    b: Block,
    text: string,
    loc: Located,
    tree: Document | ShadowRoot,
    cues: CueIndex | null,
  ): Mention | null {
    const { match } = loc;
    let range: Range;
    try {
      range = this.doc.createRange();
      range.setStart(loc.startNode, loc.startOffset);
      range.setEnd(loc.endNode, loc.endOffset);
    } catch {
      return null;
    }
    // The linker reads the text around the mention, never a whole megabyte.
    const from = Math.max(0, match.start - PARAGRAPH_CONTEXT);
    const to = Math.min(text.length, match.end + PARAGRAPH_CONTEXT);
    const around = from === 0 && to === text.length ? text : text.slice(from, to);
    const ctx = contextAround(around, match.start - from, match.end - from);
    const info: MentionInfo = {
      id: this.nextId++,
      entity: match.entity,
      text: text.slice(match.start, match.end).slice(0, 200),
      snippet: ctx.snippet.slice(0, 1000),
      sentence: ctx.sentence.slice(0, MAX_SENTENCE),
      link: cues
        ? linkMentionIn(match.entity, ctx.sentence, cues, from, to)
        : linkMention(match.entity, ctx.sentence, around),
    };
    const first = b.nodes.indexOf(loc.startNode);
    const last = b.nodes.indexOf(loc.endNode, first);
    const m: Mention = { info, range, block: b, first, last };
    for (let i = first; i <= last; i++) {
      const node = b.nodes[i] as Text;
      const start = i === first ? loc.startOffset : 0;
      const end = i === last ? loc.endOffset : node.data.length;
      this.index.add(node, start, end, m);
    }
    this.byId.set(info.id, m);
    this.painter.add(info.entity, range, tree);
    this.painted++;
    return m;
  }

  private dropBlock(b: Block): void {
    if (!this.blocks.delete(b)) return;
    for (const m of b.mentions) {
      for (let i = m.first; i <= m.last; i++) this.index.remove(b.nodes[i] as Text, m);
      this.painter.delete(m.info.entity, m.range);
      this.byId.delete(m.info.id);
      this.painted--;
      this.total--;
    }
    this.total -= b.extra;
    for (const node of b.nodes) if (this.blockOfNode.get(node) === b) this.blockOfNode.delete(node);
    this.ordered = null;
    this.scheduleChange();
  }

  private releaseAll(): void {
    if (this.cancelFlash) this.cancelFlash();
    this.cancelFlash = null;
    for (const b of [...this.blocks]) this.dropBlock(b);
    this.index.clear();
    this.blockOfNode.clear();
    this.byId.clear();
    this.painted = this.total = 0;
    this.order = [];
    this.ordered = null;
    this.lastRevealed = null;
  }

  /** Puts a new block in reading order (a block's runs around a nested block, shadow roots and rescans come late). */
  private place(b: Block): void {
    this.order.splice(
      orderIndex(this.order, b.nodes[0] as Node, (x) => x.nodes[0] as Node),
      0,
      b,
    );
  }

  /** Mentions in reading order (cached until the set changes). */
  private inOrder(): Mention[] {
    if (!this.ordered) {
      if (this.order.length > this.blocks.size) this.order = this.order.filter((b) => this.blocks.has(b));
      this.ordered = this.order.flatMap((b) => b.mentions);
    }
    return this.ordered;
  }

  // ---- watching --------------------------------------------------------

  private onMutations(records: MutationRecord[]): void {
    try {
      if (!this.running) return;
      planRescan(records, this.plan, (n) => n.nodeType === 1 && (n as Element).localName === HOST_TAG);
      this.painter.assert();
      if (this.plan.walks.size === 0 && !this.plan.removed) return;
      const now = performance.now();
      if (!this.flushTimer) this.firstPending = now;
      else clearTimeout(this.flushTimer);
      const wait = Math.min(MUTATION_DEBOUNCE_MS, Math.max(0, this.firstPending + MUTATION_MAX_WAIT_MS - now));
      this.flushTimer = setTimeout(() => {
        this.flushTimer = null;
        void this.enqueue(() => this.rescan());
      }, wait);
    } catch (e) {
      report(e);
    }
  }

  private async rescan(): Promise<void> {
    if (!this.running) return;
    // Records that arrived since the timer fired belong to this pass too.
    const pending = this.observer?.takeRecords() ?? [];
    if (pending.length)
      planRescan(pending, this.plan, (n) => n.nodeType === 1 && (n as Element).localName === HOST_TAG);
    const plan = this.plan;
    this.plan = emptyPlan();
    const gen = this.generation;
    const slice = new Slice();
    this.visibility.clear();
    if (plan.removed) this.sweep();
    // Subtree walks first, then own-run walks: a run re-read last replaces any partial view of it.
    const walks = prunePlan(plan).sort((a, b) => (a[1] === 'own' ? 1 : 0) - (b[1] === 'own' ? 1 : 0));
    const queue: ShadowRoot[] = [];
    for (const [node, mode] of walks) {
      if (gen !== this.generation) return;
      if (!node.isConnected) continue;
      await this.walk(node, mode, gen, slice, true, queue);
    }
    for (let root = queue.shift(); root; root = queue.shift()) {
      if (gen !== this.generation) return;
      await this.walk(root, 'all', gen, slice, true, queue);
    }
    this.painter.assert();
  }

  /** Drops blocks that lost a node, and shadow roots whose host left. */
  private sweep(): void {
    for (const b of [...this.blocks]) {
      if (b.nodes.some((n) => !n.isConnected)) this.dropBlock(b);
    }
    for (const root of [...this.roots]) {
      if (!root.host.isConnected) {
        this.roots.delete(root);
        this.painter.removeRoot(root);
      }
    }
  }

  // ---- reporting -------------------------------------------------------

  private scheduleChange(): void {
    if (this.changeTimer || !this.running) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = null;
      this.emitChange(false);
    }, SUMMARY_DEBOUNCE_MS);
  }

  private emitChange(now: boolean): void {
    if (now && this.changeTimer) {
      clearTimeout(this.changeTimer);
      this.changeTimer = null;
    }
    if (!this.running) return;
    try {
      this.options.onChange(this.summary());
    } catch (e) {
      report(e);
    }
  }

  summary(): FrameSummary {
    const mentions = this.inOrder().map((m) => m.info);
    return {
      url: this.doc.URL,
      title: String(this.doc.title ?? '').slice(0, MAX_TITLE),
      mentions,
      total: this.total,
      capped: this.total > mentions.length,
      paused: false,
    };
  }

  // ---- pointer and reveal ----------------------------------------------

  mentionAt(x: number, y: number): PageMention | null {
    try {
      if (!this.running || this.byId.size === 0) return null;
      this.painter.assert();
      const caret = this.layout.caretAt(x, y);
      return hitTest(caret, this.index, (m) => this.layout.rectsOf(m.range), x, y);
    } catch (e) {
      report(e);
      return null;
    }
  }

  reveal(id: number): boolean {
    try {
      const m = this.byId.get(id);
      if (!m?.range.startContainer.isConnected || m.range.collapsed) return false;
      this.lastRevealed = id;
      scrollToRange(m.range, this.doc);
      if (this.cancelFlash) this.cancelFlash();
      const range = m.range;
      this.cancelFlash = flash((on) => this.painter.setFlash(on ? range : null), prefersReducedMotion(this.doc));
      return true;
    } catch (e) {
      report(e);
      return false;
    }
  }

  markKept(ids: readonly number[]): void {
    const ranges: Range[] = [];
    for (const id of ids) {
      const m = this.mentionById(id);
      if (m) ranges.push(m.range);
    }
    this.painter.setKept(ranges);
  }

  mentionById(id: number): PageMention | null {
    const m = this.byId.get(id);
    return m?.range.startContainer.isConnected ? m : null;
  }

  step(direction: 1 | -1, filter?: StepFilter): number | null {
    try {
      const list = this.inOrder();
      const items = list.map((m) => ({ entity: m.info.entity, reason: m.info.link.reason }));
      const from = this.lastRevealed === null ? -1 : list.findIndex((m) => m.info.id === this.lastRevealed);
      const i = stepIndex(items, from, direction, filter);
      if (i < 0) return null;
      const id = (list[i] as Mention).info.id;
      return this.reveal(id) ? id : null;
    } catch (e) {
      report(e);
      return null;
    }
  }

  /** For tests and the bench: how much the engine holds. */
  stats(): {
    blocks: number;
    indexedNodes: number;
    painted: number;
    total: number;
    roots: number;
    segmentsRead: number;
  } {
    return {
      segmentsRead: this.segmentsRead,
      blocks: this.blocks.size,
      indexedNodes: this.index.size,
      painted: this.painted,
      total: this.total,
      roots: this.roots.size,
    };
  }
}

/** The engine for one document (one frame). */
export function createEngine(doc: Document, options: EngineOptions): Engine & { stats: PageEngine['stats'] } {
  return new PageEngine(doc, options);
}
