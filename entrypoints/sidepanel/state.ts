/**
 * The side panel's state: the tab it follows (or is pinned to by `?tab=`), that tab's mentions with the list's
 * filter and position, the active reason and reading progress, with the article's search (article-search.ts) and
 * the notebook (panel-notebook.ts); which tab it shows, and what the background tells it, is tab-follow.ts. Made by createPanelState from its platform edge and its scrolling, so a test
 * can pass fakes and nothing lives at module scope. The article scrolls only when the person asked for it (a
 * clicked mention, a chart bar, the contents, search).
 */
import { computed, type Signal, signal } from '@preact/signals';
import { entityName } from '@/components/labels';
import {
  filterMentions,
  groupMentions,
  listOrder,
  type MentionFilter,
  mentionKey,
  NO_FILTER,
  type PanelMention,
  stepIndex,
} from '@/components/mention-model';
import { toggleRead } from '@/components/read-progress';
import { t } from '@/platform/i18n';
import { takeMentionRequest } from '@/platform/notebook-client';
import {
  DEFAULT_SETTINGS,
  normalizeReadReasons,
  readReasonsItem,
  type Settings,
  type TextSize,
  updateSettings,
} from '@/platform/settings';
import {
  currentWindowId,
  fetchFocus,
  fetchSummary,
  followTabs,
  onBroadcast,
  pinnedTabId,
  resolveTabId,
  revealMention,
  tabInWindow,
  takePanelRequest,
} from '@/platform/tab-link';
import type { MentionAction, MentionRequest } from '@/utils/protocol';
import type { ReasonNumber, TabSummary } from '@/utils/types';
import { ArticleSearch } from './article-search';
import { createPanelNotebook, NOTEBOOK_PLATFORM, type PanelNotebook } from './panel-notebook';
import type { PanelScroll } from './scroll';
import { followTab } from './tab-follow';

export const PANEL_PLATFORM = {
  pinnedTabId,
  resolveTabId,
  fetchSummary,
  fetchFocus,
  onBroadcast,
  revealMention,
  tabInWindow,
  takePanelRequest,
  readReasons: readReasonsItem,
  updateSettings,
  currentWindowId,
  followTabs,
  takeMentionRequest,
  ...NOTEBOOK_PLATFORM,
};
export type PanelDeps = typeof PANEL_PLATFORM;

export class PanelState {
  readonly pinned: number | null;
  readonly tabId: Signal<number | null>;
  readonly summary = signal<TabSummary | null | undefined>(undefined);
  readonly settings = signal<Settings>(DEFAULT_SETTINGS);
  readonly read = signal<ReasonNumber[]>([]);
  readonly active = signal<ReasonNumber | null>(null);
  readonly filter = signal<MentionFilter>(NO_FILTER);
  readonly currentKey = signal<string | null>(null);
  readonly announcement = signal('');
  readonly search: ArticleSearch;
  readonly groups = computed(() =>
    groupMentions(filterMentions(this.summary.value?.mentions ?? [], this.filter.value)),
  );
  readonly ordered = computed(() => listOrder(this.groups.value));
  /** The article and the page's mentions, or the reader's notebook: one click apart. */
  readonly view = signal<'reader' | 'notebook'>('reader');
  /** The mention (frameId:id) whose Keep or Correct form is open in the list. */
  readonly form = signal<{ key: string; action: MentionAction } | null>(null);
  readonly notebook: PanelNotebook;

  constructor(
    private readonly deps: PanelDeps,
    private readonly scroll: PanelScroll,
  ) {
    this.pinned = deps.pinnedTabId();
    this.tabId = signal<number | null>(this.pinned);
    this.search = new ArticleSearch(scroll);
    this.notebook = createPanelNotebook(deps);
  }

  /** Shows the notebook (loading it on first view) or the reader. */
  showView(view: 'reader' | 'notebook'): void {
    this.view.value = view;
    if (view === 'notebook') this.notebook.load();
  }

  /** Shows the page's mentions at one of them, with its form open when asked (a card's Keep / Correct). */
  showMention(request: MentionRequest): void {
    this.view.value = 'reader';
    const key = `${request.frameId}:${request.mentionId}`;
    this.filter.value = NO_FILTER;
    this.currentKey.value = key;
    this.form.value = request.action ? { key, action: request.action } : null;
    this.scroll.toCurrentMention();
  }

  /** Scroll a reason into view and mark it; `focus` moves keyboard focus there too (contents links). */
  showReason(n: ReasonNumber, focus = false): void {
    this.active.value = n;
    this.scroll.toReason(n, focus);
  }

  /** The list's position of the current mention (0-based), or -1. */
  position(): number {
    return this.ordered.value.findIndex((m) => mentionKey(m) === this.currentKey.value);
  }

  async jump(m: PanelMention): Promise<void> {
    const id = this.tabId.value;
    if (id === null) return;
    this.currentKey.value = mentionKey(m);
    const list = this.ordered.value;
    const position = this.position() + 1;
    const found = await this.deps.revealMention(id, m.id, m.frameId);
    this.announcement.value = found
      ? t('announce_revealed', [String(position), String(list.length), entityName(m.entity)])
      : t('announce_missing');
  }

  stepMention(direction: 1 | -1): void {
    const list = this.ordered.value;
    const at = this.position();
    const next = stepIndex(at < 0 ? null : at, list.length, direction);
    const m = next === null ? undefined : list[next];
    if (!m) return;
    void this.jump(m);
    this.scroll.toCurrentMention();
  }

  toggleRead(n: ReasonNumber): void {
    this.read.value = toggleRead(this.read.value, n);
    void this.deps.readReasons.setValue(this.read.value);
  }

  /** Highlighting on again, everywhere. */
  resume(): void {
    void this.deps.updateSettings(() => ({ enabled: true }));
  }

  /** Highlighting on again on a paused site. */
  resumeSite(origin: string): void {
    void this.deps.updateSettings((cur) => ({ pausedOrigins: cur.pausedOrigins.filter((o) => o !== origin) }));
  }

  setTextSize(textSize: TextSize): void {
    void this.deps.updateSettings(() => ({ textSize }));
  }

  /** Show a tab: its summary, and its focus reason (scrolled to only when `scroll`). */
  async showTab(id: number | null, scroll: boolean): Promise<void> {
    this.tabId.value = id;
    this.currentKey.value = null;
    if (id === null) {
      this.summary.value = null;
      return;
    }
    this.summary.value = undefined;
    const [sum, focus] = await Promise.all([this.deps.fetchSummary(id), this.deps.fetchFocus(id)]);
    if (this.tabId.value !== id) return; // switched again meanwhile
    this.summary.value = sum;
    if (focus !== null) {
      if (scroll) this.showReason(focus);
      else this.active.value = focus;
    }
    const asked = await this.deps.takeMentionRequest(id);
    if (asked && this.tabId.value === id) this.showMention(asked);
  }

  /** Loads reading progress and the notebook's switch, then follows the tab and the background's news. */
  start(): void {
    this.notebook.start();
    const readReasons = this.deps.readReasons;
    const followRead = (v: unknown) => {
      this.read.value = normalizeReadReasons(v);
    };
    void readReasons.getValue().then(followRead);
    readReasons.watch(followRead);
    followTab(this, this.deps);
  }
}

export function createPanelState(deps: PanelDeps, scroll: PanelScroll): PanelState {
  return new PanelState(deps, scroll);
}
