/** The content script's settings reader: same key and repair as the WXT storage item, without the library. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, settingsItem, updateSettings } from '@/platform/settings';
import { onSettings, readSettings } from '@/platform/settings-read';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('content settings reader', () => {
  it('reads what the storage item wrote, and defaults when nothing is stored', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    await updateSettings(() => ({ enabled: false, pausedOrigins: ['https://a.example'] }));
    const s = await readSettings();
    expect(s.enabled).toBe(false);
    expect(s.pausedOrigins).toEqual(['https://a.example']);
    expect(s).toEqual(await settingsItem.getValue());
  });

  it('repairs a damaged value field by field', async () => {
    await fakeBrowser.storage.sync.set({ settings: { enabled: 'no', colors: { wechat: '#ABCDEF', taobao: 'red' } } });
    const s = await readSettings();
    expect(s.enabled).toBe(true);
    expect(s.colors.wechat).toBe('#abcdef');
    expect(s.colors.taobao).toBe(DEFAULT_SETTINGS.colors.taobao);
  });

  it('honours a version 1 value the background has not migrated yet', async () => {
    await fakeBrowser.storage.sync.set({ settings: { highlight: false, entities: { wechat: false } } });
    const s = await readSettings();
    expect(s.enabled).toBe(false);
    expect(s.entities.wechat).toBe(false);
  });

  it('reports changes of the settings key in sync storage only, repaired, until unwatched', async () => {
    const cb = vi.fn();
    const unwatch = onSettings(cb);
    await fakeBrowser.storage.local.set({ settings: { enabled: false } });
    await fakeBrowser.storage.sync.set({ other: 1 });
    expect(cb).not.toHaveBeenCalled();
    await updateSettings(() => ({ enabled: false }));
    expect(cb).toHaveBeenCalledTimes(1);
    expect(cb.mock.calls[0]?.[0]).toMatchObject({ enabled: false, entities: DEFAULT_SETTINGS.entities });
    await fakeBrowser.storage.sync.remove('settings');
    expect(cb).toHaveBeenLastCalledWith(DEFAULT_SETTINGS);
    unwatch();
    await updateSettings(() => ({ enabled: false }));
    expect(cb).toHaveBeenCalledTimes(2);
  });
});
