import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_SETTINGS,
  isActiveFor,
  loadSettings,
  migrateV1toV2,
  normalizeReadReasons,
  normalizeSettings,
  settingsItem,
  toOrigin,
  updateSettings,
} from '@/platform/settings';

describe('normalizeSettings', () => {
  it('returns defaults for anything that is not an object', () => {
    for (const raw of [null, undefined, 3, 'x', [], true]) expect(normalizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and repairs only the corrupt ones', () => {
    const s = normalizeSettings({
      enabled: false,
      entities: { wechat: false, tencent: true, ebay: true, taobao: 'yes' },
      colors: { wechat: '#ABCDEF', taobao: 'red', alibaba: '#12345' },
      pausedOrigins: ['https://a.example/path', 'b.example', 42, 'javascript:alert(1)', 'https://a.example'],
      textSize: 'huge',
    });
    expect(s.enabled).toBe(false);
    expect(s.entities).toEqual({ ...DEFAULT_SETTINGS.entities, wechat: false, tencent: true });
    expect(s.colors.wechat).toBe('#abcdef');
    expect(s.colors.taobao).toBe(DEFAULT_SETTINGS.colors.taobao);
    expect(s.colors.alibaba).toBe(DEFAULT_SETTINGS.colors.alibaba);
    expect(s.pausedOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(s.textSize).toBe('medium');
  });

  it('never shares objects with the defaults', () => {
    const s = normalizeSettings(null);
    s.entities.wechat = false;
    expect(DEFAULT_SETTINGS.entities.wechat).toBe(true);
  });
});

describe('toOrigin and isActiveFor', () => {
  it('reduces input to an http(s) origin', () => {
    expect(toOrigin('https://news.example/a?b#c')).toBe('https://news.example');
    expect(toOrigin('  news.example ')).toBe('https://news.example');
    expect(toOrigin('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080');
    expect(toOrigin('ftp://x.example')).toBeNull();
    expect(toOrigin('')).toBeNull();
    expect(toOrigin('http://')).toBeNull();
  });

  it('is off everywhere when disabled and off on paused origins', () => {
    const s = normalizeSettings({ pausedOrigins: ['https://paused.example'] });
    expect(isActiveFor(s, 'https://paused.example/article')).toBe(false);
    expect(isActiveFor(s, 'https://other.example/')).toBe(true);
    expect(isActiveFor({ ...s, enabled: false }, 'https://other.example/')).toBe(false);
  });
});

describe('stored settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrates the first version format without losing choices', async () => {
    // What version 1 wrote: the value and WXT's version metadata.
    await fakeBrowser.storage.sync.set({
      settings: { highlight: false, entities: { wechat: true, taobao: false, alibaba: true } },
      settings$: { v: 1 },
    });
    await settingsItem.migrate();
    const s = await loadSettings();
    expect(s.enabled).toBe(false);
    expect(s.entities.taobao).toBe(false);
    expect(s.entities.wechat).toBe(true);
    expect(s.colors).toEqual(DEFAULT_SETTINGS.colors);
    const stored = await fakeBrowser.storage.sync.get('settings$');
    expect(stored.settings$).toEqual({ v: 2 });
  });

  it('migrateV1toV2 tolerates garbage', () => {
    expect(migrateV1toV2('x')).toEqual(DEFAULT_SETTINGS);
    expect(migrateV1toV2({ highlight: 'no' }).enabled).toBe(true);
  });

  it('repairs a corrupt stored value field by field', async () => {
    await fakeBrowser.storage.sync.set({ settings: { enabled: false, colors: 'broken', entities: { taobao: false } } });
    const s = await loadSettings();
    expect(s.enabled).toBe(false);
    expect(s.entities.taobao).toBe(false);
    expect(s.colors).toEqual(DEFAULT_SETTINGS.colors);
  });

  it('updateSettings stores a normalised result', async () => {
    await updateSettings(() => ({ pausedOrigins: ['https://x.example/page'] }));
    await updateSettings((s) => ({ enabled: !s.enabled }));
    const s = await loadSettings();
    expect(s.pausedOrigins).toEqual(['https://x.example']);
    expect(s.enabled).toBe(false);
  });
});

describe('normalizeReadReasons', () => {
  it('keeps unique reason numbers in order', () => {
    expect(normalizeReadReasons([3, 1, 3, 9, 'x', 2.5, 8])).toEqual([1, 3, 8]);
    expect(normalizeReadReasons('nope')).toEqual([]);
  });
});
