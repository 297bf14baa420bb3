/** Options: pause everywhere, entities and their colours (with a contrast check), and paused sites. */
import '@/components/theme.css';
import './options.css';
import { signal } from '@preact/signals';
import { EntityRow } from '@/components/entity-settings';
import { mountPage } from '@/components/mount-page';
import { PausedSites } from '@/components/paused-sites';
import { t } from '@/platform/i18n';
import { DEFAULT_SETTINGS, type Settings, updateSettings } from '@/platform/settings';
import { ENTITIES } from '@/utils/entities';
import type { EntityId } from '@/utils/types';

const settings = signal<Settings>(DEFAULT_SETTINGS);
/** Colours being picked but not yet committed, so the preview follows the picker without a write per pixel. */
const draftColors = signal<Partial<Record<EntityId, string>>>({});

function EntitySection({ core }: { core: boolean }) {
  const s = settings.value;
  return (
    <ul class="entity-rows">
      {ENTITIES.filter((e) => e.core === core).map((e) => (
        <EntityRow
          key={e.id}
          entity={e}
          enabled={s.entities[e.id]}
          color={draftColors.value[e.id] ?? s.colors[e.id]}
          onToggle={(id, on) => void updateSettings((cur) => ({ entities: { ...cur.entities, [id]: on } }))}
          onColorInput={(id, color) => {
            draftColors.value = { ...draftColors.value, [id]: color };
          }}
          onColorChange={(id, color) => {
            void updateSettings((cur) => ({ colors: { ...cur.colors, [id]: color } })).then(() => {
              const { [id]: _done, ...rest } = draftColors.value;
              draftColors.value = rest;
            });
          }}
        />
      ))}
    </ul>
  );
}

function App() {
  const s = settings.value;
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
            onChange={(e) => {
              const paused = e.currentTarget.checked;
              void updateSettings(() => ({ enabled: !paused }));
            }}
          />
          <label for="pause-everywhere">{t('pause_everywhere')}</label>
        </p>
        <p class="muted">{t('options_applies')}</p>
      </section>
      <section aria-labelledby="entities-heading">
        <h2 id="entities-heading">{t('options_entities')}</h2>
        <p class="muted">{t('contrast_explain')}</p>
        <EntitySection core={true} />
        <h3>{t('options_related')}</h3>
        <EntitySection core={false} />
      </section>
      <section aria-labelledby="paused-heading">
        <h2 id="paused-heading">{t('options_paused')}</h2>
        <PausedSites
          origins={s.pausedOrigins}
          onAdd={(o) => void updateSettings((cur) => ({ pausedOrigins: [...cur.pausedOrigins, o] }))}
          onRemove={(o) => void updateSettings((cur) => ({ pausedOrigins: cur.pausedOrigins.filter((x) => x !== o) }))}
        />
      </section>
    </main>
  );
}

mountPage(<App />, t('options_title'), settings);
