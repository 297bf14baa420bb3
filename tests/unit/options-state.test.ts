/** entrypoints/options/state.ts: each control's change, stored through the settings item (fakeBrowser). */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createOptionsState } from '@/entrypoints/options/state';
import { loadSettings } from '@/platform/settings';

beforeEach(() => fakeBrowser.reset());

describe('createOptionsState', () => {
  it('keeps a picked colour as a draft until it is committed', async () => {
    const state = createOptionsState();
    state.draftColor('wechat', '#000000');
    expect(state.draftColors.value).toEqual({ wechat: '#000000' });
    await state.commitColor('wechat', '#000000');
    expect(state.draftColors.value).toEqual({});
    expect((await loadSettings()).colors.wechat).toBe('#000000');
  });

  it('turns entities on, pauses everywhere, and adds and removes paused sites', async () => {
    const state = createOptionsState();
    state.setEntity('tmall', true);
    await vi.waitFor(async () => expect((await loadSettings()).entities.tmall).toBe(true));
    state.setPausedEverywhere(true);
    await vi.waitFor(async () => expect((await loadSettings()).enabled).toBe(false));
    state.addPaused('https://a.example');
    await vi.waitFor(async () => expect((await loadSettings()).pausedOrigins).toEqual(['https://a.example']));
    state.removePaused('https://a.example');
    await vi.waitFor(async () => expect((await loadSettings()).pausedOrigins).toEqual([]));
  });
});
