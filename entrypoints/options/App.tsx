/** The options page's view: pause everywhere, entities and their colours (with a contrast check), paused sites. */
import { EntityRow } from '@/components/entity-settings';
import { HistorySettings } from '@/components/notebook/history-settings';
import { PausedSites } from '@/components/paused-sites';
import { t } from '@/platform/i18n';
import { notebookApi } from '@/platform/notebook-client';
import { ENTITIES } from '@/utils/entities';
import type { OptionsState } from './state';

function EntitySection({ state, core }: { state: OptionsState; core: boolean }) {
  const s = state.settings.value;
  return (
    <ul class="entity-rows">
      {ENTITIES.filter((e) => e.core === core).map((e) => (
        <EntityRow
          key={e.id}
          entity={e}
          enabled={s.entities[e.id]}
          color={state.draftColors.value[e.id] ?? s.colors[e.id]}
          onToggle={state.setEntity}
          onColorInput={state.draftColor}
          onColorChange={(id, color) => void state.commitColor(id, color)}
        />
      ))}
    </ul>
  );
}

export function App({ state }: { state: OptionsState }) {
  const s = state.settings.value;
  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <section aria-labelledby="general-heading">
        <h2 id="general-heading">{t('options_general')}</h2>
        <p class="check-row">
          <input
            id="pause-everywhere"
            type="checkbox"
            data-testid="pause-everywhere"
            checked={!s.enabled}
            onChange={(e) => state.setPausedEverywhere(e.currentTarget.checked)}
          />
          <label for="pause-everywhere">{t('pause_everywhere')}</label>
        </p>
        <p class="muted">{t('options_applies')}</p>
      </section>
      <section aria-labelledby="entities-heading">
        <h2 id="entities-heading">{t('options_entities')}</h2>
        <p class="muted">{t('contrast_explain')}</p>
        <EntitySection state={state} core={true} />
        <h3>{t('options_related')}</h3>
        <EntitySection state={state} core={false} />
      </section>
      <section aria-labelledby="paused-heading">
        <h2 id="paused-heading">{t('options_paused')}</h2>
        <PausedSites origins={s.pausedOrigins} onAdd={state.addPaused} onRemove={state.removePaused} />
      </section>
      <HistorySettings settings={state.notebook.value} onChange={state.setNotebook} api={notebookApi} />
    </main>
  );
}
