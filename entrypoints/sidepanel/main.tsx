/**
 * Side panel: the article with contents, search and reading progress, and the
 * current tab's mentions with filters, jump-to and previous/next. It follows
 * the active tab unless `?tab=` pins one. The article scrolls only when the
 * person asked for it (a clicked mention, a chart bar, the contents, search).
 */
import '@/components/theme.css';
import './sidepanel.css';
import { computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { ArticleView } from '@/components/article-view';
import { entityName } from '@/components/labels';
import { MentionControls } from '@/components/mention-controls';
import { MentionList } from '@/components/mention-list';
import {
  filterMentions,
  groupByEntity,
  listOrder,
  type MentionFilter,
  mentionKey,
  NO_FILTER,
  type PanelMention,
  stepIndex,
} from '@/components/mention-model';
import { mountPage } from '@/components/mount-page';
import { toggleRead } from '@/components/read-progress';
import { SearchBar } from '@/components/search-bar';
import { ARTICLE_BLOCKS, searchBlocks } from '@/components/search-model';
import { Toc } from '@/components/toc';
import { t } from '@/platform/i18n';
import {
  DEFAULT_SETTINGS,
  normalizeReadReasons,
  readReasonsItem,
  type Settings,
  type TextSize,
  toOrigin,
  updateSettings,
} from '@/platform/settings';
import {
  fetchFocus,
  fetchSummary,
  onBroadcast,
  openOptions,
  pinnedTabId,
  resolveTabId,
  revealMention,
  tabInWindow,
  takePanelRequest,
} from '@/platform/tab-link';
import { CORE_ENTITY_IDS, ENTITY_IDS, isReasonNumber } from '@/utils/entities';
import type { ReasonNumber, TabSummary } from '@/utils/types';

const pinned = pinnedTabId();
const tabId = signal<number | null>(pinned);
const summary = signal<TabSummary | null | undefined>(undefined);
const settings = signal<Settings>(DEFAULT_SETTINGS);
const read = signal<ReasonNumber[]>([]);
const active = signal<ReasonNumber | null>(null);
const query = signal('');
const currentHit = signal<number | null>(null);
const filter = signal<MentionFilter>(NO_FILTER);
const currentKey = signal<string | null>(null);
const announcement = signal('');

const hits = computed(() => searchBlocks(ARTICLE_BLOCKS, query.value));
const groups = computed(() => groupByEntity(filterMentions(summary.value?.mentions ?? [], filter.value)));
const ordered = computed(() => listOrder(groups.value));

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
function scrollBehavior(): ScrollBehavior {
  return reducedMotion.matches ? 'auto' : 'smooth';
}

/** Scroll a reason into view and mark it; `focus` moves keyboard focus there too (contents links). */
function showReason(n: ReasonNumber, focus = false): void {
  active.value = n;
  // After the render that marks it.
  requestAnimationFrame(() => {
    const section = document.getElementById(`reason-${n}`);
    section?.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
    if (focus) section?.focus({ preventScroll: true });
  });
}

function scrollToHit(i: number | null): void {
  if (i === null) return;
  requestAnimationFrame(() => {
    document.querySelector(`mark[data-hit="${i}"]`)?.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
  });
}

function setQuery(q: string): void {
  query.value = q;
  currentHit.value = hits.value.length > 0 ? 0 : null;
  scrollToHit(currentHit.value);
}

function stepHit(direction: 1 | -1): void {
  const total = hits.value.length;
  if (total === 0) return;
  const cur = currentHit.value;
  currentHit.value = cur === null ? (direction === 1 ? 0 : total - 1) : (cur + direction + total) % total;
  scrollToHit(currentHit.value);
}

async function jump(m: PanelMention): Promise<void> {
  const id = tabId.value;
  if (id === null) return;
  currentKey.value = mentionKey(m);
  const list = ordered.value;
  const position = list.findIndex((x) => mentionKey(x) === currentKey.value) + 1;
  const found = await revealMention(id, m.id, m.frameId);
  announcement.value = found
    ? t('announce_revealed', [String(position), String(list.length), entityName(m.entity)])
    : t('announce_missing');
}

function stepMention(direction: 1 | -1): void {
  const list = ordered.value;
  const at = list.findIndex((m) => mentionKey(m) === currentKey.value);
  const next = stepIndex(at < 0 ? null : at, list.length, direction);
  const m = next === null ? undefined : list[next];
  if (!m) return;
  void jump(m);
  requestAnimationFrame(() => {
    document.querySelector('.mention[data-current="true"]')?.scrollIntoView({ block: 'nearest' });
  });
}

function toggleReadReason(n: ReasonNumber): void {
  read.value = toggleRead(read.value, n);
  void readReasonsItem.setValue(read.value);
}

function Notices({ sum, s }: { sum: TabSummary | null | undefined; s: Settings }) {
  const origin = sum?.url ? toOrigin(sum.url) : null;
  const pausedHere = origin !== null && s.pausedOrigins.includes(origin);
  if (!s.enabled)
    return (
      <p class="notice" data-testid="paused-notice">
        {t('verdict_off')}{' '}
        <button type="button" class="link-button" onClick={() => void updateSettings(() => ({ enabled: true }))}>
          {t('resume')}
        </button>
      </p>
    );
  if (pausedHere || sum?.paused)
    return (
      <p class="notice" data-testid="paused-notice">
        {t('verdict_paused')}{' '}
        {pausedHere && (
          <button
            type="button"
            class="link-button"
            onClick={() =>
              void updateSettings((cur) => ({ pausedOrigins: cur.pausedOrigins.filter((o) => o !== origin) }))
            }
          >
            {t('resume')}
          </button>
        )}
      </p>
    );
  if (sum === undefined) return <p class="muted">{t('verdict_loading')}</p>;
  if (sum === null) return <p class="muted">{t('verdict_unavailable')}</p>;
  if (sum.total === 0) return <p class="muted">{t('verdict_none')}</p>;
  if (sum.capped)
    return (
      <p class="notice" data-testid="capped-notice">
        {t('capped_notice', [String(sum.mentions.length), String(sum.total)])}
      </p>
    );
  return null;
}

function App() {
  const s = settings.value;
  const sum = summary.value;
  const list = ordered.value;
  const at = list.findIndex((m) => mentionKey(m) === currentKey.value);
  const entities = ENTITY_IDS.filter((id) => CORE_ENTITY_IDS.includes(id) || s.entities[id]);
  return (
    <>
      <header class="panel-header">
        <div class="title-row">
          <h1>{t('extName')}</h1>
          <label class="text-size">
            <span class="visually-hidden">{t('text_size')}</span>
            <select
              data-testid="text-size"
              value={s.textSize}
              onChange={(e) => {
                const v = e.currentTarget.value as TextSize;
                void updateSettings(() => ({ textSize: v }));
              }}
            >
              <option value="small">{t('text_small')}</option>
              <option value="medium">{t('text_medium')}</option>
              <option value="large">{t('text_large')}</option>
            </select>
          </label>
          <button type="button" class="link-button" data-testid="open-options" onClick={openOptions}>
            {t('settings_link')}
          </button>
        </div>
        <SearchBar
          query={query.value}
          total={hits.value.length}
          current={currentHit.value}
          onQuery={setQuery}
          onStep={stepHit}
        />
      </header>
      <main>
        <Toc active={active.value} read={read.value} onGo={(n) => showReason(n, true)} />
        <section class="mentions" aria-labelledby="mentions-heading">
          <h2 id="mentions-heading">
            {t('panel_mentions')} <span class="group-count">({sum?.total ?? 0})</span>
          </h2>
          <Notices sum={sum} s={s} />
          {sum && sum.mentions.length > 0 && (
            <>
              <MentionControls
                filter={filter.value}
                entities={entities}
                onFilter={(f) => {
                  filter.value = f;
                }}
                onStep={stepMention}
                canStep={list.length > 0}
                position={at >= 0 ? t('position', [String(at + 1), String(list.length)]) : null}
              />
              <MentionList groups={groups.value} currentKey={currentKey.value} onJump={(m) => void jump(m)} />
            </>
          )}
        </section>
        <ArticleView
          active={active.value}
          read={read.value}
          onToggleRead={toggleReadReason}
          hits={hits.value}
          currentHit={currentHit.value}
        />
      </main>
      <div class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {announcement.value}
      </div>
    </>
  );
}

mountPage(<App />, t('extName'), settings);

void readReasonsItem.getValue().then((v) => {
  read.value = normalizeReadReasons(v);
});
readReasonsItem.watch((v) => {
  read.value = normalizeReadReasons(v);
});

/** Show a tab: its summary, and its focus reason (scrolled to only when `scroll`). */
async function showTab(id: number | null, scroll: boolean): Promise<void> {
  tabId.value = id;
  currentKey.value = null;
  if (id === null) {
    summary.value = null;
    return;
  }
  summary.value = undefined;
  const [sum, focus] = await Promise.all([fetchSummary(id), fetchFocus(id)]);
  if (tabId.value !== id) return; // switched again meanwhile
  summary.value = sum;
  if (isReasonNumber(focus)) {
    if (scroll) showReason(focus);
    else active.value = focus;
  }
}

/** Set once the panel has followed a tab switch: the first resolution is stale by then. */
let followedSwitch = false;

void Promise.all([resolveTabId(), takePanelRequest()]).then(async ([id, requested]) => {
  if (!followedSwitch) await showTab(id, requested === null);
  // The popup's request wins over the tab's last clicked mention.
  if (requested !== null) showReason(requested);
});

const windowId = pinned === null ? browser.windows.getCurrent().then((w) => w.id) : Promise.resolve(undefined);

onBroadcast((m) => {
  if (m.type === 'summary-changed' && m.tabId === tabId.value) {
    summary.value = m.summary;
  } else if (m.type === 'show-reason') {
    // For our tab, or (following tabs) for any tab of this window: a click there asked for this reason.
    if (m.tabId === tabId.value) {
      showReason(m.reason);
      // Mark the clicked mention in the list (ids are per frame; the top frame's wins a tie).
      const clicked = summary.value?.mentions.find((x) => x.id === m.mentionId);
      if (clicked) currentKey.value = mentionKey(clicked);
    } else if (pinned === null)
      void windowId.then(async (win) => {
        if (await tabInWindow(m.tabId, win)) showReason(m.reason);
      });
  }
});

if (pinned === null) {
  // Follow the active tab of this panel's window, and navigations in it. Listen at once: a
  // switch right after the panel opens must not be missed while the window id is on its way.
  browser.tabs.onActivated.addListener((info) => {
    void windowId.then((win) => {
      if (info.windowId !== win) return;
      followedSwitch = true;
      void showTab(info.tabId, false);
    });
  });
  browser.tabs.onUpdated.addListener((id, change) => {
    if (id === tabId.value && change.status === 'complete') {
      void fetchSummary(id).then((sum) => {
        if (tabId.value === id) summary.value = sum;
      });
    }
  });
}
