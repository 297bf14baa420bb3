/** The side panel's view: header with search, contents, the tab's mentions with filters, and the article. */
import { ArticleView } from '@/components/article-view';
import { MentionControls } from '@/components/mention-controls';
import { MentionList } from '@/components/mention-list';
import { NotebookView } from '@/components/notebook/notebook-view';
import { SearchBar } from '@/components/search-bar';
import { Toc } from '@/components/toc';
import { t } from '@/platform/i18n';
import { type TextSize, toOrigin } from '@/platform/settings';
import { openOptions } from '@/platform/tab-link';
import { CORE_ENTITY_IDS, ENTITY_IDS } from '@/utils/entities';
import { MentionTools } from './MentionTools';
import type { PanelState } from './state';

/** The two views of the panel, one click apart. */
function ViewSwitch({ state }: { state: PanelState }) {
  const view = state.view.value;
  const tab = (id: 'reader' | 'notebook', label: string) => (
    <button
      type="button"
      id={`view-${id}`}
      data-testid={`view-${id}`}
      aria-pressed={view === id}
      class="view-tab"
      onClick={() => state.showView(id)}
    >
      {label}
    </button>
  );
  return (
    <nav class="view-switch" aria-label={t('panel_views')}>
      {tab('reader', t('panel_view_reader'))}
      {tab('notebook', t('panel_view_notebook'))}
    </nav>
  );
}

function Notices({ state }: { state: PanelState }) {
  const sum = state.summary.value;
  const s = state.settings.value;
  const origin = sum?.url ? toOrigin(sum.url) : null;
  const pausedHere = origin !== null && s.pausedOrigins.includes(origin);
  if (!s.enabled)
    return (
      <p class="notice" data-testid="paused-notice">
        {t('verdict_off')}{' '}
        <button type="button" class="link-button" onClick={() => state.resume()}>
          {t('resume')}
        </button>
      </p>
    );
  if (pausedHere || sum?.paused)
    return (
      <p class="notice" data-testid="paused-notice">
        {t('verdict_paused')}{' '}
        {pausedHere && (
          <button type="button" class="link-button" onClick={() => state.resumeSite(origin)}>
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

function PanelHeader({ state }: { state: PanelState }) {
  const { search } = state;
  return (
    <header class="panel-header">
      <div class="title-row">
        <h1>{t('extName')}</h1>
        <label class="text-size">
          <span class="visually-hidden">{t('text_size')}</span>
          <select
            data-testid="text-size"
            value={state.settings.value.textSize}
            onChange={(e) => state.setTextSize(e.currentTarget.value as TextSize)}
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
        query={search.query.value}
        total={search.hits.value.length}
        current={search.current.value}
        onQuery={(q) => search.set(q)}
        onStep={(d) => search.step(d)}
      />
      <ViewSwitch state={state} />
    </header>
  );
}

/** The reader view: contents, the tab's mentions with their filters, and the article. */
function ReaderView({ state }: { state: PanelState }) {
  const { search } = state;
  const s = state.settings.value;
  const sum = state.summary.value;
  const list = state.ordered.value;
  const at = state.position();
  const entities = ENTITY_IDS.filter((id) => CORE_ENTITY_IDS.includes(id) || s.entities[id]);
  return (
    <main id="panel-reader" aria-labelledby="view-reader">
      <Toc active={state.active.value} read={state.read.value} onGo={(n) => state.showReason(n, true)} />
      <section class="mentions" aria-labelledby="mentions-heading">
        <h2 id="mentions-heading">
          {t('panel_mentions')} <span class="group-count">({sum?.total ?? 0})</span>
        </h2>
        <Notices state={state} />
        {sum && sum.mentions.length > 0 && (
          <>
            <MentionControls
              filter={state.filter.value}
              entities={entities}
              onFilter={(f) => {
                state.filter.value = f;
              }}
              onStep={(d) => state.stepMention(d)}
              canStep={list.length > 0}
              position={at >= 0 ? t('position', [String(at + 1), String(list.length)]) : null}
            />
            <MentionList
              groups={state.groups.value}
              currentKey={state.currentKey.value}
              onJump={(m) => void state.jump(m)}
              extra={(m) => <MentionTools state={state} m={m} />}
            />
          </>
        )}
      </section>
      <ArticleView
        active={state.active.value}
        read={state.read.value}
        onToggleRead={(n) => state.toggleRead(n)}
        hits={search.hits.value}
        currentHit={search.current.value}
      />
    </main>
  );
}

export function App({ state }: { state: PanelState }) {
  return (
    <>
      <PanelHeader state={state} />
      {state.view.value === 'notebook' ? (
        <main id="panel-notebook" aria-labelledby="view-notebook">
          <NotebookView
            state={state.notebook.view}
            historyEnabled={state.notebook.historyEnabled.value}
            onShowReason={(n) => {
              state.showView('reader');
              state.showReason(n, true);
            }}
          />
        </main>
      ) : (
        <ReaderView state={state} />
      )}
      <div class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {state.announcement.value}
      </div>
    </>
  );
}
