/**
 * The side panel's notebook: the notebook view's state, whether reading
 * history is on (the view then shows this week's reasons), and what the
 * mention list does with the notebook. Made from its platform edge, so a test
 * can pass fakes.
 */
import { type Signal, signal } from '@preact/signals';
import { createNotebookState, type NotebookState } from '@/components/notebook/notebook-state';
import { notebookApi } from '@/platform/notebook-client';
import { loadNotebookSettings, watchNotebookSettings } from '@/platform/notebook-settings';
import type { NotebookSettings } from '@/utils/notebook/settings';
import { createMentionNotebook, type MentionNotebook } from './notebook-actions';

export const NOTEBOOK_PLATFORM = { notebookApi, loadNotebookSettings, watchNotebookSettings };
export type NotebookDeps = typeof NOTEBOOK_PLATFORM;

export interface PanelNotebook {
  readonly view: NotebookState;
  /** Reading history is on: the notebook shows this week's reasons. */
  readonly historyEnabled: Signal<boolean>;
  /** Keep, correct and undo for the mention list. */
  readonly mentions: MentionNotebook;
  /** Loads the passages and this week's reasons: each time the notebook is shown. */
  load(): void;
  /** Follows the reading-history switch. */
  start(): void;
}

export function createPanelNotebook(deps: NotebookDeps): PanelNotebook {
  const view = createNotebookState(deps.notebookApi);
  const historyEnabled = signal(false);
  return {
    view,
    historyEnabled,
    mentions: createMentionNotebook(deps.notebookApi),
    load() {
      void view.refresh();
      void view.loadWeek();
    },
    start() {
      const follow = (s: NotebookSettings) => {
        historyEnabled.value = s.historyEnabled;
      };
      void deps.loadNotebookSettings().then(follow);
      deps.watchNotebookSettings(follow);
    },
  };
}
