import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HistorySettings, hostnameFrom } from '@/components/notebook/history-settings';
import type { NotebookApi } from '@/utils/notebook/calls';
import { NOTEBOOK_PRIVACY } from '@/utils/notebook/privacy';
import { DEFAULT_NOTEBOOK_SETTINGS } from '@/utils/notebook/settings';
import en from '../../public/_locales/en/messages.json';
import { $, click, mount, useEnglish } from './helpers/ui';
import { settle, setValue } from './notebook-ui-helpers';

beforeEach(useEnglish);

function fakeApi(replies: Record<string, unknown> = {}) {
  const calls: [string, unknown][] = [];
  const api = (async (name: string, req: unknown) => {
    calls.push([name, req]);
    const r = replies[name];
    if (r instanceof Error) throw r;
    return r ?? { ok: true, value: null };
  }) as NotebookApi;
  return { api, calls };
}

describe('HistorySettings', () => {
  it('starts with history off, explains what is logged, and switches it on', () => {
    const onChange = vi.fn();
    const { api } = fakeApi();
    const root = mount(<HistorySettings settings={{ ...DEFAULT_NOTEBOOK_SETTINGS }} onChange={onChange} api={api} />);
    const sw = $(root, '[data-testid="history-switch"]');
    expect(sw.getAttribute('aria-checked')).toBe('false');
    expect(root.textContent).toContain('Off by default');
    click(sw);
    expect(onChange).toHaveBeenCalledWith({ historyEnabled: true, retentionDays: 90 });
  });

  it('offers 7, 30, 90 and 365 days of retention', () => {
    const onChange = vi.fn();
    const root = mount(
      <HistorySettings
        settings={{ historyEnabled: true, retentionDays: 90 }}
        onChange={onChange}
        api={fakeApi().api}
      />,
    );
    const select = $(root, '[data-testid="retention"]') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['7 days', '30 days', '90 days', '365 days']);
    expect(select.value).toBe('90');
    expect(root.querySelector(`label[for="${select.id}"]`)?.textContent).toBe('Keep history for');
    setValue(select, '30', 'change');
    expect(onChange).toHaveBeenCalledWith({ historyEnabled: true, retentionDays: 30 });
  });

  it('forgets a site typed as a host or a URL, and refuses nonsense', async () => {
    const { api, calls } = fakeApi({ 'nb-forget-site': { ok: true, value: 2 } });
    const root = mount(<HistorySettings settings={DEFAULT_NOTEBOOK_SETTINGS} onChange={() => {}} api={api} />);
    setValue($(root, '[data-testid="forget-site-input"]'), 'not a site!');
    click($(root, '[data-testid="forget-site"]'));
    await settle();
    expect(calls).toEqual([]);
    expect($(root, '[data-testid="history-status"]').textContent).toBe('Enter a site such as example.com.');
    setValue($(root, '[data-testid="forget-site-input"]'), 'https://News.Example/a?b');
    click($(root, '[data-testid="forget-site"]'));
    await settle();
    expect(calls).toEqual([['nb-forget-site', { hostname: 'news.example' }]]);
    expect($(root, '[data-testid="history-status"]').textContent).toBe('Forgot 2 visits to news.example.');
  });

  it('clears history and reports a failed call without throwing', async () => {
    const { api, calls } = fakeApi({ 'nb-clear-history': new Error('gone') });
    const root = mount(<HistorySettings settings={DEFAULT_NOTEBOOK_SETTINGS} onChange={() => {}} api={api} />);
    click($(root, '[data-testid="clear-history"]'));
    await settle();
    expect(calls.map((c) => c[0])).toEqual(['nb-clear-history']);
    expect($(root, '[data-testid="history-status"]').textContent).toBe(
      'The notebook could not be reached or saved. Try again.',
    );
  });

  it('deletes everything only after confirming', async () => {
    const { api, calls } = fakeApi();
    const root = mount(<HistorySettings settings={DEFAULT_NOTEBOOK_SETTINGS} onChange={() => {}} api={api} />);
    click($(root, '[data-testid="delete-everything"]'));
    click($(root, '[data-testid="delete-cancel"]'));
    expect(calls).toEqual([]);
    click($(root, '[data-testid="delete-everything"]'));
    expect(root.textContent).toContain('This cannot be undone.');
    click($(root, '[data-testid="delete-confirm"]'));
    await settle();
    expect(calls).toEqual([['nb-delete-everything', {}]]);
    expect($(root, '[data-testid="history-status"]').textContent).toBe('The notebook is empty.');
  });

  it('shows the privacy text, the same as utils/notebook/privacy.ts', () => {
    const root = mount(
      <HistorySettings settings={DEFAULT_NOTEBOOK_SETTINGS} onChange={() => {}} api={fakeApi().api} />,
    );
    const text = $(root, '.nb-privacy').textContent ?? '';
    expect(text).toContain('IndexedDB');
    const msgs = en as Record<string, { message: string }>;
    for (const kind of NOTEBOOK_PRIVACY) {
      for (const part of ['what', 'when', 'removal'] as const) {
        expect(msgs[`nb_privacy_${kind.kind}_${part}`]?.message).toBe(kind[part]);
        expect(text).toContain(kind[part]);
      }
    }
  });
});

describe('hostnameFrom', () => {
  it('reads hosts and URLs, lower-cased', () => {
    expect(hostnameFrom(' Example.COM ')).toBe('example.com');
    expect(hostnameFrom('http://a.b.example:8080/x')).toBe('a.b.example');
    expect(hostnameFrom('example.com/path')).toBe('example.com');
    expect(hostnameFrom('')).toBeNull();
    expect(hostnameFrom('a b')).toBeNull();
    expect(hostnameFrom('javascript:alert(1)')).toBeNull();
  });
});
