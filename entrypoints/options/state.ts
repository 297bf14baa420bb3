/** The options page's state: the settings and the colours being picked, and the changes each control makes. */
import { signal } from '@preact/signals';
import { loadNotebookSettings, saveNotebookSettings, watchNotebookSettings } from '@/platform/notebook-settings';
import { DEFAULT_SETTINGS, type Settings, updateSettings } from '@/platform/settings';
import { DEFAULT_NOTEBOOK_SETTINGS, type NotebookSettings } from '@/utils/notebook/settings';
import type { EntityId } from '@/utils/types';

export function createOptionsState(update: typeof updateSettings = updateSettings) {
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  /** Colours being picked but not yet committed, so the preview follows the picker without a write per pixel. */
  const draftColors = signal<Partial<Record<EntityId, string>>>({});
  /** Reading history and its retention (the notebook's own settings, kept on this device). */
  const notebook = signal<NotebookSettings>({ ...DEFAULT_NOTEBOOK_SETTINGS });
  void loadNotebookSettings().then((s) => {
    notebook.value = s;
  });
  watchNotebookSettings((s) => {
    notebook.value = s;
  });

  return {
    settings,
    draftColors,
    notebook,
    setNotebook(next: NotebookSettings): void {
      notebook.value = next;
      void saveNotebookSettings(next);
    },
    setPausedEverywhere(paused: boolean): void {
      void update(() => ({ enabled: !paused }));
    },
    setEntity(id: EntityId, on: boolean): void {
      void update((cur) => ({ entities: { ...cur.entities, [id]: on } }));
    },
    draftColor(id: EntityId, color: string): void {
      draftColors.value = { ...draftColors.value, [id]: color };
    },
    commitColor(id: EntityId, color: string): Promise<void> {
      return update((cur) => ({ colors: { ...cur.colors, [id]: color } })).then(() => {
        const { [id]: _done, ...rest } = draftColors.value;
        draftColors.value = rest;
      });
    },
    addPaused(origin: string): void {
      void update((cur) => ({ pausedOrigins: [...cur.pausedOrigins, origin] }));
    },
    removePaused(origin: string): void {
      void update((cur) => ({ pausedOrigins: cur.pausedOrigins.filter((x) => x !== origin) }));
    },
  };
}

export type OptionsState = ReturnType<typeof createOptionsState>;
