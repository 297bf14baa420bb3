/** The popup's view: the verdict, counts and chart for the current tab, quick actions, and the eight reasons. */
import { EntityCounts } from '@/components/entity-counts';
import { ReasonChart } from '@/components/reason-chart';
import { ReasonList } from '@/components/reason-list';
import { reasonBars, verdictFor } from '@/components/reason-model';
import { Switch } from '@/components/switch';
import { VerdictLine } from '@/components/verdict';
import { t } from '@/platform/i18n';
import { toOrigin } from '@/platform/settings';
import { openOptions } from '@/platform/tab-link';
import { CORE_ENTITY_IDS, ENTITY_IDS } from '@/utils/entities';
import type { PopupState } from './state';

export function App({ state }: { state: PopupState }) {
  const { settings, summary, tabId, openPanelAt } = state;
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
            unlinked={sum?.unlinked ?? 0}
            onSelect={(n) => openPanelAt(n)}
          />
        </section>
        <section class="actions" aria-label={t('popup_actions')}>
          <Switch
            testId="toggle-highlighting"
            checked={s.enabled}
            label={t('toggle_highlighting')}
            onChange={state.setEnabled}
          />
          <button
            type="button"
            data-testid="pause-site"
            aria-pressed={pausedHere}
            disabled={origin === null}
            title={origin ?? undefined}
            onClick={() => origin !== null && state.togglePaused(origin)}
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
