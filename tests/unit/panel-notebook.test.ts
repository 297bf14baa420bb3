/** entrypoints/sidepanel/panel-notebook.ts: the panel's notebook with a fake api and fake settings. */
import { describe, expect, it, vi } from 'vitest';
import { createPanelNotebook } from '@/entrypoints/sidepanel/panel-notebook';
import type { NotebookSettings } from '@/utils/notebook/settings';
import { mention, summaryOf } from './helpers/tab-summary';
import { fakeApi, passage } from './notebook-fake-api';

function panelNotebook() {
  const fake = fakeApi([passage(0), passage(1)]);
  const watchers: ((s: NotebookSettings) => void)[] = [];
  const notebook = createPanelNotebook({
    notebookApi: fake.api,
    loadNotebookSettings: async () => ({ historyEnabled: true, retentionDays: 90 }),
    watchNotebookSettings: (cb) => {
      watchers.push(cb);
      return () => {};
    },
  });
  const setHistory = (on: boolean) => {
    for (const cb of watchers) cb({ historyEnabled: on, retentionDays: 90 });
  };
  return { notebook, fake, setHistory };
}

describe('createPanelNotebook', () => {
  it('follows the reading-history switch: the stored setting, then each change', async () => {
    const { notebook, setHistory } = panelNotebook();
    expect(notebook.historyEnabled.value).toBe(false);
    notebook.start();
    await vi.waitFor(() => expect(notebook.historyEnabled.value).toBe(true));
    setHistory(false);
    expect(notebook.historyEnabled.value).toBe(false);
  });

  it('loads nothing until shown, then the passages and the week', async () => {
    const { notebook, fake } = panelNotebook();
    expect(fake.calls).toEqual([]);
    notebook.load();
    await vi.waitFor(() => expect(notebook.view.items.value).toHaveLength(2));
    await vi.waitFor(() => expect(notebook.view.week.value?.pages).toBe(4));
  });

  it("words a keep: done, the store's error, or 'failed' when the call throws", async () => {
    const { notebook, fake } = panelNotebook();
    const m = mention('wechat', 6);
    const tab = summaryOf([m]);
    const values = { stance: 'supports', reason: 6 } as const;
    fake.override['nb-keep'] = () => ({ ok: true, value: passage(2) });
    expect(await notebook.mentions.keep(tab, m, values)).toBeNull();
    fake.override['nb-keep'] = () => ({ ok: false, error: 'duplicate', message: 'Kept already.' });
    expect(await notebook.mentions.keep(tab, m, values)).toBe('duplicate');
    fake.override['nb-keep'] = () => {
      throw new Error('background gone');
    };
    expect(await notebook.mentions.keep(tab, m, values)).toBe('failed');
    expect(fake.calls.at(-1)?.request).toMatchObject({ pageUrl: tab.url, sentence: m.sentence, reason: 6 });
  });
});
