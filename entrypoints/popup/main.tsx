/**
 * Toolbar popup: the verdict, counts and chart for the current tab, quick
 * actions, and the eight reasons. The static part renders synchronously on
 * first paint; counts fill their reserved space when the background answers.
 */
import '@/components/theme.css';
import './popup.css';
import { signal } from '@preact/signals';
import { EntityCounts } from '@/components/entity-counts';
import { mountPage } from '@/components/mount-page';
import { ReasonChart } from '@/components/reason-chart';
import { ReasonList } from '@/components/reason-list';
import { reasonBars, verdictFor } from '@/components/reason-model';
import { Switch } from '@/components/switch';
import { VerdictLine } from '@/components/verdict';
import { t } from '@/platform/i18n';
import { DEFAULT_SETTINGS, type Settings, toOrigin, updateSettings } from '@/platform/settings';
import { openPanel } from '@/platform/side-panel';
import {
  askOpenPanel,
  fetchSummary,
  onBroadcast,
  openOptions,
  pinnedTabId,
  requestPanelReason,
  resolveTabId,
} from '@/platform/tab-link';
import { CORE_ENTITY_IDS, ENTITY_IDS } from '@/utils/entities';
import type { ReasonNumber, TabSummary } from '@/utils/types';

const pinned = pinnedTabId();
const tabId = signal<number | null>(pinned);
/** undefined while loading; null when no content script answered. */
const summary = signal<TabSummary | null | undefined>(undefined);
const settings = signal<Settings>(DEFAULT_SETTINGS);

function openPanelAt(reason?: ReasonNumber): void {
  const id = tabId.value;
  if (id === null) return;
  // Synchronously, inside the click: the browser only opens panels in a user gesture.
  void openPanel(id);
  if (reason) requestPanelReason(reason);
  askOpenPanel({ tabId: id, reason });
}

function App() {
  const s = settings.value;
  const sum = summary.value;
  const origin = sum?.url ? toOrigin(sum.url) : null;
  const pausedHere = origin !== null && s.pausedOrigins.includes(origin);
  const verdict = verdictFor(sum, !s.enabled ? 'off' : pausedHere ? 'site' : null);
  const entities = ENTITY_IDS.filter((id) => CORE_ENTITY_IDS.includes(id) || s.entities[id]);
  return (
    <>
      <header class="popup-header">
        <h1>{t('extName')}</h1>
        <button type="button" class="link-button" data-testid="open-options" onClick={openOptions}>
          {t('settings_link')}
        </button>
      </header>
      <main>
        <section class="page-card" aria-labelledby="page-heading">
          <h2 id="page-heading">{t('popup_thisPage')}</h2>
          <VerdictLine verdict={verdict} />
          <EntityCounts
            entities={entities}
            colors={s.colors}
            counts={sum === undefined ? undefined : (sum?.countsByEntity ?? {})}
          />
          <ReasonChart
            bars={reasonBars(sum)}
            ready={sum !== undefined}
            caption={t('chart_caption')}
            onSelect={(n) => openPanelAt(n)}
          />
        </section>
        <section class="actions" aria-label={t('popup_actions')}>
          <Switch
            testId="toggle-highlighting"
            checked={s.enabled}
            label={t('toggle_highlighting')}
            onChange={(enabled) => void updateSettings(() => ({ enabled }))}
          />
          <button
            type="button"
            data-testid="pause-site"
            aria-pressed={pausedHere}
            disabled={origin === null}
            title={origin ?? undefined}
            onClick={() => {
              if (origin === null) return;
              void updateSettings((cur) => ({
                pausedOrigins: cur.pausedOrigins.includes(origin)
                  ? cur.pausedOrigins.filter((o) => o !== origin)
                  : [...cur.pausedOrigins, origin],
              }));
            }}
          >
            {t('pause_site')}
          </button>
          <button
            type="button"
            class="primary"
            data-testid="open-panel"
            disabled={tabId.value === null}
            onClick={() => openPanelAt()}
          >
            {t('open_panel')}
          </button>
        </section>
        <section class="reasons" aria-labelledby="reasons-heading">
          <h2 id="reasons-heading">{t('popup_reasons')}</h2>
          <ReasonList />
        </section>
      </main>
    </>
  );
}

mountPage(<App />, t('extName'), settings);

async function loadSummary(id: number): Promise<void> {
  summary.value = await fetchSummary(id);
}

void resolveTabId().then((id) => {
  tabId.value = id;
  if (id === null) summary.value = null;
  else void loadSummary(id);
});

onBroadcast((m) => {
  if (m.type === 'summary-changed' && m.tabId === tabId.value) summary.value = m.summary;
});
